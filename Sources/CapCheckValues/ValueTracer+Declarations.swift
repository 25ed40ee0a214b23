import CapCheckSupport
import CapCheckModel
import CapCheckSwiftSource
import SwiftSyntax

/// The Swift declarations the tracer reads: a function's, a stored property's writers, a name declared in another file.
extension ValueTracer {
    // MARK: - Declarations

    struct Declaration {
        let node: Syntax
        let parameters: [FunctionParameterSyntax]
        let resolver: SwiftExpressionValues
        func defaultValue(_ index: Int) -> ExprSyntax? { index < parameters.count ? parameters[index].defaultValue?.value : nil }
    }

    /// The syntax a node's code is in: its function or initialiser, the property binding of a stored closure, or, for
    /// a file's top-level code, the file.
    func scope(of function: Int32, in file: ParsedSwiftFiles.File) -> Syntax {
        declaration(of: function).map { Syntax($0.node) } ?? bindingScope(of: function, in: file) ?? Syntax(file.tree)
    }

    /// The property declaration of a variable node (a closure stored in a `static let`), when the sink is in it.
    func bindingScope(of function: Int32, in file: ParsedSwiftFiles.File) -> Syntax? {
        guard let location = graph.nodes[Int(function)].location, location.file == file.path,
              let token = file.token(line: location.line, column: location.column) else { return nil }
        var current: Syntax? = Syntax(token)
        while let candidate = current {
            if candidate.is(PatternBindingSyntax.self) { return candidate }
            current = candidate.parent
        }
        return nil
    }

    /// The Swift function or initialiser declaration of a node.
    func declaration(of function: Int32) -> Declaration? {
        let node = graph.nodes[Int(function)]
        guard node.language == .swift, let location = node.location, let file = swiftFiles.file(location.file),
              let token = file.token(line: location.line, column: location.column) else { return nil }
        var current: Syntax? = Syntax(token)
        while let candidate = current {
            if let clause = SwiftNameLookup.parameters(of: candidate), SwiftNameLookup.nameToken(of: candidate)?.id == Syntax(token).id {
                return Declaration(node: candidate, parameters: Array(clause.parameters), resolver: resolver(for: file, in: function))
            }
            current = candidate.parent
        }
        return nil
    }

    /// A resolver for code of `function` in `file`: names declared in other files are found through the graph's
    /// edges from `function` to variables (a `static let` in another file of the module).
    func resolver(for file: ParsedSwiftFiles.File, in function: Int32) -> SwiftExpressionValues {
        var resolver = SwiftExpressionValues(file: file) { [weak self] name, use in
            self?.elsewhere(name, from: function, at: SwiftExpressionValues.nameSite(of: use, in: file))
        }
        resolver.writes = { [weak self] property in self?.writes(to: property) }
        resolver.payloads = { [weak self] caseName, index, arity in self?.payloads(ofCaseNamedAt: caseName, index: index, arity: arity) }
        resolver.indexedUse = { [weak self] site, declared in self?.indexedUse(at: site, declared: declared, in: function) ?? .noDeclaration }
        resolver.isToolchain = { [weak self] site, name in self?.isToolchain(at: site, named: name, in: function) ?? false }
        resolver.recordedAt = { [weak self] site in
            site.file.hasSuffix(".swift") ? self?.macros.references(inFile: site.file).map { $0[MacroExpansions.position(line: site.line, column: site.column)] ?? [] } : nil
        }
        return resolver
    }

