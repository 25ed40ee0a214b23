import CapCheckSupport
import CapCheckModel
import CapCheckGraph

extension NativeGraphMerger {
    /// A C function imported as a property's getter (`__attribute__((swift_name("getter:Foo.bar(self:)")))`) may have
    /// a setter imported the same way; `foo.bar = 3` is recorded as a use of the getter and of a Swift setter no code
    /// defines, never of the C setter. Which C function that is, the index does not say (the attribute names it), so
    /// a Swift declaration writing such a property reaches every C function of the getter's target at that
    /// place, kind `may call a C function imported as the property's setter`. Found by an evasion sweep (`c2`).
    func addImportedSetterEdges(to graph: GraphBuilder) {
        var targetFunctions: [String: [Int32]] = [:]
        var hasSetterUse = false
        for (index, node) in graph.nodes.enumerated() {
            // Any C function of the target, a header's `static inline` one (`c:gauge.h@F@…`) too.
            if node.language.isClang, node.isDefined, node.kind == .function,
               let package = node.package, let module = node.module {
                targetFunctions[package + "|" + module, default: []].append(Int32(index))
            } else if Self.isImportedSetter(node) {
                hasSetterUse = true
            }
        }
        guard hasSetterUse, !targetFunctions.isEmpty else { return }
        for from in graph.nodes.indices where graph.nodes[from].language == .swift && graph.nodes[from].package != nil {
            let edges = graph.edges[from]
            let setterSites = Set(edges.filter { Self.isImportedSetter(graph.nodes[Int($0.target)]) }.compactMap(\.site))
            guard !setterSites.isEmpty else { continue }
            var added = Set<Int32>()
            for edge in edges {
                let getter = graph.nodes[Int(edge.target)]
                guard let site = edge.site, setterSites.contains(site), getter.language.isClang, getter.kind == .function,
                      let package = getter.package, let module = getter.module else { continue }
                for function in targetFunctions[package + "|" + module] ?? [] where added.insert(function).inserted {
                    graph.addEdge(from: Int32(from), to: function, kind: .importedSetter, site: site)
                }
            }
        }
    }

    /// A Swift setter of a declaration the Clang importer made (`s:So…vs`, `…vsZ` for a static property).
    private static func isImportedSetter(_ node: GraphNode) -> Bool {
        node.language == .swift && node.usr.hasPrefix("s:So") && (node.usr.hasSuffix("vs") || node.usr.hasSuffix("vsZ"))
    }
}
