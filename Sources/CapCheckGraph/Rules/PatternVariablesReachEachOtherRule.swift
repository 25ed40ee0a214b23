import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// `let (token, level) = (makeToken(), 3)`: one initializer binds several globals (or statics), and the index
/// attributes its references to one of them; reading any of the others runs it all the same. Swift globals and static
/// properties declared on the same line of a file reach each other (an over-approximation for `let a = 1, b = f()`).
package struct PatternVariablesReachEachOtherRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var byLine: [String: [Int32]] = [:]
        for (id, node) in graph.nodes.enumerated()
        where node.language == .swift && node.package != nil && [.variable, .staticProperty, .classProperty].contains(node.kind) {
            guard let location = node.location else { continue }
            byLine["\(location.file):\(location.line)", default: []].append(Int32(id))
        }
        for group in byLine.values where group.count > 1 {
            for from in group {
                for to in group where to != from {
                    graph.addEdge(from: from, to: to, kind: .samePattern, site: graph.nodes[Int(to)].location)
                }
            }
        }
    }
}
