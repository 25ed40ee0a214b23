import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

extension NativeGraphMerger {
    /// `alias("f")`, `ifunc("resolver")` and `#pragma weak name = f`: kind `alias or ifunc of`, to the aliased function
    /// or the resolver, from the declaration as this pass keys it and as callers in the index name it (an alias the
    /// index holds no definition of is a toolchain-style node keyed by its USR).
    func addAliasEdges(of definition: DefinitionInMerge, to graph: GraphBuilder) {
        let owned = definition.owned
        guard !owned.definition.aliasOf.isEmpty else { return }
        let sources = definition.calledNodes(in: graph)
        for usr in owned.definition.aliasOf {
            // The target is a definition of this pass, or (when libclang kept nothing of it) of the index; a `weakref`
            // may name a function the package does not define (`weakref("open")`): the C function of that name, found
            // like a call of it (the catalog's sink, when it is one).
            let name = usr.hasPrefix("c:@F@") ? String(usr.dropFirst(5)) : nil
            guard let target = definition.ids[owned.package + "|" + usr] ?? graph.id(forKey: owned.package + "|" + usr)
                    ?? name.map({ cFunction(named: $0, from: owned.package, definition: definition, in: graph) }) else { continue }
            for source in sources { graph.addEdge(from: source, to: target, kind: .symbolAlias, site: owned.definition.location) }
        }
    }
}