    /// What every function that runs and refers to the stored property declared at `property` assigns it
    /// (`self.name = value`, `name = value`); nil when the property's node is not found or a struct's memberwise
    /// initialiser may set it (its calls are not assignments capcheck can read).
    func writes(to property: SourceLocation) -> [ValueOrigin]? {
        // A property assigned from itself (`path = path + "/.."`), or around a cycle of such writes, has no bound.
        if let known = writeMemo[property] { return known }
        writeMemo[property] = .some(nil)
        guard let node = node(at: property, prefer: { $0.kind.isVariable }), let file = swiftFiles.file(property.file),
              let token = file.token(line: property.line, column: property.column) else { return nil }
        let name = token.spelledName
        var type: Syntax? = Syntax(token)
        while let current = type, !current.is(StructDeclSyntax.self), !current.is(ClassDeclSyntax.self),
              !current.is(ActorDeclSyntax.self), !current.is(EnumDeclSyntax.self) { type = current.parent }
        if let structure = type?.as(StructDeclSyntax.self),
           !structure.memberBlock.members.contains(where: { $0.decl.is(InitializerDeclSyntax.self) }) {
            writeMemo[property] = .some(nil)
            return nil
        }
        // A `Decodable` type's synthesized `init(from:)` writes every stored property from the data it decodes, and no
        // code the index records does it; an override (`override var path: String { … }`) is what dynamic dispatch may
        // run instead.
        // A property that witnesses a protocol's requirement is written through the requirement too (`h.path = …` on
        // `any HasPath`), where no reference names the property.
        if type.map({ mayBeDecodable($0, in: file) }) == true || graph.edges[Int(node)].contains(where: { $0.kind == .witness })
            || reverseEdges()[Int(node)].contains(where: { graph.edges[Int($0.from)][Int($0.edge)].kind == .witness }) {
            writeMemo[property] = .some(nil)
            return nil
        }
        var result: [ValueOrigin] = []
        for (from, edgeIndex) in reverseEdges()[Int(node)] where reached.isEmpty || reached[Int(from)] {
            guard let site = graph.edges[Int(from)][Int(edgeIndex)].site, site.file.hasSuffix(".swift"),
                  let writerFile = swiftFiles.file(site.file) else { continue }
            let scope = scope(of: from, in: writerFile)
            let resolver = resolver(for: writerFile, in: from)
            for candidate in scope.tokens(viewMode: .sourceAccurate) where candidate.spelledName == name {
                switch Self.write(of: candidate) {
                case .assigned(let value): result += resolver.values(of: value)
                case .read: continue
                case .unreadable:
                    writeMemo[property] = .some(nil)
                    return nil
                }
            }
        }
        let unique = ValueJoin.unique(result)
        writeMemo[property] = unique
        return unique
    }

    /// The toolchain's protocols that refine `Decodable` without implementing `init(from:)`: a type adopting one gets a
    /// synthesized `init(from:)` (read from the toolchain modules' symbol graphs, `swift symbolgraph-extract`; `SIMD`
    /// refines it too, with its own `init(from:)`). The reachability rule's list is `DecodableTypeReachesMemberTypesRule`'s.
    static let decodableProtocols: Set<String> = [
        "Decodable", "Codable", "FormatStyle", "ParseStrategy", "DiscreteFormatStyle", "ParseableFormatStyle",
        "StandardPredicateExpression",
    ]

    /// Whether a struct, class or enum may be `Decodable` (its `init(from:)` synthesized): it names one of
    /// `decodableProtocols` where it is declared or in an extension in its file (the only places Swift synthesizes
    /// it), or a package's protocol that refines one, however deep (through the graph's supertype edges). A type whose
    /// node is not found may be.
    func mayBeDecodable(_ type: Syntax, in file: ParsedSwiftFiles.File) -> Bool {
        if Self.isDecodable(type, in: file) { return true }
        let name = type.as(StructDeclSyntax.self)?.name ?? type.as(ClassDeclSyntax.self)?.name
            ?? type.as(EnumDeclSyntax.self)?.name ?? type.as(ActorDeclSyntax.self)?.name
        guard let name, let typeNode = node(at: file.location(of: name), prefer: { $0.kind.isType }) else { return true }
        var seen: Set<Int32> = [typeNode], queue = [typeNode]
        while let current = queue.popLast() {
            for edge in graph.edges[Int(current)] where edge.kind == .supertype && seen.insert(edge.target).inserted {
                guard let at = graph.nodes[Int(edge.target)].location, at.file.hasSuffix(".swift"),
                      let protocolFile = swiftFiles.file(at.file), let token = protocolFile.token(line: at.line, column: at.column) else { return true }
                if let declared = token.parent?.as(ProtocolDeclSyntax.self), Self.namesDecodable(declared.inheritanceClause) { return true }
                queue.append(edge.target)
            }
        }
        return false
    }

