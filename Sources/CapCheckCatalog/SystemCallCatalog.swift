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
            .sorted { $0.name < $1.name }
    }
}
