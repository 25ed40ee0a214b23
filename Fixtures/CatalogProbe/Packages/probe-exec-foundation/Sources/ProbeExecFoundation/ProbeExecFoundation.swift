// Catalog probe: exec through Foundation: Process.run().
import Foundation

public func probe() {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try? process.run()
}
