import SwiftCompilerPlugin
import SwiftSyntax
import SwiftSyntaxMacros

/// Expands `#stringify(x)` to `(x, "x")`. Whatever a macro does, it does in the compiler, on the machine that builds.
public struct StringifyMacro: ExpressionMacro {
    public static func expansion(of node: some FreestandingMacroExpansionSyntax,
                                 in context: some MacroExpansionContext) -> ExprSyntax {
        guard let argument = node.arguments.first?.expression else { return "()" }
        return "(\(argument), \(literal: argument.description))"
    }
}

@main
struct StringifyPlugin: CompilerPlugin {
    let providingMacros: [Macro.Type] = [StringifyMacro.self]
}