    /// Whether an inheritance clause names one of `decodableProtocols`.
    static func namesDecodable(_ clause: InheritanceClauseSyntax?) -> Bool {
        clause?.inheritedTypes.contains { inherited in
            inherited.type.trimmedDescription.split(separator: "&").contains { part in
                decodableProtocols.contains(String(part.split(separator: ".").last ?? "").filter { !$0.isWhitespace })
            }
        } == true
    }

    /// Whether a struct, class or enum names one of `decodableProtocols` where it is declared or in an extension in its
    /// file.
    static func isDecodable(_ type: Syntax, in file: ParsedSwiftFiles.File) -> Bool {
        let name = type.as(StructDeclSyntax.self)?.name.spelledName ?? type.as(ClassDeclSyntax.self)?.name.spelledName
            ?? type.as(EnumDeclSyntax.self)?.name.spelledName ?? type.as(ActorDeclSyntax.self)?.name.spelledName
        if namesDecodable(type.as(StructDeclSyntax.self)?.inheritanceClause ?? type.as(ClassDeclSyntax.self)?.inheritanceClause
            ?? type.as(EnumDeclSyntax.self)?.inheritanceClause ?? type.as(ActorDeclSyntax.self)?.inheritanceClause) { return true }
        return SwiftNameLookup.statements(file.tree.statements).contains { item in
            guard let extensionDecl = item.item.as(ExtensionDeclSyntax.self), extensionDecl.extendedType.trimmedDescription == name else { return false }
            return namesDecodable(extensionDecl.inheritanceClause)
        }
    }

    enum PropertyUse { case assigned(ExprSyntax), read, unreadable }

