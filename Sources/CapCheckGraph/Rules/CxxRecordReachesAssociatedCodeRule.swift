import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// C++ also calls functions that are not members and that no call expression names: argument-dependent lookup finds a
/// namespace's `get<N>` for a structured binding, `begin`/`end` for a range-`for`, `operator co_await` for `co_await`;
/// C++20 rewrites `a != b` to `!(a == b)` and `a < b` to `a <=> b` with operators outside the class; and a coroutine's
/// promise comes from a `std::coroutine_traits` specialisation for its return type. The index records none of them
/// (the twenty-first sweep's, each run). So a reached C-family record of a package reaches the package functions of
/// those names and the package's specialisations of the standard library's class templates whose USR names it as a
/// parameter or template argument (`c:@N@n@F@operator==#&1$@N@n@S@P`),
/// kind `function or specialisation taking a reached C++ type, which C++ may call implicitly`: an over-approximation,
/// for package code only. Member type aliases are members too (`CxxRecordReachesMemberFunctionsRule`).
package struct CxxRecordReachesAssociatedCodeRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        // Per type named in a USR (`@N@n@S@P`), the package functions and records whose USR names it.
        var naming: [Substring: [Int32]] = [:]
        var records: [Int32] = []
        for (index, node) in graph.nodes.enumerated() where node.language.isClang && node.package != nil && node.location != nil {
            if node.kind.isType { records.append(Int32(index)) }
            guard Self.isImplicitlyCalled(node), node.usr.contains("$@") else { continue }
            for type in Self.namedTypes(in: node.usr) { naming[type, default: []].append(Int32(index)) }
        }
        guard !naming.isEmpty else { return }
        for record in records {
            let usr = graph.nodes[Int(record)].usr
            guard usr.hasPrefix("c:"), let associated = naming[usr.dropFirst(2)] else { continue }
            for target in associated where target != record {
                graph.addEdge(from: record, to: target, kind: .cxxAssociated, site: graph.nodes[Int(target)].location)
            }
        }
    }

    /// The names C++ calls with no call expression naming them, found by argument-dependent lookup or rewriting
    /// (operators, the tuple protocol's `get`, a range-`for`'s `begin`/`end`, `swap`), and the standard library's class
    /// templates a package specialises for its type (`std::coroutine_traits`, `std::hash`, `std::tuple_size`): not every
    /// function taking the type (a C API's functions all take its struct: BoringSSL's thousands).
    static func isImplicitlyCalled(_ node: GraphNode) -> Bool {
        if node.kind.isFunction {
            return node.name.hasPrefix("operator") || ["get", "begin", "end", "cbegin", "cend", "rbegin", "rend", "swap"].contains(node.name)
        }
        return node.kind.isType && node.usr.hasPrefix("c:@N@std@")
    }

    /// The types a USR names after `$` (parameters, template arguments), each up to the next `#`, `$` or `>`, or up to
    /// the member that follows a specialisation's last argument (`…default_delete>#$@S@Foo@F@operator()#…` names `@S@Foo`:
    /// the twenty-seventh sweep's specialised `operator()` ran under the toolchain's `unique_ptr` unseen).
    static func namedTypes(in usr: String) -> [Substring] {
        var found: [Substring] = []
        var rest = Substring(usr)
        while let dollar = rest.firstIndex(of: "$") {
            let start = rest.index(after: dollar)
            var end = rest[start...].firstIndex { $0 == "#" || $0 == "$" || $0 == ">" } ?? rest.endIndex
            for member in ["@F@", "@FT@", "@FI@"] {
                if let range = rest[start..<end].range(of: member) { end = min(end, range.lowerBound) }
            }
            if rest[start...].hasPrefix("@"), start < end { found.append(rest[start..<end]) }
            rest = rest[end...]
            if rest.isEmpty { break }
        }
        return found
    }
}
