import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

/// Raw system-call numbers of the analysed target and the capability each needs. The reviewed list of names
/// is the `syscalls.json` catalog resource; the numbers come from the platform's own `SYS_<name>` macros,
/// evaluated by libclang with the flags of a compiled C source (so the table follows the target architecture).
public struct SyscallTable: Sendable {
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let capability: Capability
        /// Further capabilities it needs (`io_uring_enter` runs file and network requests alike).
        public var alsoNeeds: [Capability] = []
    }

    /// Entries by system-call number.
    public let entries: [Int64: Entry]

    public init(entries: [Int64: Entry]) { self.entries = entries }

    public func entry(for number: Int64) -> Entry? { entries[number] }

    /// A C file declaring one constant per listed system call present on the platform: `capcheck_sys_<name> = SYS_<name>`.
    package static func probeSource(names: [String]) -> String {
        var lines = ["#include <sys/syscall.h>"]
        for name in names {
            lines += ["#ifdef SYS_\(name)", "static const long long capcheck_sys_\(name) = SYS_\(name);", "#endif"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Evaluates the probe with libclang under `arguments` (a compiled source's flags: target, sysroot, defines).
    package static func evaluate(api: LibClangAPI, index: UnsafeMutableRawPointer, names: [(name: String, capability: Capability)],
                         arguments: [String]) throws -> (SyscallTable, [String]) {
        let capabilities = Dictionary(names.map { ($0.name, [$0.capability]) }, uniquingKeysWith: +)
        let scanner = NativeSourceScanner(api: api)
        let (entries, errors) = scanner.withTranslationUnit(
            index: index, source: "capcheck-syscall-numbers.c", arguments: arguments + ["-x", "c"],
            unsaved: probeSource(names: names.map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } })
        ) { unit -> [Int64: Entry] in
            var entries: [Int64: Entry] = [:]
            api.visit(api.getTranslationUnitCursor(unit)) { cursor in
                guard api.getCursorKind(cursor) == CXCursorKindValue.varDecl else { return .next }
                let variable = api.spelling(cursor)
                guard variable.hasPrefix("capcheck_sys_"), let number = api.evaluateInteger(cursor) else { return .next }
                let name = String(variable.dropFirst("capcheck_sys_".count))
                if let needed = capabilities[name]?.sorted(by: { $0.name < $1.name }), let first = needed.first {
                    entries[number] = Entry(name: name, capability: first, alsoNeeds: Array(needed.dropFirst()))
                }
                return .next
            }
            return entries
        }
        return (SyscallTable(entries: entries ?? [:]), errors)
    }
}