    /// How `token` uses a stored property of its name: the value of a plain assignment (`name = v`, `self.name = v`,
    /// `other.name = v`: every instance's writes count), a read, or a write capcheck cannot read (a key path, `&`, a
    /// compound assignment, a method called on it, which may be `mutating`).
    static func write(of token: TokenSyntax) -> PropertyUse {
        guard let reference = token.parent?.as(DeclReferenceExprSyntax.self) else { return .read }
        var ancestor: Syntax? = Syntax(reference)
        while let current = ancestor, !current.is(CodeBlockItemSyntax.self) {
            if current.is(KeyPathExprSyntax.self) { return .unreadable }
            ancestor = current.parent
        }
        var target = ExprSyntax(reference)
        if let member = reference.parent?.as(MemberAccessExprSyntax.self), member.declName.id == reference.id { target = ExprSyntax(member) }
        if let value = Assignment.value(assignedTo: target) { return .assigned(value) }
        if target.parent?.is(InOutExprSyntax.self) == true { return .unreadable }
        // In parentheses or a tuple (`(h.loc) = v`, `(h.loc, n) = (v, 1)`), or the operand of a prefix or postfix
        // operator (which may take it `inout`): a write capcheck does not read (found by an evasion sweep).
        if let tuple = Assignment.outermostTuple(around: target).map(ExprSyntax.init),
           Assignment.value(assignedTo: tuple) != nil || Self.isOperand(tuple) { return .unreadable }
        if target.parent?.is(PrefixOperatorExprSyntax.self) == true || target.parent?.is(PostfixOperatorExprSyntax.self) == true {
            return .unreadable
        }
        // A subscript of it assigned (`h.loc[keyPath: \String.self] = v`) writes it.
        if let subscriptCall = target.parent?.as(SubscriptCallExprSyntax.self), subscriptCall.calledExpression.id == target.id,
           Assignment.value(assignedTo: ExprSyntax(subscriptCall)) != nil || subscriptCall.parent?.is(InOutExprSyntax.self) == true {
            return .unreadable
        }
        // The right-hand operand of an operator other than a comparison (`"…" => h.loc`: it may take it `inout`).
        if let sequence = target.parent?.as(SequenceExprSyntax.self), sequence.elements.first?.id != target.id,
           let position = sequence.elements.firstIndex(where: { $0.id == target.id }), position != sequence.elements.startIndex,
           let operation = sequence.elements[sequence.elements.index(before: position)].as(BinaryOperatorExprSyntax.self),
           !["==", "!=", "===", "!==", "+", "-", "<", ">", "<=", ">=", "??", "&&", "||"].contains(operation.trimmedDescription) {
            return .unreadable
        }
        if let sequence = target.parent?.as(SequenceExprSyntax.self), sequence.elements.first?.id == target.id,
           let operation = sequence.elements.dropFirst().first, operation.is(BinaryOperatorExprSyntax.self) || operation.is(AssignmentExprSyntax.self) {
            return ["==", "!=", "===", "!=="].contains(operation.trimmedDescription) ? .read : .unreadable
        }
        if let outer = target.parent?.as(MemberAccessExprSyntax.self), outer.base?.id == target.id,
           outer.parent?.is(FunctionCallExprSyntax.self) == true || Assignment.value(assignedTo: ExprSyntax(outer)) != nil {
            return .unreadable  // `name.append(…)`, `name.removeAll()`, `name.x = …`
        }
        if let wrapped = target.parent, wrapped.is(ForceUnwrapExprSyntax.self) || wrapped.is(OptionalChainingExprSyntax.self) {
            return wrapped.as(ExprSyntax.self).map { Assignment.value(assignedTo: $0) != nil ? .unreadable : .read } ?? .read
        }
        return .read
    }

    /// What the index records at a name's use in `function`: the variable or property the reference at `site` names,
    /// read from the file's records. Without them, only the graph's edges are at hand, one per caller and target (at
    /// its first reference), so a use with no edge of its own is taken to be `declared` (what the lookup found) when
    /// `function` refers to that declaration elsewhere.
    func indexedUse(at site: SourceLocation, declared: SourceLocation?, in function: Int32) -> IndexedUse {
        if let variable = referencesAt(site).first(where: { graph.nodes[Int($0)].kind.isVariable }) {
            return .declaration(graph.nodes[Int(variable)].location)
        }
        // With the file's records at hand, nothing recorded at the use means no indexed declaration is used there.
        if recordedReferences(site) != nil { return .noDeclaration }
        if let declared, graph.edges[Int(function)].contains(where: { graph.nodes[Int($0.target)].location == declared }) {
            return .declaration(declared)
        }
        return .noDeclaration
    }

    /// Whether an expression is an operand of an operator (an element of a sequence beside a binary operator or `=`).
    static func isOperand(_ expression: ExprSyntax) -> Bool {
        guard let sequence = expression.parent?.as(SequenceExprSyntax.self) else { return false }
        return sequence.elements.contains { $0.is(BinaryOperatorExprSyntax.self) || $0.is(AssignmentExprSyntax.self) }
    }

    /// Whether the declaration named `name` at `site` is the toolchain's: every reference the index records there is
    /// to the toolchain (none defined in a package); where the index records nothing there (or, without the file's
    /// records, the graph kept no edge for the site: one edge per caller and target), no declaration of that name
    /// `function` refers to is a package's.
    func isToolchain(at site: SourceLocation, named name: String, in function: Int32) -> Bool {
        let here = referencesAt(site)
        if !here.isEmpty { return here.allSatisfy { graph.nodes[Int($0)].location == nil } }
        return !graph.edges[Int(function)].contains { edge in
            let target = graph.nodes[Int(edge.target)]
            guard target.location != nil else { return false }
            // A full name (`init(stringLiteral:)`) is compared whole, a base name (`withCString`) with the target's.
            return name.contains("(") ? target.name.hasSuffix(name) : Self.memberName(of: target).base == name
        }
    }

