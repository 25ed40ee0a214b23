import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckPolicy

/// What the bundled catalog says of each node of a graph: the toolchain API or C function it is, if any. This does
/// not depend on the policy, so it is worked out once per graph (on both cores) and kept in the analysis snapshot;
/// the checker matches the policy's user sinks on top.
public struct CatalogSinks: Sendable {
    /// By node id.
    public let matches: [SinkMatch?]

    package init(matches: [SinkMatch?]) { self.matches = matches }

    /// Classifies every node; only Swift symbols the analysed sources do not define are demangled.
    public init(graph: CallGraph, catalog: SinkCatalog, naming: SymbolNaming) {
        let nodes = graph.nodes
        matches = concurrentMap(nodes.count) { index in
            let node = nodes[index]
            // C code may call a toolchain Swift function by its mangled name (`$ss11CommandLineO10unsafeArgv…`): it is
            // that function, classified as Swift code's call of it is (found by the seventh sweep).
            if node.language.isClang, !node.isDefined, let usr = SymbolNaming.swiftUSR(ofCSymbol: node.name),
               let demangled = naming.demangled(cSymbol: node.name), let parsed = SwiftSymbolName(demangled: demangled) {
                return catalog.classifyToolchain(parsed, usr: usr, isType: false)
            }
            let needsName = node.language == .swift && !node.isDefined
            return catalog.toolchainMatch(node, demangled: needsName ? naming.demangled(node) : nil)
        }
    }
}
