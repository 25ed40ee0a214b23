import CapCheckSupport
import CapCheckModel
import Foundation

extension SinkCatalog {
    /// The reviewed Linux system calls by name and capability, from the bundled `syscalls.json` (the numbers are the
    /// platform's own: the native-code stage evaluates them, `SyscallTable`).
    package static func reviewedSystemCalls() throws -> [(name: String, capability: Capability)] {
        guard let url = Bundle.module.url(forResource: "syscalls", withExtension: "json", subdirectory: "Resources"),
              let data = FileManager.default.contents(atPath: url.path),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let table = object["syscalls"] as? [String: [String]] else {
            throw CapCheckError(.toolchain, "capcheck's syscalls.json catalog resource is missing or malformed; reinstall capcheck")
        }
        return table.flatMap { capability, names in names.map { ($0, Capability(capability)) } }
            // By name, then capability: a call listed under two (`io_uring_enter`: `fs` and `net`) must come out in one
            // order, or the syscall cache key (and the analysis snapshot's) differs from run to run.
            .sorted { ($0.name, $0.capability.name) < ($1.name, $1.capability.name) }
    }
}
