import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// What a declaration's header names after its name, which the index relates to no symbol:
/// - an associated type's default (`associatedtype Helper: Helping = RenamingHelper`): a conformance that names no
///   `Helper` takes it, so `P.Helper()` in generic code makes a `RenamingHelper` that no code names (kind `default type
///   of an associated type`; the constraints' protocols are reached too, harmlessly);
/// - an enum case's or a subscript's default argument values (`case run(stamp: Bool = stamp())`): every use that leaves
///   the argument out runs them (kind `default argument value`). A function's and an initializer's defaults are
///   `containedBy` them in the index and need no rule;
/// - a typealias's aliased type and a type's inheritance clause's generic arguments (`typealias ThemeRef = Theme`,
///   `class Motor: Engine<Igniter>`): generic code may make a value of them that no code names (`T(integerLiteral:)`,
///   a decoded member declared `let theme: ThemeRef`), kind `type named by the declaration` (found by the sixth sweep).
/// The references are the ones that follow the declaration's definition in the record (occurrences are in source order).
package struct DeclarationReachesItsDefaultsRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        for (declaration, named, site, kind) in facts.headerReferences {
            graph.addEdge(from: declaration, to: named, kind: kind, site: site)
        }
    }
}
