import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import SwiftSyntax

/// In code the build does not compile (and only there: the index covers compiled code), references to catalog
/// sinks by name: a sink type (`FileManager`, `UnsafePointer`) named anywhere, a member sink reached from a type
/// name (`String(contentsOfFile:)`, `ProcessInfo.processInfo.environment`), a C library function called by name.
package struct SinkReferenceRule: SourceRule {
    package let names: SourceSinkNames

    package func visit(_ node: DeclReferenceExprSyntax, _ context: SourceContext) {
        guard context.isInactive, let type = names.types[node.baseName.spelledName] else { return }
        context.report(type.sink, type.capability, at: node)
    }

    package func visit(_ node: IdentifierTypeSyntax, _ context: SourceContext) {
        guard context.isInactive, let type = names.types[node.name.spelledName] else { return }
        context.report(type.sink, type.capability, at: node)
    }

    package func visit(_ node: FunctionCallExprSyntax, _ context: SourceContext) {
        guard context.isInactive else { return }
        let labels = node.arguments.map { $0.label?.spelledName ?? "_" }
        if let name = node.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.spelledName {
            if let capability = names.functions[name] { context.report(name, capability, at: node) }
            if let member = names.member(name, "init", labels: labels) { context.report(member.sink, member.capability, at: node) }
        } else if let access = node.calledExpression.as(MemberAccessExprSyntax.self) {
            let name = access.declName.baseName.spelledName
            let member = Self.rootTypeName(of: access).flatMap { names.member($0, name, labels: labels) } ?? names.signature(name, labels: labels)
            if let member { context.report(member.sink, member.capability, at: node) }
        }
    }

    package func visit(_ node: MemberAccessExprSyntax, _ context: SourceContext) {
        // A called member is matched with its labels by the call.
        guard context.isInactive, node.parent?.as(FunctionCallExprSyntax.self)?.calledExpression.id != node.id,
              let type = Self.rootTypeName(of: node),
              let member = names.member(type, node.declName.baseName.spelledName, labels: nil) else { return }
        context.report(member.sink, member.capability, at: node)
    }

    /// `T` in `T.a.b(…)`: the name the member chain starts from, when it looks like a type (capitalised).
    package static func rootTypeName(of access: MemberAccessExprSyntax) -> String? {
        var base = access.base
        while let current = base {
            if let inner = current.as(MemberAccessExprSyntax.self) {
                base = inner.base
            } else if let call = current.as(FunctionCallExprSyntax.self) {
                base = call.calledExpression
            } else if let reference = current.as(DeclReferenceExprSyntax.self) {
                let name = reference.baseName.spelledName
                return name.first?.isUppercase == true ? name : nil
            } else {
                return nil
            }
        }
        return nil
    }
}
