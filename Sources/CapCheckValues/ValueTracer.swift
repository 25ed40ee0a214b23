import CapCheckSupport
import CapCheckModel
import SwiftSyntax

/// Finds the values a sink is used with, for one package holding a narrowed grant: resolves the value argument at
/// every call of the sink in the calling function, and follows a parameter to every call of that function, through
/// protocol requirements to their callers, until the value is made (a constant, a prefix, unknown) or arrives from
/// code above the package (`@caller`). Bounded: at most `maxCalls` calls deep.
package final class ValueTracer {
    private let graph: CallGraph
    /// Whether code of package `package` is the holder's own code or below it (its dependencies).
    private let isWithin: (_ package: String, _ holder: String) -> Bool
    /// Per node, whether it runs at all (the search reached it): callers that never run pass no value.
    private let reached: [Bool]
    private let swiftFiles = ParsedSwiftFiles()
    private var cFiles: [String: CSinkSites?] = [:]
    private var callers: [[(from: Int32, edge: Int32)]]?
    private var nodesByLine: [String: [Int32]]?
    private var cFunctionsByName: [String: [Int32]]?
    private var writeMemo: [SourceLocation: [ValueOrigin]] = [:]
    private var memo: [String: [ValueOrigin]] = [:]
    private static let maxCalls = 12

    package init(graph: CallGraph, reached: [Bool], isWithin: @escaping (_ package: String, _ holder: String) -> Bool) {
        self.graph = graph
        self.reached = reached
        self.isWithin = isWithin
    }

    /// The values `sink` (node `sinkNode`, reached from `caller` by the edge at `site`) is used with, as seen by `holder`.
    package func origins(sink: SinkMatch, capability: Capability, sinkNode: Int32, caller: Int32, site: SourceLocation?, holder: String) -> [ValueOrigin] {
        let key = "\(holder)|\(capability.name)|\(caller)|\(sinkNode)"
        if let known = memo[key] { return known }
        let rule = SinkArgumentRule.rule(capability: capability, sink: sink.name)
        guard rule != .noValue else { return [] }  // through an alias too: `let sysSocket = socket` names no peer either
        var visited = Set<Int64>()
        var result: [ValueOrigin] = []
        if let site, isAlias(caller, of: site) {
            // `private let sysStat = stat`: each call of the variable is a call of the sink.
            result = aliasCallValues(of: caller, rule: rule, holder: holder, visited: &visited)
        } else {
            let local = values(of: rule, atSitesOf: sinkNode, in: caller, knownSite: site)
            for origin in local { result += follow(origin, in: caller, holder: holder, depth: 0, visited: &visited) }
        }
        result = ValueJoin.unique(result)
        if result.isEmpty, rule != .noValue {
            // Every call found comes from code that does not pass through the holder: the flow that made the search
            // reach this sink under the holder's grant was not found, so nothing is known.
            let at = site ?? graph.nodes[Int(caller)].location ?? SourceLocation(file: "", line: 0, column: 0)
            result = [.unknown("the value's way through \(holder) was not found", at)]
        }
        memo[key] = result
        return result
    }

    // MARK: - Following parameters

    private func follow(_ origin: ValueOrigin, in function: Int32, holder: String?, depth: Int, visited: inout Set<Int64>) -> [ValueOrigin] {
        guard case .parameter(let index, let name, let declared) = origin else { return [origin] }
        var owner = function
        if let location = graph.nodes[Int(function)].location, location.file == declared.file, location.line == declared.line {
        } else if let enclosing = node(at: declared, prefer: { !$0.kind.isVariable }) {
            owner = enclosing  // a parameter of the function a nested function or closure is declared in
        } else {
            return [.unknown("`\(name)` is a parameter of a function capcheck's graph does not have", declared)]
        }
        guard depth < Self.maxCalls else { return [.unknown("followed through \(Self.maxCalls) calls without finding where `\(name)` is made", declared)] }
        return callersValues(of: owner, parameter: index, name: name, receiver: graph.nodes[Int(owner)].package ?? "", holder: holder,
                             depth: depth, visited: &visited, declared: declared)
    }

    /// The values passed for parameter `index` of `function` by its callers (and, for a witness, by the requirement's).
    private func callersValues(of function: Int32, parameter index: Int, name: String, receiver: String, holder: String?,
                               depth: Int, visited: inout Set<Int64>, declared: SourceLocation) -> [ValueOrigin] {
        guard visited.insert(Int64(function) << 8 | Int64(min(index, 255))).inserted else { return [] }
        let incoming = reverseEdges()[Int(function)].filter { reached.isEmpty || reached[Int($0.from)] }
        var result: [ValueOrigin] = []
        for (from, edgeIndex) in incoming {
            let edge = graph.edges[Int(from)][Int(edgeIndex)]
            let callerNode = graph.nodes[Int(from)]
            switch edge.kind {
            case .reference:
                guard let package = callerNode.package, let site = edge.site else {
                    result.append(.unknown("`\(graph.nodes[Int(function)].name)` is called from toolchain code", declared))
                    continue
                }
                if let checked = holder, !isWithin(package, checked) {
                    // Made above the holder: the caller's value, if it enters through the holder's own code; what the
                    // caller made it from is followed on, for grants that name values rather than `@caller`.
                    guard receiver == checked else { continue }
                    var made: [ValueOrigin] = []
                    for origin in argumentValues(calling: function, parameter: index, from: from, knownSite: site) {
                        made += follow(origin, in: from, holder: nil, depth: depth + 1, visited: &visited)
                    }
                    result.append(.caller(supplier: package, parameter: name, site, made: ValueJoin.unique(made)))
                    continue
                }
                for origin in argumentValues(calling: function, parameter: index, from: from, knownSite: site) {
                    result += follow(origin, in: from, holder: holder, depth: depth + 1, visited: &visited)
                }
            case .witness:
                // Callers of the requirement (or overridden method) reach this implementation; none, no value.
                guard reverseEdges()[Int(from)].contains(where: { reached.isEmpty || reached[Int($0.from)] }) else { continue }
                result += callersValues(of: from, parameter: index, name: name, receiver: receiver, holder: holder,
                                        depth: depth + 1, visited: &visited, declared: declared)
            default:
                result.append(.unknown("`\(graph.nodes[Int(function)].name)` is called implicitly (\(edge.kind.rawValue)); "
                                       + "the value of `\(name)` is not followed", edge.site ?? declared))
            }
        }
        if incoming.isEmpty {
            result.append(.unknown("no call of `\(graph.nodes[Int(function)].name)` passing `\(name)` was found", declared))
        }
        return result
    }

    /// What `from` passes for parameter `index` at each of its calls of `function`.
    private func argumentValues(calling function: Int32, parameter index: Int, from: Int32, knownSite: SourceLocation) -> [ValueOrigin] {
        let callee = graph.nodes[Int(function)]
        guard knownSite.file.hasSuffix(".swift") else {
            // A C caller: the callee's calls in the caller's body, by position.
            guard callee.language.isClang, let cFile = cSites(knownSite.file) else {
                return [.unknown("called from C code, which capcheck does not follow", knownSite)]
            }
            let callerLocation = graph.nodes[Int(from)].location
            var calls = callerLocation.map { cFile.calls(of: callee.name, inFunctionAt: $0) } ?? []
            if !calls.contains(knownSite) { calls.append(knownSite) }
            return calls.flatMap { cFile.values(at: $0, positions: [index], inFunctionAt: callerLocation, returned: returnedConstant) }
        }
        guard let file = swiftFiles.file(knownSite.file) else { return [.unknown("the source could not be read", knownSite)] }
        let declaration = declaration(of: function)
        // A stored closure (`let sysOpen = { open($0, $1) }`) or a C function takes its arguments by position.
        guard declaration != nil || callee.language.isClang || callee.kind.isVariable else {
            return [.unknown("the declaration of `\(callee.name)` was not found in Swift source", knownSite)]
        }
        let resolver = resolver(for: file, in: from)
        return sites(in: from, knownSite: knownSite, file: file).flatMap { site -> [ValueOrigin] in
            let at = file.location(of: site.reference)
            guard site.call != nil else {
                return [.unknown("`\(SwiftExpressionValues.brief(site.reference))` is used as a function value here; its calls are not known", at)]
            }
            guard let declaration else {
                // A C function or a stored closure called from Swift: arguments by position.
                let arguments = site.arguments
                return index < arguments.count ? resolver.values(of: arguments[index].expression)
                    : [.unknown("the call does not pass argument \(index + 1)", at)]
            }
            return ArgumentMatching.argument(for: index, of: declaration.parameters, in: site.arguments).map { expression in
                resolver.values(of: expression)
            } ?? declaration.defaultValue(index).map { declaration.resolver.values(of: $0) }
              ?? [.unknown("the call does not pass parameter \(index + 1)", at)]
        }
    }

    // MARK: - Aliases

    /// Whether `variable` is a stored function whose initialiser is the reference at `site` itself (`let sysStat = stat`).
    private func isAlias(_ variable: Int32, of site: SourceLocation) -> Bool {
        guard graph.nodes[Int(variable)].kind.isVariable, site.file.hasSuffix(".swift"), let file = swiftFiles.file(site.file),
              let token = file.token(line: site.line, column: site.column), let reference = SwiftSinkSite(token: token),
              reference.call == nil else { return false }
        return reference.reference.parent?.is(InitializerClauseSyntax.self) == true
    }

    /// The values of `rule` at every call of the alias `variable`, followed to where they are made.
    private func aliasCallValues(of variable: Int32, rule: SinkArgumentRule, holder: String, visited: inout Set<Int64>) -> [ValueOrigin] {
        var result: [ValueOrigin] = []
        for (from, edgeIndex) in reverseEdges()[Int(variable)] where reached.isEmpty || reached[Int(from)] {
            let edge = graph.edges[Int(from)][Int(edgeIndex)]
            guard edge.kind == .reference, let site = edge.site, site.file.hasSuffix(".swift"), let file = swiftFiles.file(site.file) else {
                result.append(.unknown("`\(graph.nodes[Int(variable)].name)` is used where capcheck does not follow it",
                                       edge.site ?? graph.nodes[Int(variable)].location ?? SourceLocation(file: "", line: 0, column: 0)))
                continue
            }
            let resolver = resolver(for: file, in: from)
            for call in sites(in: from, knownSite: site, file: file) {
                let at = file.location(of: call.reference)
                guard call.call != nil else {
                    result.append(.unknown("`\(SwiftExpressionValues.brief(call.reference))` is used as a function value here", at))
                    continue
                }
                for origin in call.values(rule: rule, resolver: resolver, at: at) {
                    result += follow(origin, in: from, holder: holder, depth: 1, visited: &visited)
                }
            }
        }
        if result.isEmpty {
            result.append(.unknown("no call of `\(graph.nodes[Int(variable)].name)` was found",
                                   graph.nodes[Int(variable)].location ?? SourceLocation(file: "", line: 0, column: 0)))
        }
        return result
    }

    // MARK: - Sites

    /// The values of `rule` at every reference to `target` in `function`'s body (the edge records only the first).
    private func values(of rule: SinkArgumentRule, atSitesOf target: Int32, in function: Int32, knownSite: SourceLocation?) -> [ValueOrigin] {
        guard let knownSite else { return [.unknown("the sink is reached without a call site", graph.nodes[Int(function)].location ?? SourceLocation(file: "", line: 0, column: 0))] }
        if knownSite.file.hasSuffix(".swift") {
            guard let file = swiftFiles.file(knownSite.file) else { return [.unknown("the source could not be read", knownSite)] }
            let resolver = resolver(for: file, in: function)
            let found = sites(in: function, knownSite: knownSite, file: file)
            guard !found.isEmpty else { return [.unknown("the reference is not a name in an expression", knownSite)] }
            return found.flatMap { $0.values(rule: rule, resolver: resolver, at: file.location(of: $0.reference)) }
        }
        if case .implicit(let values) = rule { return values.map { ImplicitValue.origin($0, at: knownSite) } }
        if case .noValue = rule { return [] }
        guard let cFile = cSites(knownSite.file) else { return [.unknown("the source could not be read", knownSite)] }
        if case .socketAddress(let position) = rule {
            let functionLocation = graph.nodes[Int(function)].location
            var calls = functionLocation.map { cFile.calls(of: graph.nodes[Int(target)].name, inFunctionAt: $0) } ?? []
            if !calls.contains(knownSite) { calls.append(knownSite) }
            return calls.map { CSocketAddress(source: cFile).value(at: $0, position: position, inFunctionAt: functionLocation) }
        }
        guard case .positions(let positions) = rule else {
            if case .none(let why) = rule { return [.unknown(why, knownSite)] }
            let position: Int
            switch rule { case .shellCommand(let at), .assignment(let at): position = at; default: position = 0 }
            return cFile.values(at: knownSite, positions: [position]).map { origin in
                if case .shellCommand = rule { return ShellCommand.program(origin) }
                return origin
            }
        }
        let name = graph.nodes[Int(target)].name
        let functionLocation = graph.nodes[Int(function)].location
        var calls = functionLocation.map { cFile.calls(of: name, inFunctionAt: $0) } ?? []
        if !calls.contains(knownSite) { calls.append(knownSite) }
        return calls.flatMap { cFile.values(at: $0, positions: positions, inFunctionAt: functionLocation, returned: returnedConstant) }
    }

    /// Every reference in `function`'s declaration spelled like the one at `knownSite` (and, for a call, with the
    /// same argument labels).
    private func sites(in function: Int32, knownSite: SourceLocation, file: ParsedSwiftFiles.File) -> [SwiftSinkSite] {
        guard let token = file.token(line: knownSite.line, column: knownSite.column), let known = SwiftSinkSite(token: token) else { return [] }
        let labels = known.call.map { $0.arguments.map { $0.label?.text ?? "_" } }
        let scope = declaration(of: function).map { Syntax($0.node) } ?? bindingScope(of: function, in: file) ?? Syntax(file.tree)
        var found = scope.tokens(viewMode: .sourceAccurate).compactMap { candidate -> SwiftSinkSite? in
            guard candidate.text == token.text, let site = SwiftSinkSite(token: candidate) else { return nil }
            if let labels, let call = site.call, call.arguments.map({ $0.label?.text ?? "_" }) != labels { return nil }
            return site
        }
        // The recorded site always counts, even where the declaration's syntax does not hold it.
        if !found.contains(where: { $0.reference.id == known.reference.id }) { found.append(known) }
        return found
    }

    private func cSites(_ path: String) -> CSinkSites? {
        if let known = cFiles[path] { return known }
        let loaded = CSinkSites(path: path)
        cFiles[path] = loaded
        return loaded
    }

    // MARK: - Declarations

    private struct Declaration {
        let node: Syntax
        let parameters: [FunctionParameterSyntax]
        let resolver: SwiftExpressionValues
        func defaultValue(_ index: Int) -> ExprSyntax? { index < parameters.count ? parameters[index].defaultValue?.value : nil }
    }

    /// The property declaration of a variable node (a closure stored in a `static let`), when the sink is in it.
    private func bindingScope(of function: Int32, in file: ParsedSwiftFiles.File) -> Syntax? {
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
    private func declaration(of function: Int32) -> Declaration? {
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
    private func resolver(for file: ParsedSwiftFiles.File, in function: Int32) -> SwiftExpressionValues {
        var resolver = SwiftExpressionValues(file: file) { [weak self] name, _ in
            self?.elsewhere(name, from: function)
        }
        resolver.writes = { [weak self] property in self?.writes(to: property) }
        return resolver
    }

    /// What every function that runs and refers to the stored property declared at `property` assigns it
    /// (`self.name = value`, `name = value`); nil when the property's node is not found or a struct's memberwise
    /// initialiser may set it (its calls are not assignments capcheck can read).
    private func writes(to property: SourceLocation) -> [ValueOrigin]? {
        if let known = writeMemo[property] { return known }
        writeMemo[property] = []  // a property assigned from itself adds nothing
        guard let node = node(at: property, prefer: { $0.kind.isVariable }), let file = swiftFiles.file(property.file),
              let token = file.token(line: property.line, column: property.column) else { return nil }
        let name = token.text
        var type: Syntax? = Syntax(token)
        while let current = type, !current.is(StructDeclSyntax.self), !current.is(ClassDeclSyntax.self),
              !current.is(ActorDeclSyntax.self), !current.is(EnumDeclSyntax.self) { type = current.parent }
        if let structure = type?.as(StructDeclSyntax.self),
           !structure.memberBlock.members.contains(where: { $0.decl.is(InitializerDeclSyntax.self) }) {
            writeMemo[property] = nil
            return nil
        }
        var result: [ValueOrigin] = []
        for (from, edgeIndex) in reverseEdges()[Int(node)] where reached.isEmpty || reached[Int(from)] {
            guard let site = graph.edges[Int(from)][Int(edgeIndex)].site, site.file.hasSuffix(".swift"),
                  let writerFile = swiftFiles.file(site.file) else { continue }
            let scope = declaration(of: from).map { Syntax($0.node) } ?? bindingScope(of: from, in: writerFile) ?? Syntax(writerFile.tree)
            let resolver = resolver(for: writerFile, in: from)
            for candidate in scope.tokens(viewMode: .sourceAccurate) where candidate.text == name {
                guard let assigned = Self.assignedValue(to: candidate) else { continue }
                result += resolver.values(of: assigned)
            }
        }
        let unique = ValueJoin.unique(result)
        writeMemo[property] = unique
        return unique
    }

    /// The value assigned where `token` is the target of `name = value` or `self.name = value`.
    private static func assignedValue(to token: TokenSyntax) -> ExprSyntax? {
        guard var target = token.parent?.as(DeclReferenceExprSyntax.self).map(ExprSyntax.init) else { return nil }
        if let member = target.parent?.as(MemberAccessExprSyntax.self), member.declName.id == target.id {
            guard member.base?.trimmedDescription == "self" else { return nil }
            target = ExprSyntax(member)
        }
        guard let sequence = target.parent?.parent?.as(SequenceExprSyntax.self) else { return nil }
        let elements = Array(sequence.elements)
        guard elements.count == 3, elements[0].id == target.id, elements[1].is(AssignmentExprSyntax.self) else { return nil }
        return elements[2]
    }

    private func elsewhere(_ name: String, from function: Int32) -> [ValueOrigin]? {
        for edge in graph.edges[Int(function)] {
            let target = graph.nodes[Int(edge.target)]
            guard target.kind.isVariable, target.name == name, let location = target.location,
                  location.file.hasSuffix(".swift"), let file = swiftFiles.file(location.file),
                  let token = file.token(line: location.line, column: location.column) else { continue }
            let lookup = SwiftNameLookup(file: file)
            switch lookup.declaration(of: name, at: Syntax(token), membersOnly: true) {
            case .value(let expression)?:
                return SwiftExpressionValues(file: file) { _, _ in nil }.values(of: expression)
            case .stored(let initial, let property)?:
                guard let written = writes(to: file.location(of: property)) else {
                    return [.unknown("`\(name)` is a stored property set at run time", file.location(of: property))]
                }
                return (initial.map { resolver(for: file, in: function).values(of: $0) } ?? []) + written
            case .unresolved(let why, let node)?: return [.unknown(why, file.location(of: node))]
            default: continue
            }
        }
        return nil
    }

    /// The node defined at a location (file and line; the column when several are on the line), among several there
    /// (a property and its implicit accessors) the first that `prefer` accepts.
    private func node(at location: SourceLocation, prefer: (GraphNode) -> Bool = { _ in true }) -> Int32? {
        if nodesByLine == nil {
            var index: [String: [Int32]] = [:]
            for (id, node) in graph.nodes.enumerated() {
                guard let at = node.location else { continue }
                index["\(at.file):\(at.line)", default: []].append(Int32(id))
            }
            nodesByLine = index
        }
        let candidates = nodesByLine?["\(location.file):\(location.line)"] ?? []
        let here = candidates.filter { graph.nodes[Int($0)].location?.column == location.column }
        return here.first { prefer(graph.nodes[Int($0)]) } ?? here.first ?? (candidates.count == 1 ? candidates[0] : nil)
    }

    /// The constant a C function named `name` returns (its definition's whole body `return "…";`), if any. BoringSSL's
    /// symbols are renamed with a prefix (`CNIOBoringSSL_X509_…`), so a unique `…_name` definition counts too.
    private func returnedConstant(_ name: String) -> String? {
        if cFunctionsByName == nil {
            var index: [String: [Int32]] = [:]
            for (id, node) in graph.nodes.enumerated() where node.language.isClang && node.kind == .function && node.location != nil {
                index[node.name, default: []].append(Int32(id))
            }
            cFunctionsByName = index
        }
        var found = cFunctionsByName?[name] ?? []
        if found.isEmpty {
            found = cFunctionsByName?.filter { $0.key.hasSuffix("_" + name) }.flatMap(\.value) ?? []
        }
        let returned = found.map { id -> String? in
            guard let location = graph.nodes[Int(id)].location else { return nil }
            return cSites(location.file)?.returnedLiteral(ofFunctionAt: location)
        }
        // Every definition must return the same constant (two copies of BoringSSL each have one).
        guard !returned.isEmpty, !returned.contains(nil), Set(returned).count == 1 else { return nil }
        return returned[0]
    }

    /// Per node, the edges into it.
    private func reverseEdges() -> [[(from: Int32, edge: Int32)]] {
        if let callers { return callers }
        var result = [[(from: Int32, edge: Int32)]](repeating: [], count: graph.nodes.count)
        for (from, edges) in graph.edges.enumerated() {
            for (index, edge) in edges.enumerated() { result[Int(edge.target)].append((Int32(from), Int32(index))) }
        }
        callers = result
        return result
    }
}

/// Which argument of a call is passed for a parameter: arguments are matched to parameters in order by label,
/// skipping parameters with a default value that the call leaves out.
package enum ArgumentMatching {
    package static func argument(for index: Int, of parameters: [FunctionParameterSyntax],
                                 in arguments: [(label: String, expression: ExprSyntax)]) -> ExprSyntax? {
        var next = 0
        for (position, parameter) in parameters.enumerated() {
            let label = parameter.firstName.text
            if next < arguments.count, arguments[next].label == label {
                if position == index { return arguments[next].expression }
                next += 1
            } else if parameter.defaultValue == nil, parameter.ellipsis == nil {
                return nil  // the call does not match the declaration: leave it unknown
            }
        }
        return nil
    }
}
