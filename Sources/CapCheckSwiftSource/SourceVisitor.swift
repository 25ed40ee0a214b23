import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import SwiftSyntax

/// One rule over Swift syntax. The multiplexing walker parses each file once and hands every node of interest to
/// every rule, with the context it needs (periphery's multiplexing visitor).
package protocol SourceRule {
    func visit(_ node: AttributeSyntax, _ context: SourceContext)
    func visit(_ node: DeclModifierSyntax, _ context: SourceContext)
    func visit(_ node: ClosureCaptureSpecifierSyntax, _ context: SourceContext)
    /// The `unsafe` of an `unsafe` expression (`unsafe x`) or of `for unsafe x in …` (see `UnsafeKeyword`).
    func visit(unsafeKeyword: TokenSyntax, _ context: SourceContext)
    func visit(_ node: FunctionCallExprSyntax, _ context: SourceContext)
    func visit(_ node: DeclReferenceExprSyntax, _ context: SourceContext)
    func visit(_ node: IdentifierTypeSyntax, _ context: SourceContext)
    func visit(_ node: MemberAccessExprSyntax, _ context: SourceContext)
    func visit(_ node: ImportDeclSyntax, _ context: SourceContext)
}

extension SourceRule {
    package func visit(_ node: AttributeSyntax, _ context: SourceContext) {}
    package func visit(_ node: DeclModifierSyntax, _ context: SourceContext) {}
    package func visit(_ node: ClosureCaptureSpecifierSyntax, _ context: SourceContext) {}
    package func visit(unsafeKeyword: TokenSyntax, _ context: SourceContext) {}
    package func visit(_ node: FunctionCallExprSyntax, _ context: SourceContext) {}
    package func visit(_ node: DeclReferenceExprSyntax, _ context: SourceContext) {}
    package func visit(_ node: IdentifierTypeSyntax, _ context: SourceContext) {}
    package func visit(_ node: MemberAccessExprSyntax, _ context: SourceContext) {}
    package func visit(_ node: ImportDeclSyntax, _ context: SourceContext) {}
}

/// What a rule knows about where it is, and where its findings go.
package final class SourceContext {
    package let package: String
    package let file: String
    package let converter: SourceLocationConverter
    /// The condition of the innermost `#if` branch this build does not compile, if inside one.
    package fileprivate(set) var inactiveBranch: String?
    package private(set) var findings: [SwiftSourceFinding] = []

    package init(package: String, file: String, converter: SourceLocationConverter) {
        self.package = package
        self.file = file
        self.converter = converter
    }

    package var isInactive: Bool { inactiveBranch != nil }

    /// Records a finding at `node`, tied to its enclosing declaration.
    package func report(_ sink: String, _ capability: Capability, at node: some SyntaxProtocol, reach: SwiftSourceFinding.Reach = .withDeclaration,
                        boundSymbol: String? = nil) {
        let location = node.startLocation(converter: converter)
        var finding = SwiftSourceFinding(
            sink: sink, capability: capability, package: package, file: file, line: location.line, column: location.column,
            declaration: DeclarationLocator.enclosingDeclaration(of: Syntax(node), converter: converter),
            reach: reach, inactiveBranch: inactiveBranch)
        finding.boundSymbol = boundSymbol
        findings.append(finding)
    }
}

