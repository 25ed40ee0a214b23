import CapCheckSupport

/// What kind of declaration a symbol is and in which language, as the index store names them
/// (`indexstore_symbol_kind_t`, `indexstore_symbol_language_t`): graph nodes keep both.

/// `indexstore_symbol_kind_t`.
public enum SymbolKind: UInt32, Sendable, Codable {
    case unknown = 0, module, namespace, namespaceAlias, macro, `enum`, `struct`, `class`, `protocol`, `extension`,
         union, `typealias`, function, variable, field, enumConstant, instanceMethod, classMethod, staticMethod,
         instanceProperty, classProperty, staticProperty, constructor, destructor, conversionFunction, parameter,
         using, concept
    case commentTag = 1000

    /// Types whose members and conformances the implicit-edge rules look at.
    public var isType: Bool { [.enum, .struct, .class, .protocol, .union].contains(self) }
    /// Variables and properties of every flavour.
    public var isVariable: Bool { [.variable, .field, .instanceProperty, .classProperty, .staticProperty].contains(self) }
    /// Functions, methods, constructors and destructors: what a call names.
    public var isFunction: Bool {
        [.function, .instanceMethod, .classMethod, .staticMethod, .constructor, .destructor, .conversionFunction].contains(self)
    }
}

/// `indexstore_symbol_language_t`.
public enum SymbolLanguage: UInt32, Sendable, Codable {
    case c = 0, objc = 1, cxx = 2, swift = 100

    /// C, Objective-C and C++ symbols are "native" code for the ffi rule.
    public var isClang: Bool { self != .swift }
}
