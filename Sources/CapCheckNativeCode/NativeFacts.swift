import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph

/// What the libclang pass finds that the index store does not say, per function (or global variable) of a
/// C-family target. Keyed like the call graph's C definitions: by clang USR within the owning package.

/// Why a definition runs when its target is linked, whether or not anything calls it.
public enum LoadTimeReason: String, Sendable, Hashable, CaseIterable {
    case constructor = "__attribute__((constructor))"
    case destructor = "__attribute__((destructor))"
    case ifuncResolver = "ifunc resolver"
    case initSection = "function pointer in an init/fini section"
    case codeSection = "code in the .init/.fini section"
    case weak = "__attribute__((weak)) definition"
    case alias = "__attribute__((alias)) definition"
    case objcLoad = "Objective-C +load"
    case dynamicInitializer = "C++ dynamic initializer of a global"
}

/// A raw `syscall(...)` call: its site and the constant system-call number, when the argument is one.
public struct SyscallSite: Sendable, Hashable {
    public let site: SourceLocation
    public let number: Int64?

    package init(site: SourceLocation, number: Int64?) {
        self.site = site
        self.number = number
    }
}

/// A function or variable referenced from a definition's body or initializer.
public struct NativeReference: Sendable, Hashable {
    public let usr: String
    /// The referenced declaration's name (for nodes the index never saw).
    public let name: String
    public let site: SourceLocation
    /// A call of the function (as opposed to taking its address or naming a variable).
    public let isCall: Bool
    public let isFunction: Bool

    package init(usr: String, name: String, site: SourceLocation, isCall: Bool, isFunction: Bool) {
        self.usr = usr
        self.name = name
        self.site = site
        self.isCall = isCall
        self.isFunction = isFunction
    }
}

/// One definition of a C-family target and what libclang saw in it.
public struct NativeDefinition: Sendable {
    public let usr: String
    public let name: String
    public let location: SourceLocation
    public let language: SymbolLanguage
    public let kind: SymbolKind
    /// Sites of inline `asm` statements.
    public var inlineAsm: [SourceLocation] = []
    public var syscalls: [SyscallSite] = []
    public var references: [NativeReference] = []
    public var loadTime: Set<LoadTimeReason> = []
    /// Names of functions this declaration stands for: the target of `alias("…")`, the resolver of `ifunc("…")`.
    public var aliasOf: [String] = []
    /// The symbol an asm label links this declaration to (`int f(void) __asm__("open")`: calling `f` calls `open`).
    public var asmLabel: String?

    /// Merges what another translation unit saw of the same definition (a header's inline function).
    package mutating func merge(_ other: NativeDefinition) {
        for site in other.inlineAsm where !inlineAsm.contains(site) { inlineAsm.append(site) }
        for call in other.syscalls where !syscalls.contains(call) { syscalls.append(call) }
        for reference in other.references where !references.contains(reference) { references.append(reference) }
        loadTime.formUnion(other.loadTime)
        for name in other.aliasOf where !aliasOf.contains(name) { aliasOf.append(name) }
        asmLabel = asmLabel ?? other.asmLabel
    }

    package init(usr: String, name: String, location: SourceLocation, language: SymbolLanguage, kind: SymbolKind, inlineAsm: [SourceLocation] = [], syscalls: [SyscallSite] = [], references: [NativeReference] = [], loadTime: Set<LoadTimeReason> = [], aliasOf: [String] = [], asmLabel: String? = nil) {
        self.usr = usr
        self.name = name
        self.location = location
        self.language = language
        self.kind = kind
        self.inlineAsm = inlineAsm
        self.syscalls = syscalls
        self.references = references
        self.loadTime = loadTime
        self.aliasOf = aliasOf
        self.asmLabel = asmLabel
    }

    /// Whether libclang saw something here that the index records do not hold.
    package var hasNativeFacts: Bool {
        !inlineAsm.isEmpty || !syscalls.isEmpty || !loadTime.isEmpty || !aliasOf.isEmpty || asmLabel != nil
    }
}

/// A definition with the package and module that own its file.
public struct OwnedNativeDefinition: Sendable {
    public let package: String
    public let module: String?
    /// Whether the owning target is a test target.
    public let isTest: Bool
    public var definition: NativeDefinition

    package init(package: String, module: String?, isTest: Bool, definition: NativeDefinition) {
        self.package = package
        self.module = module
        self.isTest = isTest
        self.definition = definition
    }
}

/// Everything the libclang pass produced.
public struct NativeFindings: Sendable {
    /// Definitions by `package|usr`.
    public var definitions: [String: OwnedNativeDefinition] = [:]
    /// System-call numbers of the target platform: number → (name, capability).
    public var syscalls = SyscallTable(entries: [:])
    /// Sources and problems capcheck could not fully analyse (assembly files, parse errors).
    public var unanalyzed: [Unanalyzed] = []
    /// Of the sources without a cached result, how many libclang parsed and how many the prefilter skipped.
    public var sourcesParsed = 0, sourcesSkipped = 0
    /// Of the skipped sources, those the index records cleared without preprocessing them (`RecordPrefilter`).
    public var sourcesClearedByRecords = 0
    /// Of the parsed sources, those parsed only to a `CoveringParseCut`.
    public var sourcesParsedToACut: [String] = []
    /// Wall-clock seconds of the prefilter (preprocessing and scanning) and of the libclang parses.
    public var prefilterSeconds = 0.0, parseSeconds = 0.0
    /// The Swift modules compiled with C++ interoperability; nil when unknown (every Swift module counts as one).
    public var cxxInteropModules: Set<String>? = []

    package init() {}
}
