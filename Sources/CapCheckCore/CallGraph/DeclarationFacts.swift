/// Relations of definitions that the implicit-edge rules consume, gathered while the graph is built.
struct DeclarationFacts {
    /// A definition that overrides or witnesses `base` (relation `overrideOf`).
    var overrides: [(member: Int32, base: String)] = []
    /// An accessor (getter, setter, observer) of `property` (relation `accessorOf`).
    var accessors: [(accessor: Int32, property: String)] = []
    /// A member and the type or extension that declares it (relation `childOf`).
    var parents: [(member: Int32, parent: String)] = []
    /// A type and a protocol or class it names in its inheritance clause (relation `baseOf`).
    var inheritances: [(type: String, base: String)] = []
    /// Extension USR → the USR of the type it extends (relation `extendedBy`).
    var extendedTypes: [String: String] = [:]

    /// The type a member belongs to, looking through extensions.
    func owningType(ofParent parent: String) -> String {
        extendedTypes[parent] ?? parent
    }
}
