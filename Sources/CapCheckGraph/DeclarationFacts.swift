import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// Relations of definitions that the implicit-edge rules consume, gathered while the graph is built.
package struct DeclarationFacts {
    /// A definition that overrides or witnesses `base` (relation `overrideOf`).
    package var overrides: [(member: Int32, base: String)] = []
    /// An accessor (getter, setter, observer) of `property` (relation `accessorOf`).
    package var accessors: [(accessor: Int32, property: String)] = []
    /// A member and the type or extension that declares it (relation `childOf`).
    package var parents: [(member: Int32, parent: String)] = []
    /// A C++ explicit specialisation and the template it specialises (relation `specializationOf`).
    package var specializations: [(specialization: Int32, template: String)] = []
    /// A C-family member of a class template or of a specialisation of one (its parent's USR has template parameters
    /// or arguments, `>`), with its parent's USR and name (`Box`).
    package var templateMembers: [(member: Int32, parent: String, parentName: String)] = []
    /// A type and a protocol or class it names in its inheritance clause (relation `baseOf`).
    package var inheritances: [(type: String, base: String)] = []
    /// A witness a conformance uses, and the type or extension declaring the conformance: the implicit occurrence a
    /// conformance records of each witness it takes from elsewhere (a protocol extension's default, a superclass's
    /// method), related `overrideOf` the requirement and `containedBy` the conformer.
    package var conformanceWitnesses: [(witness: Int32, conformer: String)] = []
    /// An associated type, enum case or subscript and what its declaration names after the name (constraints, default
    /// types, default argument values): references the index relates to no symbol (`DeclarationReachesItsDefaultsRule`).
    package var headerReferences: [(declaration: Int32, named: Int32, site: SourceLocation, kind: EdgeKind)] = []
    /// The root package: code the toolchain runs on values of its own types hangs below its program start.
    package var root: Package?
    /// Extension USR → the USR of the type it extends (relation `extendedBy`).
    package var extendedTypes: [String: String] = [:]

    /// The type a member belongs to, looking through extensions.
    package func owningType(ofParent parent: String) -> String {
        extendedTypes[parent] ?? parent
    }
}
