import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

extension NativeGraphMerger {
    /// A raw `syscall(n, …)`: an edge to `syscall(SYS_<name>)` with that system call's capability.
    func addRawSyscallEdges(of definition: DefinitionInMerge, syscalls: SyscallTable, to graph: GraphBuilder) {
        for call in definition.owned.definition.syscalls {
            for (name, capability) in Self.syscallSinks(call, syscalls) {
                graph.addEdge(from: definition.node, to: sink(name, capability, graph), kind: .reference, site: call.site)
            }
        }
    }

    /// The sinks a raw system call reaches: by its constant number, or every effect a system call can have.
    package static func syscallSinks(_ call: SyscallSite, _ table: SyscallTable) -> [(String, Capability)] {
        guard let number = call.number else {
            return [Capability.fs, .net, .exec].map { ("syscall(non-constant number)", $0) }
        }
        guard let entry = table.entry(for: number) else { return [] }
        return ([entry.capability] + entry.alsoNeeds).map { ("syscall(SYS_\(entry.name))", $0) }
    }
}
