import CapCheckSupport
import CapCheckModel

/// A toolchain area: the modules one generated resource file covers, all in one catalog family.
public struct CatalogArea: Hashable, Sendable {
    /// The resource's file name without `.json`.
    public let file: String
    public let title: String
    /// The family every key of the file is under (see `SinkCatalog.families`).
    public let family: String
    /// The modules whose symbol graphs the generator reads.
    public let modules: [String]
    /// The modules whose `.swiftinterface` the generator scans for `@unsafe` (binary-only modules have none).
    public let interfaceModules: [String]

    package init(file: String, title: String, family: String, modules: [String], interfaceModules: [String]) {
        self.file = file
        self.title = title
        self.family = family
        self.modules = modules
        self.interfaceModules = interfaceModules
    }
}

/// A reviewed rule of the catalog generator: which public declarations of the toolchain need a capability.
///
/// Members are named by selectors as symbol graphs title them: `createFile(atPath:contents:attributes:)`,
/// `default`, `init(forReadingAtPath:)`, or a bare base name (`run`, `init`) for every overload. A selector or
/// type that matches nothing on the toolchain stops the generator: rules cannot silently rot.
public struct CatalogRule: Sendable {
    public enum Selection: Sendable {
        /// Every direct member of the type needs the capability except the listed ones, which are pure. Members
        /// the toolchain adds later, or another platform has, are sinks too (a member default).
        case everyMember(of: String, except: [String])
        /// Only the listed members of the type need the capability; its other direct members are pure.
        case members([String], of: String)
        /// These types and everything in them; naming the type is already a use.
        case types([String])
        /// Every type the module interface marks with the attribute (`@unsafe`), as whole types.
        case typesWithAttribute(String)
        /// Every member or function the module interface marks with the attribute.
        case declarationsWithAttribute(String)
        /// Every member or function whose base name starts with one of the prefixes.
        case baseNamePrefixes([String])
        /// Every member or function whose signature names a type selected by an earlier rule of this capability.
        case signatureNamesSelectedType
    }

    /// A short stable name, written into the generated file.
    public let id: String
    public let capability: Capability
    public let areas: [CatalogArea]
    public let selection: Selection
    /// One line: why these declarations need the capability.
    public let note: String

    package init(id: String, capability: Capability, areas: [CatalogArea], selection: Selection, note: String) {
        self.id = id
        self.capability = capability
        self.areas = areas
        self.selection = selection
        self.note = note
    }
}