/// Walks a file once, keeping track of `#if` branches the build does not compile, and hands each node to every rule.
package final class MultiplexingSourceWalker: SyntaxVisitor {
    private let rules: [any SourceRule]
    private let context: SourceContext
    private let conditions: IfConfigEvaluator
    /// Lines inside `#if` branches this build does not compile (outermost branches only).
    package private(set) var inactiveLines = 0

    package init(rules: [any SourceRule], context: SourceContext, conditions: IfConfigEvaluator) {
        self.rules = rules
        self.context = context
        self.conditions = conditions
        super.init(viewMode: .sourceAccurate)
    }

    package override func visit(_ node: IfConfigDeclSyntax) -> SyntaxVisitorContinueKind {
        let outer = context.inactiveBranch
        let active = outer == nil ? conditions.activeClause(of: node, converter: context.converter) : nil
        for (index, clause) in node.clauses.enumerated() {
            guard let elements = clause.elements else { continue }
            let isActive = outer == nil && active == index
            context.inactiveBranch = isActive ? nil : (outer ?? IfConfigEvaluator.describe(clause))
            if !isActive, outer == nil {
                let start = elements.startLocation(converter: context.converter).line
                let end = elements.endLocation(converter: context.converter).line
                inactiveLines += max(0, end - start + 1)
            }
            walk(elements)
        }
        context.inactiveBranch = outer
        return .skipChildren
    }

    package override func visit(_ node: AttributeSyntax) -> SyntaxVisitorContinueKind { forward { $0.visit(node, context) } }
    package override func visit(_ node: ImportDeclSyntax) -> SyntaxVisitorContinueKind { forward { $0.visit(node, context) } }
    package override func visit(_ node: DeclModifierSyntax) -> SyntaxVisitorContinueKind { forward { $0.visit(node, context) } }
    package override func visit(_ node: ClosureCaptureSpecifierSyntax) -> SyntaxVisitorContinueKind { forward { $0.visit(node, context) } }
#if canImport(SwiftSyntax602)
    package override func visit(_ node: UnsafeExprSyntax) -> SyntaxVisitorContinueKind {
        forward { $0.visit(unsafeKeyword: node.unsafeKeyword, context) }
    }
    package override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind {
        guard let keyword = node.unsafeKeyword else { return .visitChildren }
        return forward { $0.visit(unsafeKeyword: keyword, context) }
    }
#else
    /// Before 602 the parser knows no `unsafe` expression (Swift 6.2); `UnsafeKeyword` finds its keyword among the tokens.
    package override func visit(_ token: TokenSyntax) -> SyntaxVisitorContinueKind {
        guard UnsafeKeyword.startsUnsafeExpression(token) else { return .visitChildren }
        return forward { $0.visit(unsafeKeyword: token, context) }
    }
#endif
    package override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind { forward { $0.visit(node, context) } }
    package override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind { forward { $0.visit(node, context) } }
    package override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind { forward { $0.visit(node, context) } }
    package override func visit(_ node: MemberAccessExprSyntax) -> SyntaxVisitorContinueKind { forward { $0.visit(node, context) } }

    private func forward(_ body: (any SourceRule) -> Void) -> SyntaxVisitorContinueKind {
        for rule in rules { body(rule) }
        return .visitChildren
    }
}

/// Finds the declaration a node belongs to, as the index names it: the innermost function, initializer, `deinit`,
/// subscript, accessor, variable, enum case or type around it, at the position of its name (closures belong to
/// their enclosing declaration, as in the index).
package enum DeclarationLocator {
    package static func enclosingDeclaration(of node: Syntax, converter: SourceLocationConverter) -> DeclarationSite? {
        var current: Syntax? = node
        while let candidate = current {
            if let (token, name) = nameToken(of: candidate) {
                let location = token.startLocation(converter: converter)
                return DeclarationSite(line: location.line, column: location.column, name: name)
            }
            current = candidate.parent
        }
        return nil
    }

    private static func nameToken(of node: Syntax) -> (TokenSyntax, String)? {
        if let decl = node.as(FunctionDeclSyntax.self) { return (decl.name, decl.name.spelledName) }
        if let decl = node.as(InitializerDeclSyntax.self) { return (decl.initKeyword, "init") }
        if let decl = node.as(DeinitializerDeclSyntax.self) { return (decl.deinitKeyword, "deinit") }
        if let decl = node.as(SubscriptDeclSyntax.self) { return (decl.subscriptKeyword, "subscript") }
        if let binding = node.as(PatternBindingSyntax.self), let pattern = binding.pattern.as(IdentifierPatternSyntax.self) {
            return (pattern.identifier, pattern.identifier.spelledName)
        }
        if let decl = node.as(VariableDeclSyntax.self), let binding = decl.bindings.first,
           let pattern = binding.pattern.as(IdentifierPatternSyntax.self) {
            return (pattern.identifier, pattern.identifier.spelledName)
        }
        if let decl = node.as(EnumCaseElementSyntax.self) { return (decl.name, decl.name.spelledName) }
        if let decl = node.as(StructDeclSyntax.self) { return (decl.name, decl.name.spelledName) }
        if let decl = node.as(ClassDeclSyntax.self) { return (decl.name, decl.name.spelledName) }
        if let decl = node.as(EnumDeclSyntax.self) { return (decl.name, decl.name.spelledName) }
        if let decl = node.as(ActorDeclSyntax.self) { return (decl.name, decl.name.spelledName) }
        if let decl = node.as(ProtocolDeclSyntax.self) { return (decl.name, decl.name.spelledName) }
        if let decl = node.as(TypeAliasDeclSyntax.self) { return (decl.name, decl.name.spelledName) }
        if let decl = node.as(ExtensionDeclSyntax.self), let token = decl.extendedType.lastToken(viewMode: .sourceAccurate) {
            return (token, token.spelledName)
        }
        return nil
    }
}
