import SwiftCompilerPlugin
import SwiftSyntax
import SwiftSyntaxMacros

/// Expands `#pinnedStringify(x)` to `(x, "x")`, as stringify-macro's macro does.
public struct PinnedStringifyMacro: ExpressionMacro {
    public static func expansion(of node: some FreestandingMacroExpansionSyntax,
                                 in context: some MacroExpansionContext) -> ExprSyntax {
        guard let argument = node.arguments.first?.expression else { return "()" }
        return "(\(argument), \(literal: argument.description))"
    }
}

@main
struct PinnedPlugin: CompilerPlugin {
    let providingMacros: [Macro.Type] = [PinnedStringifyMacro.self]
}