    /// What the index records a reference to at `site`: every declaration, from the file's records when they can be
    /// read, else the targets of the reference edges whose site is `site` (the first reference of each).
    func referencesAt(_ site: SourceLocation) -> [Int32] {
        if let recorded = recordedReferences(site) { return recorded }
        if referenceTargets == nil {
            var targets: [SourceLocation: [Int32]] = [:]
            for edges in graph.edges {
                for edge in edges where edge.kind == .reference {
                    guard let use = edge.site else { continue }
                    targets[use, default: []].append(edge.target)
                }
            }
            referenceTargets = targets
        }
        return referenceTargets?[site] ?? []
    }

    /// The nodes of every declaration the index records a reference to at `site` in a Swift file; nil when the file's
    /// records cannot be read.
    func recordedReferences(_ site: SourceLocation) -> [Int32]? {
        guard site.file.hasSuffix(".swift"), let byPosition = macros.references(inFile: site.file) else { return nil }
        if nodesByUSR == nil {
            var index: [String: [Int32]] = [:]
            for (id, node) in graph.nodes.enumerated() { index[node.usr, default: []].append(Int32(id)) }
            nodesByUSR = index
        }
        return (byPosition[MacroExpansions.position(line: site.line, column: site.column)] ?? []).flatMap { nodesByUSR?[$0] ?? [] }
    }

    func elsewhere(_ name: String, from function: Int32, at site: SourceLocation? = nil) -> [ValueOrigin]? {
        // What the index records at the use itself: `Bad.path`, not the first `path` the function refers to. From the
        // file's records when they can be read; else the edge whose site is the use, else any edge of the function.
        let targets: [Int32]
        if let site, let recorded = recordedReferences(site) {
            targets = recorded
        } else {
            let atSite = graph.edges[Int(function)].filter { $0.site == site }
            targets = (atSite.isEmpty ? graph.edges[Int(function)] : atSite).map(\.target)
        }
        for targetNode in targets {
            let target = graph.nodes[Int(targetNode)]
            guard target.kind.isVariable, target.name == name, let location = target.location,
                  location.file.hasSuffix(".swift"), let file = swiftFiles.file(location.file),
                  let token = file.token(line: location.line, column: location.column) else { continue }
            // Read with the index at hand, in the declaring file (a rule known by a spelling holds there only where the
            // index says the toolchain's declaration is meant), and only the declaration the index names: in two `#if`
            // clauses the lookup by scope would take the first.
            let lookup = SwiftNameLookup(file: file)
            let resolver = resolver(for: file, in: targetNode)
            guard let found = lookup.resolve(name, at: Syntax(token), membersOnly: true) else { continue }
            if let declared = found.declared, file.location(of: declared) != location {
                return [.unknown("`\(name)` is declared more than once where capcheck's lookup does not tell which", location)]
            }
            switch found.found as SwiftNameLookup.Found? {
            case .value(let expression)?:
                return resolver.values(of: expression)
            case .stored(let initial, let property)?:
                guard let written = writes(to: file.location(of: property)) else {
                    return [.unknown("`\(name)` is a stored property set at run time", file.location(of: property))]
                }
                return (initial.map { resolver.values(of: $0) } ?? []) + written
            case .unresolved(let why, let node)?: return [.unknown(why, file.location(of: node))]
            default: continue
            }
        }
        return nil
    }

    /// The node defined at a location (file and line; the column when several are on the line), among several there
    /// (a property and its implicit accessors) the first that `prefer` accepts.
}
