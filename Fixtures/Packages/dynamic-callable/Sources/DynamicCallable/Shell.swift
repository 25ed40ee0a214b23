// capcheck rule: @dynamicCallable. `shell("ls")` calls `dynamicallyCall(withArguments:)`; the index records only the
// read of `shell`.
import Foundation

@dynamicCallable
public struct Shell {
    public init() {}

    public func dynamicallyCall(withArguments arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        process.arguments = arguments
        try? process.run()
        return 0
    }
}
