import CapCheckSupport
import CapCheckSwiftSource
import SwiftSyntax

/// Finds what a name used in an expression refers to, by scope, within one file: a local `let` or optional binding
/// declared before the use, a parameter of the enclosing function, a property of an enclosing type, a global.
package struct SwiftNameLookup {
    package enum Found {
        /// A constant-like declaration: its initialiser.
        case value(ExprSyntax)
        /// Parameter `index` of the function whose name token is `function`.
        case parameter(Int, function: Syntax)
        /// Declared, but its value is not knowable here (a `var`, a loop or closure variable, a stored property set at
        /// run time).
        case unresolved(String, Syntax)
        /// Each element of a collection (a loop variable, the parameter of a closure `first(where:)` calls).
        case elements(ExprSyntax)
        /// A stored property of a type: its initial value, if any, and whatever the code that writes it assigns
        /// (`property` is its name token; the tracer finds the writers through the graph).
        case stored(initial: ExprSyntax?, property: Syntax)
        /// The payload of an enum case a pattern matches (`case .file(let path)`, `if case let .file(path) = x`): value
        /// `index` of the case named at `caseName`, written with `arity` values; one per item of a `case` with several.
        case payload([Payload])
        /// A local `var` (or a `let` given its value later) whose every write in its scope is a plain assignment:
        /// the initial value and every value assigned, whatever the order (`var path: String?; switch … { case .a:
        /// path = "/a" … }`).
        case assigned([ExprSyntax])
    }

    /// Where a pattern binds a name to an enum case's payload.
    package struct Payload {
        /// The case's name in the pattern (`file` in `.file(let path)`), where the index records the case.
        package let caseName: TokenSyntax
        package let index: Int
        package let arity: Int
    }

    package let file: ParsedSwiftFiles.File
    /// Whether what the index records at a place is only the toolchain's (nil: no index at hand). A method known by
    /// its name (`withCString`, `forEach`) is trusted only when it is the toolchain's, not a package's of that name.
    package var isToolchain: ((SourceLocation, String) -> Bool)?

    package init(file: ParsedSwiftFiles.File, isToolchain: ((SourceLocation, String) -> Bool)? = nil) {
        self.file = file
        self.isToolchain = isToolchain
    }

    /// The declaration `name` refers to at `use`; with `membersOnly`, only properties (`self.x`, `Self.x`, `T.x`).
    package func declaration(of name: String, at use: Syntax, membersOnly: Bool = false) -> Found? {
        resolve(name, at: use, membersOnly: membersOnly)?.found
    }

    /// As `declaration(of:at:membersOnly:)`, with the name token of the property or global found (nil for a local, a
    /// parameter or a closure's parameter, which the index does not record), so that the index can confirm it.
    package func resolve(_ name: String, at use: Syntax, membersOnly: Bool = false) -> (found: Found, declared: TokenSyntax?)? {
        if file.conflatesNames {
            return (.unresolved("the file spells two names alike that Swift tells apart (by code point), so `\(name)` may be either", use), nil)
        }
        if name.hasPrefix("$"), name.dropFirst().allSatisfy(\.isNumber) {
            return (local(name, at: use) ?? .unresolved("`\(name)` is a closure parameter", use), nil)
        }
        if !membersOnly, let local = local(name, at: use) { return (local, nil) }
        if !membersOnly, let shadow = Self.otherDeclaration(of: name, around: use) {
            // A declaration this lookup does not read (`let (name, _) = …`, `if case let name`, `[name = …]`, a
            // subscript's or setter's parameter) may be what the use means: not the global or member of that name.
            return (.unresolved("`\(name)` is declared again in the function, in a way capcheck does not read", shadow), nil)
        }
        var node: Syntax? = use
        while let current = node {
            if let members = Self.memberBlock(of: current), let found = member(name, in: members) {
                let variables = Self.declarations(in: members.members).compactMap { $0.as(VariableDeclSyntax.self) }
                return (found, variables.lazy.compactMap { Self.nameToken(name, in: $0) }.first)
            }
            node = current.parent
        }
        for item in Self.statements(file.tree.statements) {
            if let variable = item.item.as(VariableDeclSyntax.self), let found = binding(name, in: variable, global: true) {
                return (found, Self.nameToken(name, in: variable))
            }
        }
        return nil
    }

    /// A declaration of `name` in the function (or closure, accessor, subscript) around `use`, other than the plain
    /// `let`/`var` and parameters `local(_:at:)` reads before it gives up.
    private static func otherDeclaration(of name: String, around use: Syntax) -> Syntax? {
        var scope: Syntax?
        var current: Syntax? = use
        while let node = current, !node.is(MemberBlockSyntax.self), !node.is(SourceFileSyntax.self) {
            if node.is(FunctionDeclSyntax.self) || node.is(InitializerDeclSyntax.self) || node.is(AccessorDeclSyntax.self)
                || node.is(SubscriptDeclSyntax.self) || node.is(ClosureExprSyntax.self) || node.is(DeinitializerDeclSyntax.self) {
                scope = node
            }
            current = node.parent
        }
        guard let scope else { return nil }
        for token in scope.tokens(viewMode: .sourceAccurate) where token.spelledName == name {
            guard let parent = token.parent else { continue }
            if parent.is(IdentifierPatternSyntax.self) || parent.is(ClosureShorthandParameterSyntax.self)
                || parent.is(ClosureParameterSyntax.self) || parent.is(ClosureCaptureSyntax.self) || parent.is(AccessorParametersSyntax.self)
                || parent.is(FunctionParameterSyntax.self) || parent.is(EnumCaseParameterSyntax.self) {
                return parent
            }
        }
        return nil
    }

    /// Whether `variable`'s patterns declare `name` in any form (a tuple, a nested pattern).
    static func declares(_ name: String, _ variable: VariableDeclSyntax) -> Bool {
        variable.bindings.contains { binding in
            binding.pattern.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .identifier(name) || $0.identifier?.name == name }
        }
    }

    /// The identifier `name` declares in `variable`.
    private static func nameToken(_ name: String, in variable: VariableDeclSyntax) -> TokenSyntax? {
        variable.bindings.lazy.compactMap { $0.pattern.as(IdentifierPatternSyntax.self)?.identifier }.first { $0.spelledName == name }
    }

    /// Locals and parameters, innermost scope first.
    private func local(_ name: String, at use: Syntax) -> Found? {
        var child = use
        while let parent = child.parent {
            // A file's own statements declare globals (`resolve` finds them with their name token, for the index).
            if let items = parent.as(CodeBlockItemListSyntax.self), let item = child.as(CodeBlockItemSyntax.self),
               !Self.isFileScope(items) {
                for earlier in items.prefix(while: { $0.id != item.id }).reversed() {
                    if let variable = earlier.item.as(VariableDeclSyntax.self) {
                        if let found = binding(name, in: variable, global: false) { return found }
                        // `let (name, _) = …`: it declares the name, in a pattern this lookup does not read.
                        if Self.declares(name, variable) { return .unresolved("`\(name)` is declared by a pattern capcheck does not read", Syntax(variable)) }
                    }
                    // A declaration in an `#if` clause inside a function: which clause the build compiles is not read here.
                    if let conditional = earlier.item.as(IfConfigDeclSyntax.self),
                       Self.statements(CodeBlockItemListSyntax([earlier])).contains(where: { $0.item.as(VariableDeclSyntax.self).map { Self.declares(name, $0) } ?? false }) {
                        return .unresolved("`\(name)` is declared in an `#if` clause inside the function", Syntax(conditional))
                    }
                    if let guardStatement = earlier.item.as(GuardStmtSyntax.self),
                       let found = optionalBinding(name, in: guardStatement.conditions, statement: Syntax(guardStatement)) {
                        return found
                    }
                }
            }
            if let conditional = parent.as(IfExprSyntax.self), child.id == conditional.body.id,
               let found = optionalBinding(name, in: conditional.conditions, statement: Syntax(conditional)) {
                return found
            }
            if let loop = parent.as(WhileStmtSyntax.self), child.id == loop.body.id,
               let found = optionalBinding(name, in: loop.conditions, statement: Syntax(loop)) {
                return found
            }
            if let loop = parent.as(ForStmtSyntax.self), child.id == loop.body.id,
               loop.pattern.tokens(viewMode: .sourceAccurate).contains(where: { $0.spelledName == name }) {
                if loop.pattern.is(IdentifierPatternSyntax.self) { return .elements(loop.sequence) }
                return .unresolved("`\(name)` is a loop variable", Syntax(loop.pattern))
            }
            if let closure = parent.as(ClosureExprSyntax.self), child.id != closure.signature?.id,
               let capture = closure.signature?.capture?.items.first(where: { $0.name.spelledName == name }) {
                // `[name = value]` captures the value where the closure is made; `[name]` is the outer `name`.
                if let value = capture.initializer?.value { return .value(value) }
            }
            if let closure = parent.as(ClosureExprSyntax.self), let index = Self.closureParameterIndex(of: name, in: closure) {
                if case .parameterClause(let clause)? = closure.signature?.parameterClause,
                   clause.parameters.contains(where: { ($0.secondName ?? $0.firstName).spelledName == name
                       && $0.type.map { Self.isInout($0) || !Self.isValueType($0.trimmedDescription) } == true }) {
                    return .unresolved("`\(name)` is an `inout` parameter or an object, which the closure may change", Syntax(closure))
                }
                // `path.withCString { open($0, …) }`: the first parameter of a closure a string lends itself to is the string.
                if index == 0, let receiver = Self.lendingReceiver(of: closure) {
                    guard isToolchainMethod(taking: closure) else { return .unresolved("`\(name)` is lent by a method of the package's own", Syntax(closure)) }
                    return .value(receiver)
                }
                // `paths.first(where: { exists($0) })`: each element of the collection.
                if index == 0, let collection = Self.iteratedCollection(of: closure) {
                    guard isToolchainMethod(taking: closure) else { return .unresolved("`\(name)` is given by a method of the package's own", Syntax(closure)) }
                    return .elements(collection)
                }
                // `let sysOpen = { open($0, $1) }`: the closure's parameters are the arguments of each call of `sysOpen`.
                if let binding = closure.parent?.parent?.as(PatternBindingSyntax.self),
                   let variable = binding.pattern.as(IdentifierPatternSyntax.self) {
                    return .parameter(index, function: Syntax(variable.identifier))
                }
                return .unresolved("`\(name)` is a closure parameter", Syntax(closure))
            }
            if let clause = Self.parameters(of: parent) {
                for (index, parameter) in clause.parameters.enumerated() where (parameter.secondName ?? parameter.firstName).spelledName == name {
                    // An `inout` parameter may be assigned in the body (or by what it is passed to) before the use:
                    // it need not hold what the caller passed (found by the fifth sweep).
                    if Self.isInout(parameter.type) { return .unresolved("`\(name)` is an `inout` parameter, which the function may assign", Syntax(parameter)) }
                    // An object the caller passes may be changed before the use (`p.setString("/etc/x")`, or by code
                    // it is handed to): only a value type's parameter is what the caller passed (the sixth sweep's).
                    if !Self.isValueType(parameter.type.trimmedDescription) {
                        return .unresolved("`\(name)` is a `\(parameter.type.trimmedDescription)`, not a value type capcheck knows, so it may change after the caller passes it", Syntax(parameter))
                    }
                    return .parameter(index, function: Self.nameToken(of: parent) ?? parent)
                }
                // A nested function sees its enclosing function's locals and parameters; a type's method does not.
                guard parent.parent?.is(CodeBlockItemSyntax.self) == true else { return nil }
            }
            if let switchCase = parent.as(SwitchCaseSyntax.self),
               switchCase.label.tokens(viewMode: .sourceAccurate).contains(where: { $0.spelledName == name }) {
                let unread = Found.unresolved("`\(name)` is bound by a pattern capcheck does not read", Syntax(switchCase.label))
                guard case .case(let label) = switchCase.label else { return unread }
                var payloads: [Payload] = []
                for item in label.caseItems {
                    guard let payload = Self.payload(name, boundBy: item.pattern) else { return unread }
                    payloads.append(payload)
                }
                return .payload(payloads)
            }
            if let accessor = parent.as(AccessorDeclSyntax.self),
               accessor.parameters.map({ $0.name.spelledName == name }) ?? (name == "newValue" || name == "oldValue") {
                return .unresolved("`\(name)` is the value being stored", parent)
            }
            // `catch Oops.file(let p)`, `catch let p as String`, `catch { error }`: a thrown value, bound for the clause's
            // `where` and body (the seventeenth sweep's: an outer `p` was read instead).
            if let clause = parent.as(CatchClauseSyntax.self),
               clause.catchItems.isEmpty ? name == "error"
                   : clause.catchItems.contains(where: { $0.pattern?.tokens(viewMode: .sourceAccurate).contains { $0.spelledName == name } == true }) {
                return .unresolved("`\(name)` is bound by a `catch` clause (a thrown value)", Syntax(clause))
            }
            child = parent
        }
        return nil
    }

    private func optionalBinding(_ name: String, in conditions: ConditionElementListSyntax, statement: Syntax) -> Found? {
        // The last binding of the name is the one the body sees (`if let p = a, let p = b`).
        for condition in conditions.reversed() {
            if let matching = condition.condition.as(MatchingPatternConditionSyntax.self),
               matching.pattern.tokens(viewMode: .sourceAccurate).contains(where: { $0.spelledName == name }) {
                guard let payload = Self.payload(name, boundBy: matching.pattern) else {
                    return .unresolved("`\(name)` is bound by a pattern capcheck does not read", Syntax(matching))
                }
                return .payload([payload])
            }
            guard let binding = condition.condition.as(OptionalBindingConditionSyntax.self),
                  binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.spelledName == name else { continue }
            if binding.bindingSpecifier.tokenKind != .keyword(.let) {
                return .unresolved("`\(name)` is bound with `var`, which may change", Syntax(binding))
            }
            if let initializer = binding.initializer { return .value(initializer.value) }
            return local(name, at: statement)  // `if let name` unwraps the outer `name`
        }
        return nil
    }

    /// Where `pattern` binds `name` to a payload value of an enum case, read only in the plain forms: `.file(let name)`,
    /// `let .file(name)`, `Kind.file(_, let name)`; nil for any other pattern that names it (a `var`, a nested pattern).
    static func payload(_ name: String, boundBy pattern: PatternSyntax) -> Payload? {
        var inner = pattern, outerLet = false
        if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            guard binding.bindingSpecifier.tokenKind == .keyword(.let) else { return nil }
            inner = binding.pattern
            outerLet = true
        }
        guard let call = inner.as(ExpressionPatternSyntax.self)?.expression.as(FunctionCallExprSyntax.self),
              let member = call.calledExpression.as(MemberAccessExprSyntax.self), call.trailingClosure == nil else { return nil }
        var found: Payload?
        for (index, argument) in call.arguments.enumerated()
        where argument.expression.tokens(viewMode: .sourceAccurate).contains(where: { $0.spelledName == name }) {
            var bound: TokenSyntax?
            if outerLet, let reference = argument.expression.as(DeclReferenceExprSyntax.self) { bound = reference.baseName }
            if var inner = argument.expression.as(PatternExprSyntax.self)?.pattern {
                if let binding = inner.as(ValueBindingPatternSyntax.self), binding.bindingSpecifier.tokenKind == .keyword(.let) {
                    inner = binding.pattern
                }
                bound = inner.as(IdentifierPatternSyntax.self)?.identifier
            }
            guard bound?.spelledName == name, found == nil else { return nil }
            found = Payload(caseName: member.declName.baseName, index: index, arity: call.arguments.count)
        }
        return found
    }

    private func binding(_ name: String, in variable: VariableDeclSyntax, global: Bool) -> Found? {
        for binding in variable.bindings where binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.spelledName == name {
            let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
            if binding.accessorBlock != nil { return .unresolved("`\(name)` is a computed property", Syntax(binding)) }
            // `@Redirect var path = "/etc/x"`: every read goes through the wrapper's getter, which may return anything.
            if variable.attributes.contains(where: { $0.is(AttributeSyntax.self) }) {
                return .unresolved("`\(name)` is declared with an attribute (a property wrapper's reads are its getter's)", Syntax(binding))
            }
            if !global, !isLet || binding.initializer == nil, let values = Self.assignments(to: name, declaredBy: binding, in: variable) {
                return values.isEmpty ? .unresolved("`\(name)` is never given a value capcheck can read", Syntax(binding)) : .assigned(values)
            }
            guard let initializer = binding.initializer else {
                return .unresolved("`\(name)` is set at run time (no initial value where it is declared)", Syntax(binding))
            }
            guard isLet else { return .unresolved("`\(name)` is a `var`, which may change", Syntax(binding)) }
            return .value(initializer.value)
        }
        return nil
    }

    /// The initial value and every value assigned to the local `name` after its declaration, in the block that
    /// declares it (closures in it included); nil when some write is not a plain assignment (`&name`, `name += …`,
    /// for a `var` any member used on it, which may be `mutating`) or another declaration of the name could shadow it.
    /// Flow-insensitive: every value assigned anywhere in the scope is one the use may see.
    private static func assignments(to name: String, declaredBy binding: PatternBindingSyntax, in variable: VariableDeclSyntax) -> [ExprSyntax]? {
        guard let item = variable.parent?.as(CodeBlockItemSyntax.self), let block = item.parent?.as(CodeBlockItemListSyntax.self),
              let declared = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier else { return nil }
        let mutable = variable.bindingSpecifier.tokenKind != .keyword(.let)
        var values = binding.initializer.map { [$0.value] } ?? []
        for later in block.drop(while: { $0.id != item.id }) {
            for token in later.tokens(viewMode: .sourceAccurate) where token.identifier?.name ?? token.spelledName == name && token.id != declared.id {
                guard let reference = token.parent?.as(DeclReferenceExprSyntax.self) else {
                    if let condition = token.parent?.as(IdentifierPatternSyntax.self)?.parent?.as(OptionalBindingConditionSyntax.self),
                       condition.initializer == nil {
                        continue  // `if let name`: a read of it
                    }
                    if token.parent?.is(IdentifierPatternSyntax.self) == true || token.parent?.is(ClosureShorthandParameterSyntax.self) == true
                        || token.parent?.is(FunctionParameterSyntax.self) == true || token.parent?.is(ClosureParameterSyntax.self) == true {
                        return nil  // another declaration of the name
                    }
                    continue  // a label or a member's name (`x.name`)
                }
                if let member = reference.parent?.as(MemberAccessExprSyntax.self), member.declName.id == reference.id { continue }
                if reference.parent?.is(InOutExprSyntax.self) == true { return nil }
                // `(name, other) = …`, `((name)) = …`: in parentheses or tuples, however nested (found by an evasion sweep).
                if let outermost = Assignment.outermostTuple(around: reference), Assignment.value(assignedTo: ExprSyntax(outermost)) != nil {
                    return nil
                }
                if let assigned = Assignment.value(assignedTo: ExprSyntax(reference)) {
                    values.append(assigned)
                    continue
                }
                if let sequence = reference.parent?.parent?.as(SequenceExprSyntax.self), sequence.elements.first?.id == reference.id,
                   sequence.elements.dropFirst().first?.is(BinaryOperatorExprSyntax.self) == true,
                   sequence.elements.dropFirst().first?.trimmedDescription.hasSuffix("=") == true,
                   !["==", "!=", "<=", ">=", "==="].contains(sequence.elements.dropFirst().first!.trimmedDescription) {
                    return nil  // `name += …`
                }
                if mutable, let member = reference.parent?.as(MemberAccessExprSyntax.self), member.base?.id == reference.id {
                    return nil  // `name.append(…)`, `name.field = …`, even a getter (`mutating get`) may change a `var`
                }
                // Any other use of a `var` must be a plain read: an argument, an interpolation, the value of an
                // assignment, a return, an `if let`. An operator may take it `inout` (`p <~ "/x"`), `p! = …` writes.
                if mutable, !Self.isPlainRead(reference) { return nil }
            }
        }
        return values
    }

    /// Whether `reference` is only read where it stands: passed as an argument (not `&`), interpolated, assigned to
    /// something else, returned, or unwrapped by an optional binding.
    private static func isPlainRead(_ reference: DeclReferenceExprSyntax) -> Bool {
        guard let parent = reference.parent else { return false }
        if let argument = parent.as(LabeledExprSyntax.self) {
            // A call's argument or an interpolation's expression, not an element of a tuple assigned to.
            guard let list = argument.parent?.as(LabeledExprListSyntax.self) else { return false }
            return list.parent?.is(FunctionCallExprSyntax.self) == true || list.parent?.is(ExpressionSegmentSyntax.self) == true
                || list.parent?.is(SubscriptCallExprSyntax.self) == true
        }
        if let sequence = parent.as(SequenceExprSyntax.self) {
            let elements = Array(sequence.elements)
            return elements.count == 3 && elements[1].is(AssignmentExprSyntax.self) && elements[2].id == reference.id
        }
        if parent.is(ReturnStmtSyntax.self) || parent.is(InitializerClauseSyntax.self) { return true }
        return false
    }

    private func member(_ name: String, in members: MemberBlockSyntax) -> Found? {
        for decl in Self.declarations(in: members.members) {
            guard let variable = decl.as(VariableDeclSyntax.self), let found = binding(name, in: variable, global: false) else { continue }
            let isStatic = variable.modifiers.contains { ["static", "class"].contains($0.name.text) }
            guard case .unresolved = found, !isStatic,
                  let binding = variable.bindings.first(where: { $0.pattern.as(IdentifierPatternSyntax.self)?.identifier.spelledName == name }),
                  binding.accessorBlock == nil, let identifier = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier else {
                return found
            }
            return .stored(initial: binding.initializer?.value, property: Syntax(identifier))
        }
        return nil
    }

    /// The statements of `items` and of every clause of each `#if` among them, active or not: which declaration a use
    /// means is confirmed with the index, which records only the active one.
    package static func statements(_ items: CodeBlockItemListSyntax) -> [CodeBlockItemSyntax] {
        items.flatMap { item -> [CodeBlockItemSyntax] in
            guard let conditional = item.item.as(IfConfigDeclSyntax.self) else { return [item] }
            return conditional.clauses.flatMap { clause -> [CodeBlockItemSyntax] in
                if case .statements(let inner)? = clause.elements { return statements(inner) }
                return []
            }
        }
    }

    /// The declarations of a type's members, with those in each clause of an `#if` among them.
    package static func declarations(in members: MemberBlockItemListSyntax) -> [DeclSyntax] {
        members.flatMap { item -> [DeclSyntax] in
            guard let conditional = item.decl.as(IfConfigDeclSyntax.self) else { return [item.decl] }
            return conditional.clauses.flatMap { clause -> [DeclSyntax] in
                if case .decls(let inner)? = clause.elements { return declarations(in: inner) }
                return []
            }
        }
    }

    /// Whether `items` are a file's own statements, directly or in a clause of an `#if` among them: they declare globals.
    static func isFileScope(_ items: CodeBlockItemListSyntax) -> Bool {
        guard let parent = items.parent else { return false }
        if parent.is(SourceFileSyntax.self) { return true }
        guard parent.is(IfConfigClauseSyntax.self), let item = parent.parent?.parent?.parent?.as(CodeBlockItemSyntax.self),
              let outer = item.parent?.as(CodeBlockItemListSyntax.self) else { return false }
        return isFileScope(outer)
    }

    private static func memberBlock(of node: Syntax) -> MemberBlockSyntax? {
        if let decl = node.as(StructDeclSyntax.self) { return decl.memberBlock }
        if let decl = node.as(ClassDeclSyntax.self) { return decl.memberBlock }
        if let decl = node.as(EnumDeclSyntax.self) { return decl.memberBlock }
        if let decl = node.as(ActorDeclSyntax.self) { return decl.memberBlock }
        if let decl = node.as(ExtensionDeclSyntax.self) { return decl.memberBlock }
        return nil
    }

    /// Methods whose closure gets the receiver itself in another form (a C string, a platform path).
    private static let lendingMethods: Set<String> = [
        "withCString", "withPlatformString", "withUnsafeFileSystemRepresentation", "withFileSystemRepresentation",
        "withCStringArray", "withUTF8",
    ]

    /// Collection methods whose closure gets each element as its first parameter (not `reduce`, whose first is the
    /// running result).
    private static let elementMethods: Set<String> = [
        "first", "last", "forEach", "map", "compactMap", "flatMap", "filter", "contains", "allSatisfy",
        "firstIndex", "lastIndex", "drop", "prefix", "sorted", "min", "max",
    ]

    /// The string a closure passed to one of `lendingMethods` gets as its first parameter.
    private static func lendingReceiver(of closure: ClosureExprSyntax) -> ExprSyntax? {
        receiver(ofMethodIn: lendingMethods, taking: closure)
    }

    /// The collection whose elements a closure passed to one of `elementMethods` gets.
    private static func iteratedCollection(of closure: ClosureExprSyntax) -> ExprSyntax? {
        receiver(ofMethodIn: elementMethods, taking: closure)
    }

    /// Whether the method `closure` is passed to is the toolchain's (true when no index is at hand).
    private func isToolchainMethod(taking closure: ClosureExprSyntax) -> Bool {
        guard let isToolchain else { return true }
        var call = closure.parent?.as(FunctionCallExprSyntax.self)
        if call == nil, let argument = closure.parent?.as(LabeledExprSyntax.self) { call = argument.parent?.parent?.as(FunctionCallExprSyntax.self) }
        guard let member = call?.calledExpression.as(MemberAccessExprSyntax.self) else { return false }
        return isToolchain(file.location(of: member.declName.baseName), member.declName.baseName.spelledName)
    }

    /// The receiver of the call of one of `methods` that `closure` is passed to (as the trailing closure or an argument).
    private static func receiver(ofMethodIn methods: Set<String>, taking closure: ClosureExprSyntax) -> ExprSyntax? {
        var call = closure.parent?.as(FunctionCallExprSyntax.self)
        if call == nil, let argument = closure.parent?.as(LabeledExprSyntax.self) {
            call = argument.parent?.parent?.as(FunctionCallExprSyntax.self)
        }
        guard let member = call?.calledExpression.as(MemberAccessExprSyntax.self),
              methods.contains(member.declName.baseName.spelledName) else { return nil }
        return member.base
    }

    /// The position of `name` among a closure's parameters (`$0` is 0 when the closure declares none).
    private static func closureParameterIndex(of name: String, in closure: ClosureExprSyntax) -> Int? {
        switch closure.signature?.parameterClause {
        case .simpleInput(let list)?: return list.firstIndex { $0.name.spelledName == name }.map { list.distance(from: list.startIndex, to: $0) }
        case .parameterClause(let clause)?:
            return clause.parameters.firstIndex { ($0.secondName ?? $0.firstName).spelledName == name }
                .map { clause.parameters.distance(from: clause.parameters.startIndex, to: $0) }
        case nil:
            guard name.hasPrefix("$") else { return nil }
            return Int(name.dropFirst())
        }
    }

    /// The toolchain's value types a path, name or address is passed as (a parameter of one holds what the caller
    /// passed; an object's text may be changed in place, `NSMutableString.setString`), optional, in an array or variadic.
    private static let valueTypes: Set<String> = [
        "String", "Substring", "StaticString", "Character", "URL", "FilePath", "URLComponents", "URLRequest", "Data",
        "some StringProtocol", "any StringProtocol", "UnsafePointer<CChar>", "UnsafePointer<Int8>", "UnsafePointer<UInt8>",
        "Int", "Int32", "UInt16", "UInt32", "Bool", "Swift.String", "Foundation.URL", "SystemPackage.FilePath", "System.FilePath",
    ]

    /// Whether `type` (as written) is one of `valueTypes`, optional, an array of one, or variadic.
    package static func isValueType(_ type: String) -> Bool {
        var text = type.trimmingCharacters(in: .whitespaces)
        for specifier in ["__owned ", "__shared ", "borrowing ", "consuming "] where text.hasPrefix(specifier) {
            text = String(text.dropFirst(specifier.count)).trimmingCharacters(in: .whitespaces)
        }
        while let last = text.last, "?!".contains(last) || text.hasSuffix("...") {
            text = String(text.hasSuffix("...") ? text.dropLast(3) : text.dropLast())
        }
        if text.hasPrefix("["), text.hasSuffix("]"), !text.contains(":") { return isValueType(String(text.dropFirst().dropLast())) }
        if text.hasPrefix("Optional<"), text.hasSuffix(">") { return isValueType(String(text.dropFirst(9).dropLast())) }
        // A C string the caller lends (`UnsafePointer<CInterop.PlatformChar>`, swift-system's): the callee cannot
        // write through it without an unsafe conversion, which is `unsafe` in its own right.
        return valueTypes.contains(text) || text.hasPrefix("UnsafePointer<")
    }

    /// Whether a parameter's type is written `inout` (the parameter is then a variable of the caller's).
    private static func isInout(_ type: TypeSyntax) -> Bool {
        type.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .keyword(.inout) }
    }

    /// The parameters of a function, initialiser or subscript.
    package static func parameters(of node: Syntax) -> FunctionParameterClauseSyntax? {
        if let decl = node.as(FunctionDeclSyntax.self) { return decl.signature.parameterClause }
        if let decl = node.as(InitializerDeclSyntax.self) { return decl.signature.parameterClause }
        return nil
    }

    /// The token a declaration is indexed at (its name, or `init`).
    package static func nameToken(of node: Syntax) -> Syntax? {
        if let decl = node.as(FunctionDeclSyntax.self) { return Syntax(decl.name) }
        if let decl = node.as(InitializerDeclSyntax.self) { return Syntax(decl.initKeyword) }
        return nil
    }
}
