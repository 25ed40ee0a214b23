import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// Every initialiser of a subclass runs one of its superclass's: `super.init()` written out, the one Swift inserts
/// when the body does not call it, or an inherited initialiser (`Cache()` runs `BaseCache.init()`), and the index
/// records none of the implicit ones. A reached subclass reaches every initialiser its superclasses declare.
package struct SubclassReachesSuperInitializersRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var initializers: [String: [Int32]] = [:]
        for (member, parent) in facts.parents where graph.nodes[Int(member)].kind == .constructor {
            initializers[facts.owningType(ofParent: parent), default: []].append(member)
        }
        for (type, base) in facts.inheritances {
            guard let superclass = graph.node(forUSR: base), graph.nodes[Int(superclass)].kind == .class,
                  let subclass = graph.node(forUSR: facts.owningType(ofParent: type)), subclass != superclass else { continue }
            for initializer in initializers[base] ?? [] {
                graph.addEdge(from: subclass, to: initializer, kind: .superInitializer, site: graph.nodes[Int(initializer)].location)
            }
        }
    }
}
