import CapCheckSupport
import CapCheckModel
import SwiftSyntax

/// Lookups in the call graph the tracer builds once, on first use: edges into a node, the node declared at a place,
/// C functions by name.
extension ValueTracer {
    func node(at location: SourceLocation, prefer: (GraphNode) -> Bool = { _ in true }) -> Int32? {
        if nodesByLine == nil {
            var index: [String: [Int32]] = [:]
            for (id, node) in graph.nodes.enumerated() {
                guard let at = node.location else { continue }
                index["\(at.file):\(at.line)", default: []].append(Int32(id))
            }
            nodesByLine = index
        }
        let candidates = nodesByLine?["\(location.file):\(location.line)"] ?? []
        let here = candidates.filter { graph.nodes[Int($0)].location?.column == location.column }
        return here.first { prefer(graph.nodes[Int($0)]) } ?? here.first ?? (candidates.count == 1 ? candidates[0] : nil)
    }

    /// The constant the C function a call at `site` names returns (its definition's whole body `return "…";`), if any.
    /// The function is the one the index records a reference to there: BoringSSL's prefix macros rename `X509_…` to
    /// `CNIOBoringSSL_X509_…`, and a name no C code defines (a Swift `@_cdecl`, an assembly label, a library's) has no
    /// constant, whatever another function named `…_name` returns (the twenty-third sweep's). Without a reference at the
    /// site (the graph keeps one edge per caller and callee), the name as written.
    func returnedConstant(_ name: String, at site: SourceLocation) -> String? {
        guard let names = packageCNames() else { return nil }
        // The calling function is defined in the call's file: its reference edges at the site (not `referencesAt`, whose
        // table of every edge's site costs a changed run 0.3 s on vapor's graph).
        let atSite = nodes(inFile: site.file).flatMap { node in
            graph.edges[Int(node)].filter { $0.kind == .reference && $0.site == site }.map(\.target)
        }
        let referenced = Set(atSite.map { graph.nodes[Int($0)] }.filter { $0.language.isClang }.map(\.name))
        guard referenced.count <= 1 else { return nil }
        let callee = referenced.first ?? name
        // A C variable of that name anywhere (`static const char *(*cd_name)(void) = cd_home;` in another file, the twelfth
        // sweep's) may be what the call goes through; `home()` of a C++ type `home` is a temporary whose conversion runs
        // (the nineteenth sweep's, beside a `cfg_home` returning a constant). A variable or type of the name makes the
        // call unknown.
        guard !names.variables.contains(callee), !names.variables.contains(name) else { return nil }
        let returned = (names.functions[callee] ?? []).map { id -> String? in
            guard let location = graph.nodes[Int(id)].location else { return nil }
            return cSites(location.file)?.returnedLiteral(ofFunctionAt: location)
        }
        // Every definition must return the same constant (two copies of BoringSSL each have one).
        guard !returned.isEmpty, !returned.contains(nil), Set(returned).count == 1 else { return nil }
        return returned[0]
    }

    /// The nodes defined in `file`.
    func nodes(inFile file: String) -> [Int32] {
        if nodesByFile == nil {
            var byFile: [String: [Int32]] = [:]
            for (id, node) in graph.nodes.enumerated() { if let location = node.location { byFile[location.file, default: []].append(Int32(id)) } }
            nodesByFile = byFile
        }
        return nodesByFile?[file] ?? []
    }

    /// The C-family functions packages define, by name, and the names of their C-family variables and types
    /// (`cNames`, made on first use).
    func packageCNames() -> (functions: [String: [Int32]], variables: Set<String>)? {
        if cNames == nil {
            var functions: [String: [Int32]] = [:], others = Set<String>()
            for (id, node) in graph.nodes.enumerated() where node.language.isClang && node.location != nil {
                if node.kind == .function { functions[node.name, default: []].append(Int32(id)) }
                if node.kind.isVariable || node.kind.isType || node.kind == .typealias { others.insert(node.name) }
            }
            cNames = (functions, others)
        }
        return cNames
    }

    /// Per node, the edges into it.
    func reverseEdges() -> [[(from: Int32, edge: Int32)]] {
        if let callers { return callers }
        var result = [[(from: Int32, edge: Int32)]](repeating: [], count: graph.nodes.count)
        for (from, edges) in graph.edges.enumerated() {
            for (index, edge) in edges.enumerated() { result[Int(edge.target)].append((Int32(from), Int32(index))) }
        }
        callers = result
        return result
    }
}
