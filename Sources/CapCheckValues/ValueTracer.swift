import CapCheckSupport
import CapCheckModel
import SwiftSyntax

/// Finds the values a sink is used with, for one package holding a narrowed grant: resolves the value argument at
/// every call of the sink in the calling function, and follows a parameter to every call of that function, through
/// protocol requirements to their callers, until the value is made (a constant, a prefix, unknown) or arrives from
/// code above the package (`@caller`). Bounded: at most `maxCalls` calls deep.
package final class ValueTracer {
    let graph: CallGraph
    /// Whether code of package `package` is the holder's own code or below it (its dependencies).
    let isWithin: (_ package: String, _ holder: String) -> Bool
    /// Per node, whether it runs at all (the search reached it): callers that never run pass no value.
    let reached: [Bool]
    /// The macros expanded in C sources: a call's written arguments are read only where no macro may change them.
    let macros: any MacroLookup
    let swiftFiles = ParsedSwiftFiles()
    // Caches, filled on first use (the tracer runs on one thread).
    var cFiles: [String: CSinkSites?] = [:]
    var callers: [[(from: Int32, edge: Int32)]]?
    var nodesByLine: [String: [Int32]]?
    /// The package C-family functions by name, and the names of every other C-family declaration (a variable, which a
    /// function pointer may be; a C++ type, whose temporary `T()` looks like a call).
    var cNames: (functions: [String: [Int32]], variables: Set<String>)?
    var writeMemo: [SourceLocation: [ValueOrigin]?] = [:]
    /// Per reference site, what the index says it names (`indexedUse(at:)`, `isToolchain(at:)`).
    var referenceTargets: [SourceLocation: [Int32]]?
    /// The nodes located in each file (`nodes(inFile:)`, made on first use).
    var nodesByFile: [String: [Int32]]?
    var nodesByUSR: [String: [Int32]]?
    var payloadMemo: [Int64: [ValueOrigin]?] = [:]
    var callerMemo: [String: [ValueOrigin]] = [:]
    var memo: [String: [ValueOrigin]] = [:]
    /// The capability whose values `origins` is tracing (the tracer runs one trace at a time).
    var tracedCapability: Capability = .fs
    static let maxCalls = 12
    /// Members Swift calls without a call expression naming them.
    static let implicitlyCalled: Set<String> = [
        "appendInterpolation", "appendLiteral", "callAsFunction", "dynamicallyCall", "subscript(dynamicMember:)",
        "init(stringLiteral:)", "init(unicodeScalarLiteral:)", "init(extendedGraphemeClusterLiteral:)", "init(stringInterpolation:)",
        "init(integerLiteral:)", "init(floatLiteral:)", "init(booleanLiteral:)", "init(arrayLiteral:)", "init(dictionaryLiteral:)",
        "init(nilLiteral:)", "init(wrappedValue:)", "init(from:)", "init(rawValue:)",
    ]

    /// A program named without a `/` to a sink that does no `PATH` search is a file of the working directory, not the
    /// program an `exec:git` grant names.
    static func fromWorkingDirectory(_ origin: ValueOrigin) -> ValueOrigin {
        switch origin {
        case .constant(let value, let at) where !value.contains("/"), .prefix(let value, let at) where !value.contains("/"):
            return .unknown("`\(value)` is taken from the working directory: this call does no PATH search", at)
        case .caller(let supplier, let parameter, let at, let made):
            return .caller(supplier: supplier, parameter: parameter, at, made: made.map(fromWorkingDirectory))
        default:
            return origin
        }
    }

    /// A node's name without its type: `Loader.load(_:)` → (`load(_:)`, `load`).
    static func memberName(of node: GraphNode) -> (full: String, base: String) {
        let full = String(node.name.split(separator: "(").first.map { $0.split(separator: ".").last ?? $0 } ?? "")
            + (node.name.firstIndex(of: "(").map { String(node.name[$0...]) } ?? "")
        return (full, String(full.split(separator: "(").first ?? ""))
    }

    package init(graph: CallGraph, reached: [Bool], macros: any MacroLookup,
                 isWithin: @escaping (_ package: String, _ holder: String) -> Bool) {
        self.graph = graph
        self.reached = reached
        self.macros = macros
        self.isWithin = isWithin
    }

    /// The values `sink` (node `sinkNode`, reached from `caller` by the edge at `site`) is used with, as seen by `holder`.
    package func origins(sink: SinkMatch, capability: Capability, sinkNode: Int32, caller: Int32, site: SourceLocation?, holder: String) -> [ValueOrigin] {
        let key = "\(holder)|\(capability.name)|\(caller)|\(sinkNode)"
        if let known = memo[key] { return known }
        let rule = SinkArgumentRule.rule(capability: capability, sink: sink.name)
        guard rule != .noValue else { return [] }
        tracedCapability = capability  // through an alias too: `let sysSocket = socket` names no peer either
        var visited = Set<Int64>()
        var result: [ValueOrigin] = []
        if let site, isAlias(caller, of: site) {
            // `private let sysStat = stat`: each call of the variable is a call of the sink.
            result = aliasCallValues(of: caller, rule: rule, holder: holder, visited: &visited)
        } else {
            let local = values(of: rule, atSitesOf: sinkNode, in: caller, knownSite: site)
            for origin in local { result += follow(origin, in: caller, holder: holder, depth: 0, visited: &visited) }
        }
        if capability == .exec, !SinkArgumentRule.searchesPath(sink.name) { result = result.map(Self.fromWorkingDirectory) }
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

    func follow(_ origin: ValueOrigin, in function: Int32, holder: String?, depth: Int, visited: inout Set<Int64>) -> [ValueOrigin] {
        guard case .parameter(let index, let name, let declared, let suffix) = origin else { return [origin] }
        var owner = function
        // The function itself when its name is where the parameter's function is declared (same line and column: a
        // closure stored on the function's first line, `let open = { (path: String) in … }`, is another function, the
        // nineteenth sweep's).
        if let location = graph.nodes[Int(function)].location, location.file == declared.file, location.line == declared.line,
           location.column == declared.column {
        } else if let enclosing = node(at: declared, prefer: { !$0.kind.isVariable }) {
            owner = enclosing  // a parameter of the function a nested function or closure is declared in
        } else {
            return [.unknown("`\(name)` is a parameter of a function capcheck's graph does not have", declared)]
        }
        guard depth < Self.maxCalls else { return [.unknown("followed through \(Self.maxCalls) calls without finding where `\(name)` is made", declared)] }
        let passed = callersValues(of: owner, parameter: index, name: name, receiver: graph.nodes[Int(owner)].package ?? "",
                                   holder: holder, depth: depth, visited: &visited, declared: declared)
        // What the callers pass, with what this function appended to it. A path stays the caller's value, checked with
        // the suffix (`dir + "/config.json"`: the caller chose where); a variable name, a program or a host the package
        // completes (`prefix + "SECRET_TOKEN"`, `dir + "/sh"`, `git + "-shell"`) is of its own making (the eighth sweep's).
        guard !suffix.isEmpty else { return passed }
        let joined = ValueJoin.join(passed, [.constant(suffix, declared)], at: declared)
        guard tracedCapability != .fs else { return joined }
        return joined.map { origin in
            guard case .caller = origin else { return origin }
            return .unknown("the package appends `\(suffix.prefix(48))` to what the caller passes in `\(name)`, so the value is of its own making", declared)
        }
    }

    /// The values passed for parameter `index` of `function` by its callers (and, for a witness, by the requirement's).
    func callersValues(of function: Int32, parameter index: Int, name: String, receiver: String, holder: String?,
                               depth: Int, visited: inout Set<Int64>, declared: SourceLocation) -> [ValueOrigin] {
        // Each parameter is followed once per holder; one being followed already is reached around a cycle of calls,
        // whose values (`f(p + "/..")` calling itself) are not bounded.
        let memoKey = "\(function)|\(index)|\(holder ?? "")"
        if let known = callerMemo[memoKey] { return known }
        let key = Int64(function) << 8 | Int64(min(index, 255))
        guard visited.insert(key).inserted else {
            return [.unknown("`\(name)` is passed around a cycle of calls, which capcheck does not follow", declared)]
        }
        defer { visited.remove(key) }
        let result = callersValuesOnce(of: function, parameter: index, name: name, receiver: receiver, holder: holder,
                                       depth: depth, visited: &visited, declared: declared)
        callerMemo[memoKey] = result
        return result
    }

    private func callersValuesOnce(of function: Int32, parameter index: Int, name: String, receiver: String, holder: String?,
                                   depth: Int, visited: inout Set<Int64>, declared: SourceLocation) -> [ValueOrigin] {
        let incoming = reverseEdges()[Int(function)].filter { reached.isEmpty || reached[Int($0.from)] }
        var result: [ValueOrigin] = []
        // A member Swift calls without a call expression (a builder's `buildExpression` on each statement, an
        // interpolation's `appendInterpolation`, `callAsFunction`): beside one written call in a function, the graph
        // keeps no site of the implicit ones, so their arguments are unknown.
        let (fullName, baseName) = Self.memberName(of: graph.nodes[Int(function)])
        if Self.implicitlyCalled.contains(baseName) || Self.implicitlyCalled.contains(fullName) || baseName.hasPrefix("build") {
            result.append(.unknown("`\(graph.nodes[Int(function)].name)` may also be called implicitly, with arguments no call expression shows", declared))
        }
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
                    var fromCaller = false
                    for passed in argumentOrigins(calling: function, parameter: index, from: from, knownSite: site) {
                        if passed.defaulted {
                            // A default value the call leaves in place is the callee's own, not what the caller passes.
                            result += follow(passed.origin, in: function, holder: holder, depth: depth + 1, visited: &visited)
                        } else if let expression = passed.expression, let file = swiftFiles.file(site.file),
                                  namesCode(otherThan: package, expression, in: file) {
                            // What the caller passes but another package's code makes (`read(Paths.settings)`, a constant,
                            // a function or a type of the holder's, of a package below it, or of any other package: the
                            // thirteenth sweep's, and the twenty-first's `Paths.logFile()` of a package granted nothing):
                            // that code decides its value, so it is checked like a value the holder made, never the
                            // caller's.
                            result += follow(passed.origin, in: from, holder: nil, depth: depth + 1, visited: &visited)
                        } else {
                            fromCaller = true
                            made += follow(passed.origin, in: from, holder: nil, depth: depth + 1, visited: &visited)
                        }
                    }
                    if fromCaller {
                        result.append(.caller(supplier: package, parameter: name, site, made: ValueJoin.unique(made)))
                    }
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
    func argumentValues(calling function: Int32, parameter index: Int, from: Int32, knownSite: SourceLocation) -> [ValueOrigin] {
        argumentOrigins(calling: function, parameter: index, from: from, knownSite: knownSite).map(\.origin)
    }

    /// One value passed for a parameter: whether it is the parameter's default value (the call leaves it out), and the
    /// Swift expression the caller wrote for it, where there is one.
    struct PassedArgument {
        let origin: ValueOrigin
        var defaulted = false
        var expression: ExprSyntax? = nil
    }

    /// As `argumentValues`, each as a `PassedArgument`.
    func argumentOrigins(calling function: Int32, parameter index: Int, from: Int32, knownSite: SourceLocation) -> [PassedArgument] {
        let callee = graph.nodes[Int(function)]
        guard knownSite.file.hasSuffix(".swift") else {
            // A C caller: the callee's calls in the caller's body, by position.
            guard callee.language.isClang, let cFile = cSites(knownSite.file) else {
                return [PassedArgument(origin: .unknown("called from C code, which capcheck does not follow", knownSite))]
            }
            let callerLocation = graph.nodes[Int(from)].location
            let (calls, other) = cCalls(of: callee.name, inFunctionAt: callerLocation, knownSite: knownSite, in: cFile)
            return (calls.flatMap { cFile.values(at: $0, callee: callee.name, positions: [index], inFunctionAt: callerLocation,
                                                 returned: returnedConstant) } + other).map { PassedArgument(origin: $0) }
        }
        guard let file = swiftFiles.file(knownSite.file) else {
            return [PassedArgument(origin: .unknown("the source could not be read", knownSite))]
        }
        let declaration = declaration(of: function)
        // A stored closure (`let sysOpen = { open($0, $1) }`) or a C function takes its arguments by position.
        guard declaration != nil || callee.language.isClang || callee.kind.isVariable else {
            return [PassedArgument(origin: .unknown("the declaration of `\(callee.name)` was not found in Swift source", knownSite))]
        }
        let resolver = resolver(for: file, in: from)
        let found = sites(in: from, of: function, knownSite: knownSite, file: file)
        guard !found.isEmpty else {
            return [PassedArgument(origin: .unknown("`\(callee.name)` is called here in a way capcheck does not read (an operator, `callAsFunction`, a builder)", knownSite))]
        }
        func passed(_ expression: ExprSyntax) -> [PassedArgument] {
            resolver.values(of: expression).map { PassedArgument(origin: $0, expression: expression) }
        }
        return found.flatMap { site -> [PassedArgument] in
            let at = file.location(of: site.reference)
            guard site.call != nil else {
                return [PassedArgument(origin: .unknown("`\(SwiftExpressionValues.brief(site.reference))` is used as a function value here; its calls are not known", at))]
            }
            guard let declaration else {
                // A C function or a stored closure called from Swift: arguments by position.
                let arguments = site.arguments
                return index < arguments.count ? passed(arguments[index].expression)
                    : [PassedArgument(origin: .unknown("the call does not pass argument \(index + 1)", at))]
            }
            switch ArgumentMatching.match(for: index, of: declaration.parameters, in: site.arguments) {
            case .passed(let expression): return passed(expression)
            case .defaulted:
                return declaration.defaultValue(index).map { declaration.resolver.values(of: $0).map { PassedArgument(origin: $0, defaulted: true) } }
                    ?? [PassedArgument(origin: .unknown("the call does not pass parameter \(index + 1)", at))]
            case .unmatched: return [PassedArgument(origin: .unknown("the call's arguments are not matched to `\(callee.name)`'s parameters", at))]
            }
        }
    }

    /// Whether `expression` names a declaration of a package other than `supplier` (the package whose code passes it), by
    /// what the index records at each of its tokens (`Paths.settings`, `lib.defaultPath()`, `Lib.Path("/x")`).
    func namesCode(otherThan supplier: String, _ expression: ExprSyntax, in file: ParsedSwiftFiles.File) -> Bool {
        expression.tokens(viewMode: .sourceAccurate).contains { token in
            referencesAt(file.location(of: token)).contains { graph.nodes[Int($0)].package.map { $0 != supplier } ?? false }
        }
    }
}
