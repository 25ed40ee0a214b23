import Foundation
import PackagePlugin
#if canImport(Glibc)
import Glibc
#endif

/// A build-tool plugin that, when capcheck's sandbox test asks it to through the environment, tries to do what a
/// hostile plugin would: write a file outside the scratch folder (`CAPCHECK_PROBE_DIR`) and connect to a socket
/// (`CAPCHECK_PROBE_PORT` on 127.0.0.1). Either failing fails the build. Without those variables it does nothing.
@main
struct ProbePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["CAPCHECK_PROBE_DIR"], !folder.isEmpty {
            let file = URL(fileURLWithPath: folder).appendingPathComponent("written-by-plugin")
            do {
                try Data("the plugin ran here\n".utf8).write(to: file)
            } catch {
                throw ProbeError("ProbePlugin could not write \(file.path): \(error)")
            }
        }
        if let port = environment["CAPCHECK_PROBE_PORT"].flatMap(UInt16.init) {
            try connect(port: port)
        }
        return []
    }

    private func connect(port: UInt16) throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProbeError("ProbePlugin could not open a socket (errno \(errno))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else { throw ProbeError("ProbePlugin could not connect to 127.0.0.1:\(port) (errno \(errno))") }
        _ = "probe\n".withCString { send(fd, $0, 6, 0) }
        #endif
    }
}

struct ProbeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
