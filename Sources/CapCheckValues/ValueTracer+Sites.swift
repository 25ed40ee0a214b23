import CapCheckSupport
import CapCheckModel
import CapCheckSwiftSource
import SwiftSyntax

/// Where a sink or a function is called, and the values at each call: every call in the caller's declaration, and
/// the calls of a stored function (`let sysStat = stat`).
extension ValueTracer {
    // MARK: - Aliases

    /// Whether `variable` is a stored function whose initialiser is the reference at `site` itself (`let sysStat = stat`).
    func isAlias(_ variable: Int32, of site: SourceLocation) -> Bool {
        guard graph.nodes[Int(variable)].kind.isVariable, site.file.hasSuffix(".swift"), let file = swiftFiles.file(site.file),
              let token = file.token(line: site.line, column: site.column), let reference = SwiftSinkSite(token: token),
              reference.call == nil else { return false }
        return reference.reference.parent?.is(InitializerClauseSyntax.self) == true
    }

    /// The values of `rule` at every call of the alias `variable`, followed to where they are made.
    func aliasCallValues(of variable: Int32, rule: SinkArgumentRule, holder: String, visited: inout Set<Int64>) -> [ValueOrigin] {
        var result: [ValueOrigin] = []
        for (from, edgeIndex) in reverseEdges()[Int(variable)] where reached.isEmpty || reached[Int(from)] {
            let edge = graph.edges[Int(from)][Int(edgeIndex)]
            guard edge.kind == .reference, let site = edge.site, site.file.hasSuffix(".swift"), let file = swiftFiles.file(site.file) else {
                result.append(.unknown("`\(graph.nodes[Int(variable)].name)` is used where capcheck does not follow it",
                                       edge.site ?? graph.nodes[Int(variable)].location ?? SourceLocation(file: "", line: 0, column: 0)))
                continue
            }
            let resolver = resolver(for: file, in: from)
            let calls = sites(in: from, of: variable, knownSite: site, file: file)
            if calls.isEmpty { result.append(.unknown("`\(graph.nodes[Int(variable)].name)` is used where capcheck does not follow it", site)) }
            for call in calls {
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
    func values(of rule: SinkArgumentRule, atSitesOf target: Int32, in function: Int32, knownSite: SourceLocation?) -> [ValueOrigin] {
        guard let knownSite else { return [.unknown("the sink is reached without a call site", graph.nodes[Int(function)].location ?? SourceLocation(file: "", line: 0, column: 0))] }
        if knownSite.file.hasSuffix(".swift") {
            guard let file = swiftFiles.file(knownSite.file) else { return [.unknown("the source could not be read", knownSite)] }
            let resolver = resolver(for: file, in: function)
            let found = sites(in: function, of: target, knownSite: knownSite, file: file)
            guard !found.isEmpty else { return [.unknown("the reference is not a name in an expression", knownSite)] }
            return found.flatMap { $0.values(rule: rule, resolver: resolver, at: file.location(of: $0.reference)) }
        }
        if case .implicit(let values) = rule { return values.map { ImplicitValue.origin($0, at: knownSite) } }
        if case .noValue = rule { return [] }
        guard let cFile = cSites(knownSite.file) else { return [.unknown("the source could not be read", knownSite)] }
        let name = graph.nodes[Int(target)].name
        let functionLocation = graph.nodes[Int(function)].location
        if case .socketAddress(let position) = rule {
            let (calls, other) = cCalls(of: name, inFunctionAt: functionLocation, knownSite: knownSite, in: cFile)
            return calls.map { CSocketAddress(source: cFile).value(at: $0, callee: name, position: position, inFunctionAt: functionLocation) } + other
        }
        guard case .positions(let positions) = rule else {
            if case .none(let why) = rule { return [.unknown(why, knownSite)] }
            let position: Int
            switch rule { case .shellCommand(let at), .assignment(let at): position = at; default: position = 0 }
            // Every call in the function, as for `positions` (the nineteenth sweep's second `system(…)` went unread).
            let (calls, other) = cCalls(of: name, inFunctionAt: functionLocation, knownSite: knownSite, in: cFile)
            return calls.flatMap { cFile.values(at: $0, callee: name, positions: [position], inFunctionAt: functionLocation, returned: returnedConstant) }
                .map { origin in
                    if case .shellCommand = rule { return ShellCommand.program(origin) }
                    if case .assignment = rule { return origin.nameBeforeEquals }  // `putenv("NAME=value")` names `NAME`
                    return origin
                } + other
        }
        let (calls, other) = cCalls(of: name, inFunctionAt: functionLocation, knownSite: knownSite, in: cFile)
        return calls.flatMap { cFile.values(at: $0, callee: name, positions: positions, inFunctionAt: functionLocation, returned: returnedConstant) }
            + other
    }

    /// The calls of `name` in the C function at `function`, the recorded `knownSite` among them (the graph keeps one
    /// site per caller and callee), and an unknown value when the function names it other than in a call
    /// (`(open)(…)`, a pointer to it), whose uses are not read.
    func cCalls(of name: String, inFunctionAt function: SourceLocation?, knownSite: SourceLocation,
                in cFile: CSinkSites) -> (calls: [SourceLocation], other: [ValueOrigin]) {
        var calls = function.map { cFile.calls(of: name, inFunctionAt: $0) } ?? []
        if !calls.contains(knownSite) { calls.append(knownSite) }
        let otherwise = function.map { cFile.mentionsOtherwise(name, inFunctionAt: $0) } ?? true
        return (calls, otherwise ? [.unknown("`\(name)` is named here other than in a call `\(name)(…)` (a pointer to it, `(\(name))(…)`)", knownSite)] : [])
    }

    /// Every reference in `function`'s declaration spelled like the one at `knownSite`, whatever a call's labels (a
    /// defaulted argument written out is the same function; another overload only adds values), but those the index
    /// shows name another function (`stat()`, the C struct's initialiser, beside a call of `Posix.stat(pathname:…)`):
    /// a name names one function, so a reference the index records there to another is not one of `target`. Empty when
    /// the recorded site is not a name in an expression (an operator, `callAsFunction`, a result builder's implicit
    /// call): the callers' values are then unknown, never none.
    func sites(in function: Int32, of target: Int32, knownSite: SourceLocation, file: ParsedSwiftFiles.File) -> [SwiftSinkSite] {
        guard let token = file.token(line: knownSite.line, column: knownSite.column), let known = SwiftSinkSite(token: token) else { return [] }
        let name = token.spelledName
        let scope = scope(of: function, in: file)
        var found: [SwiftSinkSite] = []
        for candidate in scope.tokens(viewMode: .sourceAccurate) where candidate.spelledName == name {
            guard let site = SwiftSinkSite(token: candidate) else { continue }
            let named = referencesAt(file.location(of: candidate))
            if candidate.id != token.id, !named.contains(target),
               named.contains(where: { graph.nodes[Int($0)].kind.isFunction }) { continue }
            found.append(site)
        }
        // The recorded site always counts, even where the declaration's syntax does not hold it.
        if !found.contains(where: { $0.reference.id == known.reference.id }) { found.append(known) }
        // Every other place the file's records show a reference to `target` in the scope, whatever it is spelt
        // (`.init(contentsOfFile:)`, a typealias, `Self(path:)`, `type(of: a).init(path:)`); one that is not a name in an
        // expression cannot be read, so none is.
        for place in recordedPlaces(of: target, in: file, within: scope) {
            guard let token = file.token(line: place.line, column: place.column) else { return [] }
            if found.contains(where: { $0.reference.id == SwiftSinkSite(token: token)?.reference.id }) { continue }
            guard let site = SwiftSinkSite(token: token) else { return [] }
            found.append(site)
        }
        return found
    }

    /// The places of `scope` where the file's index records name `target` (none when the file has no records).
    func recordedPlaces(of target: Int32, in file: ParsedSwiftFiles.File, within scope: Syntax) -> [(line: Int, column: Int)] {
        guard let byPosition = macros.references(inFile: file.path) else { return [] }
        let usr = graph.nodes[Int(target)].usr
        let start = file.location(of: scope), end = file.location(of: scope.lastToken(viewMode: .sourceAccurate) ?? TokenSyntax(.endOfFile, presence: .present))
        return byPosition.compactMap { position, usrs -> (line: Int, column: Int)? in
            let line = Int(position >> 32), column = Int(position & 0xFFFF_FFFF)
            guard usrs.contains(usr), (line, column) >= (start.line, start.column), (line, column) <= (end.line, end.column) else { return nil }
            return (line, column)
        }.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    func cSites(_ path: String) -> CSinkSites? {
        if let known = cFiles[path] { return known }
        var loaded = CSinkSites(path: path, macros: macros.expansions(inFile: path))
        loaded?.packageFunctions = Set(packageCNames().map { Array($0.functions.keys) } ?? [])
        cFiles[path] = loaded
        return loaded
    }
}
