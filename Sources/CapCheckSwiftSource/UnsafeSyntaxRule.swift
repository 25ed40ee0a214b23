import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import SwiftSyntax

/// Unsafety spelled in syntax rather than in a type the catalog knows: `unowned(unsafe)` (in a declaration or a
/// capture list), `nonisolated(unsafe)`, `@unchecked Sendable` and `unsafe` expressions (`unsafe x`,
/// `for unsafe x in …`). Each is `unsafe` for the package whose declaration has it.
package struct UnsafeSyntaxRule: SourceRule {
    package func visit(_ node: DeclModifierSyntax, _ context: SourceContext) {
        let name = node.name.text
        guard name == "unowned" || name == "nonisolated", node.detail?.detail.text == "unsafe" else { return }
        context.report("\(name)(unsafe)", .unsafe, at: node)
    }

    package func visit(_ node: ClosureCaptureSpecifierSyntax, _ context: SourceContext) {
        guard node.specifier.text == "unowned", node.detail?.text == "unsafe" else { return }
        context.report("unowned(unsafe)", .unsafe, at: node)
    }

    package func visit(_ node: AttributeSyntax, _ context: SourceContext) {
        guard node.attributeName.trimmedDescription == "unchecked" else { return }
        let type = node.parent?.parent?.as(AttributedTypeSyntax.self)?.baseType.trimmedDescription ?? ""
        context.report("@unchecked \(type)".trimmingCharacters(in: .whitespaces), .unsafe, at: node)
    }

    package func visit(unsafeKeyword: TokenSyntax, _ context: SourceContext) {
        context.report("unsafe expression", .unsafe, at: unsafeKeyword)
    }
}
