import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// The graph's C definitions by clang USR, one per package that defines the symbol: vendored copies of one C library
/// (BoringSSL in swift-crypto and in swift-nio-ssl) define the same USRs, and a path must not jump from one copy
/// into the other. Both the index-store graph (`CallGraphBuilder`) and the libclang pass (`NativeGraphMerger`)
/// resolve C references through it.
package struct ClangDefinitions {
    private var byUSR: [String: [(package: String, id: Int32)]] = [:]

    package init() {}

    /// Every C definition the graph has (keyed `package|usr`).
    package init(definedIn graph: GraphBuilder) {
        for (index, node) in graph.nodes.enumerated() where node.language.isClang && node.isDefined && node.usr.hasPrefix("c:") {
            if let package = node.package { add(node.usr, package: package, id: Int32(index)) }
        }
    }

    package mutating func add(_ usr: String, package: String, id: Int32) {
        byUSR[usr, default: []].append((package, id))
    }

    /// The definition a reference from `package` means: the package's own, else one in its dependencies, else the
    /// first one seen; nil when the graph defines no such symbol.
    package func resolve(_ usr: String, from package: String?, in packageGraph: PackageGraph) -> Int32? {
        guard let candidates = byUSR[usr] else { return nil }
        if let package {
            if let own = candidates.first(where: { $0.package == package }) { return own.id }
            if let dependency = candidates.first(where: { packageGraph.isDependency($0.package, of: package) }) { return dependency.id }
        }
        return candidates[0].id
    }
}
