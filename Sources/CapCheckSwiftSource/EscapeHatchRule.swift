import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import SwiftSyntax

/// Escape hatches in Swift source: attributes that bind a declaration to a symbol, export it, place it in a linker
/// section or swap it in at load time, and the symbol strings handed to `dlopen`/`dlsym`.
///
/// - `@_silgen_name("f")` on a function without a body, `@_extern(c)` / `@_extern(c, "f")`: a call to C is `ffi`, and
///   when `f` is a classified C library function, its capability too (`@_silgen_name("socket")` is `net`);
/// - `@_silgen_name("f")` on a function with a body, `@_cdecl("f")` or `@c`, `@_expose(Cxx)`: the function is
///   exported under a C (or C++) symbol that any C code (or a lookup) may call, `ffi`, reached from program start;
/// - `@_section("s")` or `@section`, `@_used` or `@used`: `unsafe`; a declaration placed in an init or fini section
///   runs at load or exit;
/// - `@_dynamicReplacement(for:)`: `unsafe`, and the replacement runs wherever the replaced declaration is called,
///   so it is reached from program start;
/// - `@derivative(of:)`, `@transpose(of:)`: reached from program start (no capability of their own): the compiler calls
///   them wherever the original is differentiated;
/// - `@_implements(P, requirement)`: reached from program start (no capability of its own): it witnesses a requirement
///   under another name, which the index may relate to nothing;
/// - a string literal argument of `dlopen` (`ffi`, naming the library) or `dlsym` (`ffi`, and the capability of the
///   C library function it names);
/// - a call of `_typeByName`, `_typeByMangledName` or `NSClassFromString`: `ffi` (the type found is named by no code,
///   so its conformances are never reached through it);
/// - `import Builtin` (the `BuiltinModule` experimental feature, an ordinary setting): `unsafe` and `ffi` for every
///   declaration of the file, whose code can then load, store and call at raw addresses (the twenty-eighth sweep read
///   the environment off the stack with `Builtin.load`).
package struct EscapeHatchRule: SourceRule {
    /// The capability of each classified C library function and variable (`environ`), by name.
    package let cSymbols: [String: Capability]

    /// The runtime's lookups of a type by its name.
    package static let typeLookups: Set<String> = ["_typeByName", "_typeByMangledName", "NSClassFromString"]

    /// Sections whose entries run at load or exit (as for C, see `NativeSourceScanner`).
    package static let loadTimeSections = [".init_array", ".preinit_array", ".fini_array", ".ctors", ".dtors", ".init", ".fini"]

    /// The attributes this rule reads, by every name Swift accepts for them (the official `@c`, `@section`, `@used`
    /// beside the underscored ones), and `@unchecked`, which the scan reads too: `SwiftSourceScanner`'s prefilter
    /// parses a file that names one of them after an `@`.
    package static let attributeNames: Set<String> = [
        "_silgen_name", "_extern", "extern", "_cdecl", "c", "_expose", "expose", "_section", "section", "_used", "used",
        "_dynamicReplacement", "unchecked", "derivative", "transpose", "_implements",
    ]

    package func visit(_ node: ImportDeclSyntax, _ context: SourceContext) {
        guard node.path.first?.name.identifier?.name == "Builtin" else { return }
        context.report("import Builtin", .unsafe, at: node, reach: .withFile)
        context.report("import Builtin", .ffi, at: node, reach: .withFile)
    }

    package func visit(_ node: AttributeSyntax, _ context: SourceContext) {
        // `@ _cdecl`, `@/* */_cdecl` and `` @`c` `` are the same attributes (whitespace and backticks are not the name).
        let name = node.attributeName.as(IdentifierTypeSyntax.self)?.name.identifier?.name ?? node.attributeName.trimmedDescription
        let arguments = node.arguments?.trimmedDescription ?? ""
        let symbol = Self.firstStringLiteral(in: arguments)
        switch name {
        case "_silgen_name":
            let sink = "@_silgen_name(\"\(symbol ?? arguments)\")"
            if function(of: node)?.body != nil {
                context.report(sink, .ffi, at: node, reach: .fromProgramStart(why: "exported under a C symbol"))
            } else {
                reportBinding(sink, symbol: symbol ?? "", at: node, context)
            }
        case "_extern", "extern":
            guard arguments.hasPrefix("c") else {
                context.report("@\(name)(\(arguments))", .ffi, at: node)
                return
            }
            let symbol = symbol ?? function(of: node)?.name.spelledName ?? ""
            reportBinding("@\(name)(\(arguments))", symbol: symbol, at: node, context)
        case "_cdecl", "c":
            let exported = symbol ?? (arguments.isEmpty ? function(of: node)?.name.spelledName ?? "" : arguments)
            context.report("@\(name)(\"\(exported)\")", .ffi, at: node, reach: .fromProgramStart(why: "exported under a C symbol"))
        case "_expose", "expose":
            context.report("@\(name)(\(arguments))", .ffi, at: node, reach: .fromProgramStart(why: "exported under a C++ symbol"))
        case "_section", "section":
            let section = symbol ?? arguments
            let runs = Self.loadTimeSections.contains { section == $0 || section.hasPrefix($0 + ".") }
            context.report("@\(name)(\"\(section)\")", .unsafe, at: node,
                           reach: runs ? .fromProgramStart(why: "placed in the \(section) section") : .withDeclaration)
        case "_used", "used":
            context.report("@\(name)", .unsafe, at: node)
        case "_dynamicReplacement":
            context.report("@_dynamicReplacement(\(arguments))", .unsafe, at: node,
                           reach: .fromProgramStart(why: "replaces a dynamic declaration wherever it is called"))
        case "derivative", "transpose":
            // The compiler calls it wherever the original is differentiated, in any module, and the index relates it to
            // nothing (the nineteenth sweep's: a derivative of the standard library's `Double.magnitude` made a file).
            guard !context.isInactive else { return }
            context.report("@\(name)(\(arguments))", .unsafe, at: node,
                           reach: .onlyFromProgramStart(why: "registered as a derivative or transpose"))
        case "_implements":
            // The declaration witnesses a requirement under another name (`@_implements(Hashable, _rawHashValue(seed:))
            // func spread(seed:)`): the index relates an underscored requirement's witness to nothing, and the name no
            // longer says what it is (the thirtieth sweep's ran from `Set`'s hashing).
            guard !context.isInactive else { return }
            context.report("@_implements(\(arguments))", .unsafe, at: node,
                           reach: .onlyFromProgramStart(why: "implements a protocol requirement under another name"))
        default:
            return
        }
    }

    package func visit(_ node: FunctionCallExprSyntax, _ context: SourceContext) {
        let callee = node.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.spelledName
            ?? node.calledExpression.as(MemberAccessExprSyntax.self)?.declName.baseName.spelledName
        if let callee, Self.typeLookups.contains(callee) {
            // The type found is named by no code capcheck reads, so what its conformances do is not followed: like
            // `dlsym`, the lookup itself is what the package must be granted.
            context.report("\(callee) (a type looked up by name at run time)", .ffi, at: node)
            return
        }
        guard callee == "dlopen" || callee == "dlsym" else { return }
        for argument in node.arguments {
            guard let literal = argument.expression.as(StringLiteralExprSyntax.self), let text = Self.text(of: literal) else { continue }
            if callee == "dlopen" {
                context.report("dlopen(\"\(text)\")", .ffi, at: literal)
            } else {
                context.report("dlsym(\"\(text)\")", .ffi, at: literal)
                if let capability = cSymbols[text] { context.report("\(text) (looked up by dlsym)", capability, at: literal) }
            }
        }
    }

    /// A binding of a Swift function to a C symbol: `ffi`, and the symbol's own capability when classified (a Swift
    /// symbol, `@_silgen_name("$sSS…")`, is classified in the graph, as the toolchain declaration it names).
    private func reportBinding(_ sink: String, symbol: String, at node: AttributeSyntax, _ context: SourceContext) {
        context.report(sink, .ffi, at: node, boundSymbol: symbol.isEmpty ? nil : symbol)
        if let capability = cSymbols[symbol] { context.report("\(symbol) (bound by \(sink))", capability, at: node) }
    }

    private func function(of attribute: AttributeSyntax) -> FunctionDeclSyntax? {
        attribute.parent?.parent?.as(FunctionDeclSyntax.self)
    }

    /// The contents of a string literal without interpolation.
    package static func text(of literal: StringLiteralExprSyntax) -> String? {
        var text = ""
        for segment in literal.segments {
            guard let part = segment.as(StringSegmentSyntax.self) else { return nil }
            text += part.content.text
        }
        return text
    }

    package static func firstStringLiteral(in text: String) -> String? {
        guard let open = text.firstIndex(of: "\"") else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }
}
