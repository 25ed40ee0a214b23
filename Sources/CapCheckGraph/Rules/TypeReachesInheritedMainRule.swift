import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// A type reaches a `static func main()` that a protocol it adopts provides in an extension: `@main` on the
/// type makes the compiler call it (`@main struct Tool: ParsableCommand` runs swift-argument-parser's
/// `ParsableCommand.main()`), and that call is recorded nowhere in the index.
package struct TypeReachesInheritedMainRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var mains: [String: [Int32]] = [:]  // protocol or type USR → its `main()` entry points
        for (member, parent) in facts.parents {
            let node = graph.nodes[Int(member)]
            guard node.kind == .staticMethod, node.name == "main()" else { continue }
            mains[facts.owningType(ofParent: parent), default: []].append(member)
        }
        guard !mains.isEmpty else { return }
        for (type, base) in facts.inheritances {
            guard let entryPoints = mains[base], let typeNode = graph.node(forUSR: type) else { continue }
            for main in entryPoints {
                graph.addEdge(from: typeNode, to: main, kind: .inheritedMain, site: graph.nodes[Int(main)].location)
            }
        }
    }
}
