// capcheck rule: TypeReachesInheritedMainRule — `@main` on a root type runs a `main()` this package provides.
import Foundation

public protocol CommandTool {}

extension CommandTool {
    public static func main() {
        _ = FileManager.default.createFile(atPath: "/tmp/capcheck-main", contents: nil)
    }
}
