import Foundation
import CapCheckSupport
import CapCheckModel
import CapCheckSwiftSource
import SwiftSyntax

/// Resolves a Swift expression to the values it can have, within its file: string literals and interpolations,
/// `+`, `??` and `?:`, the `URL` initialisers and path methods that keep a path's text, local `let`s and optional
/// bindings, `let` properties and globals with an initialiser, and the enclosing function's parameters (which the
/// tracer follows to the callers). Anything else is unknown, with the reason.
package struct SwiftExpressionValues {
    package let file: ParsedSwiftFiles.File
    /// Finds a name the file does not declare (a `static let` in another file): the origins, or nil if not found.
    package let elsewhere: (_ name: String, _ use: Syntax) -> [ValueOrigin]?
    /// What the code writing a stored property assigns it (named by where its name is declared), unfollowed; nil when
    /// the writers cannot be found.
    package var writes: (_ property: SourceLocation) -> [ValueOrigin]? = { _ in nil }
    /// What every construction of the enum case named at a place (in a pattern) passes for its payload value `index`
    /// of `arity`, unfollowed; nil when the constructions cannot all be read.
    package var payloads: (_ caseName: SourceLocation, _ index: Int, _ arity: Int) -> [ValueOrigin]? = { _, _, _ in nil }
    /// What the index records at a name's use: the global or property it refers to (its place; nil: the toolchain's),
    /// or nothing (a local or a parameter, which the index does not record). nil when no index is at hand (tests).
    package var indexedUse: ((_ site: SourceLocation, _ declared: SourceLocation?) -> IndexedUse)?
    /// Whether every reference the index records at a place is to the toolchain (nil: no index at hand): a rule known
    /// by a name (`URL(fileURLWithPath:)`, `.path`, `appendingPathComponent`) holds only for the toolchain's, never for a
    /// package's type or extension of that name, and a literal that makes a value of a package's type
    /// (`ExpressibleByStringLiteral`) is not its text.
    package var isToolchain: ((_ site: SourceLocation, _ name: String) -> Bool)?
    /// The USRs the file's index records at a place (nil: no records at hand): an interpolated literal is text only
    /// where it makes a `String`, and a segment only where it appends a string (an `Optional` renders `Optional(…)`).
    package var recordedAt: ((_ site: SourceLocation) -> [String]?)?
    /// `String.init(stringInterpolation:)`, and the `appendInterpolation` a `String`, `Substring` or `Character` segment
    /// calls (`T: TextOutputStreamable & CustomStringConvertible`).
    /// Whether a USR the index records at a string literal is another type's literal initialiser than `String`'s.
    static func makesAnotherTypeFromLiteral(_ usr: String) -> Bool {
        !usr.hasPrefix("s:SS") && ["13stringLiteral", "20unicodeScalarLiteral", "31extendedGraphemeClusterLiteral"].contains { usr.contains($0) }
    }

    static let stringInterpolation = "s:SS19stringInterpolationSSs013DefaultStringB0V_tcfc"
    static let stringSegment = "s:s26DefaultStringInterpolationV06appendC0yyxs06CustomB11ConvertibleRzs20TextOutputStreamableRzlF"
    /// String's `+`, and RangeReplaceableCollection's (`"/etc/" + substring`).
    static func isConcatenation(_ usr: String) -> Bool { usr == "s:SS1poiyS2S_SStFZ" || usr.hasPrefix("s:SmsE1poiy") }

    /// Whether the rule for the toolchain's declaration spelled at `token` applies there.
    private func toolchainRule(at token: TokenSyntax) -> Bool { isToolchain?(file.location(of: token), token.spelledName) ?? true }
    private static let maxDepth = 24

    package init(file: ParsedSwiftFiles.File, elsewhere: @escaping (_ name: String, _ use: Syntax) -> [ValueOrigin]?) {
        self.file = file
        self.elsewhere = elsewhere
    }

    /// The values `expression` can have.
    package func values(of expression: ExprSyntax) -> [ValueOrigin] {
        ValueJoin.unique(values(of: expression, depth: 0))
    }

    private func values(of expression: ExprSyntax, depth: Int) -> [ValueOrigin] {
        let at = file.location(of: expression)
        guard depth < Self.maxDepth else { return [.unknown("the value is built in more than \(Self.maxDepth) steps", at)] }
        if let literal = expression.as(StringLiteralExprSyntax.self) { return literalValues(literal, depth: depth) }
        if let sequence = expression.as(SequenceExprSyntax.self) { return sequenceValues(sequence, depth: depth) }
        if let inner = Self.unwrapped(expression) { return values(of: inner, depth: depth + 1) }
        if let reference = expression.as(DeclReferenceExprSyntax.self) {
            return name(reference.baseName.spelledName, use: Syntax(reference), depth: depth)
        }
        if let member = expression.as(MemberAccessExprSyntax.self) { return memberValues(member, depth: depth) }
        if let call = expression.as(FunctionCallExprSyntax.self) { return callValues(call, depth: depth) }
        if expression.is(NilLiteralExprSyntax.self) { return [] }
        if let read = expression.as(SubscriptCallExprSyntax.self),
           read.calledExpression.as(MemberAccessExprSyntax.self)?.declName.baseName.spelledName == "environment" {
            return [.unknown("read from the environment (`\(Self.brief(read))`) at run time", at)]
        }
        return [.unknown("`\(Self.brief(expression))` is computed at run time", at)]
    }

    /// `try x`, `await x`, `x!`, `x?`, `(x)`, `x as T`.
    private static func unwrapped(_ expression: ExprSyntax) -> ExprSyntax? {
        if let node = expression.as(TryExprSyntax.self) { return node.expression }
        if let node = expression.as(AwaitExprSyntax.self) { return node.expression }
        if let node = expression.as(ForceUnwrapExprSyntax.self) { return node.expression }
        if let node = expression.as(OptionalChainingExprSyntax.self) { return node.expression }
        if let node = expression.as(AsExprSyntax.self) { return node.expression }
        if let node = expression.as(TupleExprSyntax.self), node.elements.count == 1, node.elements.first?.label == nil {
            return node.elements.first?.expression
        }
        return nil
    }

    private func literalValues(_ literal: StringLiteralExprSyntax, depth: Int) -> [ValueOrigin] {
        let at = file.location(of: literal)
        if let isToolchain, !isToolchain(at, "init(stringLiteral:)") {
            return [.unknown("the literal makes a value of a package's own type (`ExpressibleByStringLiteral`), not its text", at)]
        }
        // `let path: NSMutableString = "…"` is an object the code can change after (`path.setString(…)`, the twenty-third
        // sweep's): a literal is its text only where it makes a `String` (the index records no other type's initialiser).
        if let recorded = recordedAt?(at), recorded.contains(where: Self.makesAnotherTypeFromLiteral) {
            return [.unknown("the literal makes a value of another type than `String`, which may be changed after", at)]
        }
        let interpolated = literal.segments.contains { if case .expressionSegment = $0 { true } else { false } }
        if interpolated, let recorded = recordedAt?(at), !recorded.contains(Self.stringInterpolation) {
            return [.unknown("the interpolation makes a value of another type than `String`, whose text is its own code's", at)]
        }
        var pieces: [[ValueOrigin]] = []
        for segment in literal.segments {
            switch segment {
            case .stringSegment(let text):
                // Escapes would need decoding; a path or name with one is left unresolved rather than misread.
                guard !text.content.text.contains("\\") else { return [.unknown("a string literal with escapes", at)] }
                // A raw control character (a NUL ends the C string the file system is given; found by an evasion sweep).
                guard !text.content.text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                    return [.unknown("a string literal with a control character", at)]
                }
                pieces.append([.constant(text.content.text, at)])
            case .expressionSegment(let interpolation):
                // A package's own `appendInterpolation` overload decides what the segment adds.
                if let isToolchain, !isToolchain(file.location(of: interpolation), "appendInterpolation") {
                    return [.unknown("an interpolation a package's own `appendInterpolation` may render", at)]
                }
                // The index records the segment's `appendInterpolation` at its `(`.
                if let recorded = recordedAt?(file.location(of: interpolation.leftParen)), !recorded.contains(Self.stringSegment) {
                    // A number, an optional (`Optional("..")`), anything else renders as its own code says: what
                    // comes before it is still a prefix.
                    pieces.append([.unknown("an interpolation of a value that is not a string (an optional renders `Optional(…)`)", at)])
                    continue
                }
                guard interpolation.expressions.count == 1, let inner = interpolation.expressions.first,
                      inner.label == nil else {
                    pieces.append([.unknown("an interpolation with a format", at)])
                    continue
                }
                // That `appendInterpolation` renders any `TextOutputStreamable & CustomStringConvertible` value by its
                // own `write(to:)`: a URL renders `file:///…`, or what a package's retroactive conformance writes (the
                // nineteenth sweep's). Only a value the index shows is a `String`, `Substring` or `Character` is its text.
                guard isText(inner.expression) else {
                    pieces.append([.unknown("an interpolation of a value capcheck does not know is a string (a URL renders `file:///…`)", at)])
                    continue
                }
                pieces.append(values(of: inner.expression, depth: depth + 1))
            }
        }
        return pieces.reduce([.constant("", at)]) { ValueJoin.join($0, $1, at: at) }
    }

    /// Whether `expression` is text: a string literal, a `String(…)`, a `+` of texts, a property or global the index
    /// records as a `String`, `Substring` or `Character` (its USR ends in the type's mangling: `…SSvp`, `…Ssvp`, `…Scvp`,
    /// `…SSSgvp` for an optional one, which an `if let` unwraps, and `…Z` for a static one), or a local or parameter (which
    /// the index does not record) declared as one or given a text. Anything else is not known to be text.
    private func isText(_ expression: ExprSyntax, depth: Int = 0) -> Bool {
        guard depth < 8 else { return false }
        if expression.is(StringLiteralExprSyntax.self) { return true }
        if let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
            return isText(only.expression, depth: depth + 1)
        }
        if let call = expression.as(FunctionCallExprSyntax.self) {
            return call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.spelledName == "String"
        }
        if let sequence = expression.as(SequenceExprSyntax.self) {
            let elements = Array(sequence.elements)
            return elements.count % 2 == 1 && stride(from: 1, to: elements.count, by: 2).allSatisfy {
                elements[$0].as(BinaryOperatorExprSyntax.self)?.operator.text == "+"
            } && stride(from: 0, to: elements.count, by: 2).allSatisfy { isText(elements[$0], depth: depth + 1) }
        }
        // Without the index at all (the syntax rules read alone) a name is read as text; a run always has it.
        guard let recordedAt else { return true }
        let name = expression.as(DeclReferenceExprSyntax.self)?.baseName ?? expression.as(MemberAccessExprSyntax.self)?.declName.baseName
        guard let name else { return false }
        if let recorded = recordedAt(file.location(of: name)), !recorded.isEmpty {
            return recorded.allSatisfy(Self.namesText)
        }
        guard let reference = expression.as(DeclReferenceExprSyntax.self) else { return false }
        switch SwiftNameLookup(file: file, isToolchain: isToolchain).declaration(of: name.spelledName, at: Syntax(reference)) {
        case .value(let initial)?: return isText(initial, depth: depth + 1)
        case .assigned(let values)?: return !values.isEmpty && values.allSatisfy { isText($0, depth: depth + 1) }
        case .parameter?:
            var node = Syntax(reference).parent
            while let current = node {
                if let clause = SwiftNameLookup.parameters(of: current),
                   let parameter = clause.parameters.first(where: { ($0.secondName ?? $0.firstName).spelledName == name.spelledName }) {
                    return ["String", "Substring", "Character", "String?", "Substring?"].contains(parameter.type.trimmedDescription)
                }
                node = current.parent
            }
            return false
        default: return false
        }
    }

    /// Whether a variable's or property's USR, or its getter's, gives it a text type: the mangling before `vp` (the
    /// variable) or `vg` (its getter), and a trailing `Z` (static), is `SS` (`String`), `Ss` (`Substring`), `Sc`
    /// (`Character`), or one of them `Sg` (optional).
    static func namesText(_ usr: String) -> Bool {
        var rest = Substring(usr)
        if rest.hasSuffix("Z") { rest = rest.dropLast() }
        guard rest.hasSuffix("vp") || rest.hasSuffix("vg") else { return false }
        rest = rest.dropLast(2)
        return ["SS", "Ss", "Sc", "SSSg", "SsSg", "ScSg"].contains { rest.hasSuffix($0) }
    }

    /// `a + b + …`, `a ?? b`, `c ? a : b` (operators unfolded, as the parser leaves them).
    private func sequenceValues(_ sequence: SequenceExprSyntax, depth: Int) -> [ValueOrigin] {
        let at = file.location(of: sequence)
        let elements = Array(sequence.elements)
        if elements.count == 3, let ternary = elements[1].as(UnresolvedTernaryExprSyntax.self) {
            return values(of: ternary.thenExpression, depth: depth + 1) + values(of: elements[2], depth: depth + 1)
        }
        guard elements.count % 2 == 1 else { return [.unknown("`\(Self.brief(sequence))` is computed at run time", at)] }
        let operators = stride(from: 1, to: elements.count, by: 2).map { elements[$0].as(BinaryOperatorExprSyntax.self)?.operator.text }
        guard operators.allSatisfy({ $0 == "??" }) || operators.allSatisfy({ $0 == "+" }) else {
            return [.unknown("`\(Self.brief(sequence))` is computed at run time", at)]
        }
        // A package's own `+` (`func + (lhs: Substring, rhs: String) -> String`) need not concatenate, nor its `??` pick.
        for index in stride(from: 1, to: elements.count, by: 2) {
            guard let token = elements[index].as(BinaryOperatorExprSyntax.self)?.operator, toolchainRule(at: token) else {
                return [.unknown("`\(operators[0] ?? "")` here is a package's own operator", at)]
            }
        }
        if operators.allSatisfy({ $0 == "??" }) {
            return stride(from: 0, to: elements.count, by: 2).flatMap { values(of: elements[$0], depth: depth + 1) }
        }
        // The toolchain's `+` is also a pointer's (`withCString { getenv($0 + 4) }` reads `HOME` from `"NIO_HOME"`) and a
        // number's: only String's and RangeReplaceableCollection's join text (the ninth sweep's).
        for index in stride(from: 1, to: elements.count, by: 2) {
            guard let token = elements[index].as(BinaryOperatorExprSyntax.self)?.operator,
                  let recorded = recordedAt?(file.location(of: token)) else { continue }
            guard recorded.contains(where: Self.isConcatenation) else {
                return [.unknown("`+` here is not the joining of strings (the index records another `+`: a pointer moved, a number added)", at)]
            }
        }
        var result = values(of: elements[0], depth: depth + 1)
        for index in stride(from: 2, to: elements.count, by: 2) {
            result = ValueJoin.join(result, values(of: elements[index], depth: depth + 1), at: at)
        }
        return result
    }

    /// `Self.name`, `Type.name`, `self.name` (a property), and `url.path` / `.absoluteString` (the same text).
    private func memberValues(_ member: MemberAccessExprSyntax, depth: Int) -> [ValueOrigin] {
        let name = member.declName.baseName.spelledName
        guard let base = member.base else { return self.name(name, use: Syntax(member), depth: depth) }
        if base.is(DeclReferenceExprSyntax.self) || base.is(SuperExprSyntax.self) {
            let text = base.trimmedDescription
            if text == "self" || text == "Self" || text.first?.isUppercase == true {
                return self.name(name, use: Syntax(member), depth: depth, membersOnly: true, qualified: Self.qualifier(of: ExprSyntax(member)))
            }
        }
        // Not `absoluteString`: a file URL's is `file:///…`, which as a path is relative to the working directory.
        if ["path", "relativePath", "standardized", "standardizedFileURL", "absoluteURL"].contains(name) {
            guard toolchainRule(at: member.declName.baseName) else {
                return [.unknown("`\(Self.brief(member))` is a package's own `\(name)`, not URL's", file.location(of: member))]
            }
            return values(of: base, depth: depth + 1)
        }
        return [.unknown("`\(Self.brief(member))` is computed at run time", file.location(of: member))]
    }

    /// `URL(fileURLWithPath: x)`, `URL(string: x)`, `URLRequest(url: x)`, `String(x)`, `x.appendingPathComponent(y)`,
    /// `x.appending(path: y)`, `x.appendingPathExtension(e)`, `x.path()`.
    private func callValues(_ call: FunctionCallExprSyntax, depth: Int) -> [ValueOrigin] {
        let at = file.location(of: call)
        let arguments = Array(call.arguments)
        let labels = arguments.map { $0.label?.spelledName ?? "_" }
        let callee = call.calledExpression
        if let closure = callee.as(ClosureExprSyntax.self), arguments.isEmpty, call.trailingClosure == nil {
            return closureResults(closure, depth: depth)
        }
        let calleeName = callee.as(DeclReferenceExprSyntax.self)?.baseName.spelledName
            ?? callee.as(MemberAccessExprSyntax.self).flatMap { $0.base == nil ? $0.declName.baseName.spelledName : nil }
        if let calleeName, arguments.count >= 1 {
            let passThrough: [String: [String]] = [
                "URL": ["fileURLWithPath", "filePath", "string"], "NSURL": ["fileURLWithPath", "string"],
                "URLRequest": ["url"], "String": ["_"], "FilePath": ["_"], "NSString": ["string"], "init": ["fileURLWithPath", "filePath", "string", "url"],
            ]
            let calleeToken = callee.as(DeclReferenceExprSyntax.self)?.baseName ?? callee.as(MemberAccessExprSyntax.self)?.declName.baseName
            if let allowed = passThrough[calleeName], allowed.contains(labels[0]),
               !labels.dropFirst().contains(where: { $0 == "relativeTo" }) {
                // `let s: NSMutableString = .init(string: "/ok")`: an object whose text may change after it is made. The
                // type of `.init(…)` is its context's: only a binding that writes a value type makes it known (in an array
                // literal, a closure's result or a `?:`, an `NSMutableString` was read as its text and changed later:
                // the twenty-ninth sweep's).
                if calleeName == "init" {
                    guard let declared = Self.declaredType(around: call) else {
                        return [.unknown("`.init(…)` here makes a value of the type its context decides, which may change after it is made", at)]
                    }
                    if !SwiftNameLookup.isValueType(declared) {
                        return [.unknown("`.init(…)` here makes a `\(declared)`, which may change after it is made", at)]
                    }
                }
                guard calleeToken.map(toolchainRule) ?? true else {
                    return [.unknown("`\(calleeName)` here is a package's own type or initialiser, not the toolchain's", at)]
                }
                let passed = values(of: arguments[0].expression, depth: depth + 1)
                if ["fileURLWithPath", "filePath"].contains(labels[0]) {
                    // A path that does not start with `/` is taken from the working directory (`""` is the directory
                    // itself; `~` is not expanded).
                    return passed.map { origin in
                        switch origin {
                        case .constant(let text, let site) where !text.hasPrefix("/"), .prefix(let text, let site) where !text.hasPrefix("/"):
                            return .unknown("`\(text.prefix(48))` is a relative path, taken from the working directory", site)
                        default: return origin
                        }
                    }
                }
                // A URL parsed from a string ends its host and path at `?` or `#` (what follows is the query or the
                // fragment: a prefix ending there is all of the URL that names a place); it reads `%` escapes, and `//`
                // starts a host: its path is then not the string's text. (A query made the whole URL unknown, so a new
                // `https://host/x?v=1` hid its host from `diff`: the thirteenth sweep's.)
                guard labels[0] == "string" || labels[0] == "url" else { return passed }
                return passed.map { origin in
                    let text: String, site: SourceLocation
                    switch origin {
                    case .constant(let value, let at), .prefix(let value, let at): (text, site) = (value, at)
                    default: return origin
                    }
                    let place = text.prefix { !"?#".contains($0) }
                    guard !place.contains(where: { "%;".contains($0) }) && !place.hasPrefix("//") else {
                        return .unknown("`\(text.prefix(48))` is parsed as a URL (a host and percent escapes change its path)", site)
                    }
                    return place.count < text.count ? .constant(String(place), site) : origin
                }
            }
        }
        if let member = callee.as(MemberAccessExprSyntax.self), let base = member.base {
            let method = member.declName.baseName.spelledName
            guard toolchainRule(at: member.declName.baseName) else {
                return [.unknown("`\(method)` here is a package's own method, not the toolchain's", at)]
            }
            let appendsComponent = (method == "appendingPathComponent" && labels.first == "_")
                || (method == "appending" && ["path", "component"].contains(labels.first ?? ""))
            if appendsComponent, let argument = arguments.first {
                let separated = ValueJoin.join(values(of: base, depth: depth + 1), [.constant("/", at)], at: at)
                return ValueJoin.join(separated, values(of: argument.expression, depth: depth + 1), at: at)
            }
            if method == "appendingPathExtension", let argument = arguments.first {
                // Foundation leaves the URL as it is for an extension with a `/` (or an empty one).
                let extensions = values(of: argument.expression, depth: depth + 1).map { origin -> ValueOrigin in
                    switch origin {
                    case .constant(let text, let site) where text.isEmpty || text.contains("/"), .prefix(let text, let site) where text.contains("/"):
                        return .unknown("`\(text.prefix(48))` is not a path extension Foundation appends", site)
                    default: return origin
                    }
                }
                let bases = values(of: base, depth: depth + 1)
                // Foundation drops a trailing `/` first: `/tmp/allowed/` with `x` is `/tmp/allowed.x` (the sixth sweep's),
                // so a prefix is only known up to its last component's start.
                let trimmed = bases.map { origin -> ValueOrigin in
                    switch origin {
                    case .constant(let text, let site) where text.hasSuffix("/"):
                        let path = String(text.reversed().drop { $0 == "/" }.reversed())
                        guard let last = path.split(separator: "/").last, last != ".", last != ".." else {
                            return .unknown("`\(text.prefix(48))` has no last component to take an extension", site)
                        }
                        return .constant(path, site)
                    case .prefix(let text, let site): return .prefix(String(text.reversed().drop { $0 == "/" }.reversed()), site)
                    default: return origin
                    }
                }
                let dotted = ValueJoin.join(trimmed, [.constant(".", at)], at: at)
                // An extension that may be refused leaves the URL as it was: the base is a value too.
                let refused = extensions.contains { if case .unknown = $0 { true } else { false } }
                return ValueJoin.join(dotted, extensions, at: at) + (refused ? bases : [])
            }
            if method == "fileSystemRepresentation", labels == ["withPath"], let argument = arguments.first {
                return values(of: argument.expression, depth: depth + 1)
            }
            if method == "path", labels == ["percentEncoded"], arguments.first?.expression.as(BooleanLiteralExprSyntax.self)?.literal.tokenKind == .keyword(.false) {
                return values(of: base, depth: depth + 1)
            }
            // `path()` is `path(percentEncoded: true)`: a space, `%` or any character a URL's path escapes comes out
            // escaped (`/my%20dir`), another file (the nineteenth sweep's). A text with none of them is unchanged.
            if method == "path", arguments.isEmpty || labels == ["percentEncoded"] {
                return values(of: base, depth: depth + 1).map { origin in
                    switch origin {
                    case .constant(let text, let written), .prefix(let text, let written):
                        guard !text.unicodeScalars.allSatisfy(Self.isURLPathScalar) else { return origin }
                        return .unknown("`path()` escapes `\(text.prefix(48))` as a URL does (`%20` for a space)", written)
                    case .unknown: return origin
                    default: return .unknown("`path()` escapes what a URL's path does not allow, in a value not known here", at)
                    }
                }
            }
        }
        return [.unknown("the result of `\(Self.brief(call))` is computed at run time", at)]
    }

    /// Whether a URL's path keeps the character as it is: RFC 3986's unreserved characters, sub-delimiters, `:`, `@`
    /// and `/`.
    static func isURLPathScalar(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        let byte = UInt8(scalar.value)
        if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) { return true }
        return "-._~!$&'()*+,;=:@/".unicodeScalars.contains(scalar)
    }

    /// The type a binding declares for the value `expression` initialises it with (`let s: NSMutableString = .init(…)`).
    private static func declaredType(around expression: some SyntaxProtocol) -> String? {
        guard let binding = expression.parent?.as(InitializerClauseSyntax.self)?.parent?.as(PatternBindingSyntax.self) else { return nil }
        return binding.typeAnnotation?.type.trimmedDescription
    }

    /// What a name means at `use`: a local `let` or binding, a parameter, a property or global `let`, or elsewhere.
    private func name(_ name: String, use: Syntax, depth: Int, membersOnly: Bool = false, qualified: Bool = false) -> [ValueOrigin] {
        let at = file.location(of: use)
        let resolved = SwiftNameLookup(file: file, isToolchain: isToolchain).resolve(name, at: use, membersOnly: membersOnly)
        if let disagreement = disagreement(name, use: use, resolved: resolved, qualified: qualified) { return [.unknown(disagreement, at)] }
        guard let found = resolved?.found else {
            return elsewhere(name, use) ?? [.unknown("`\(name)` is declared where capcheck does not look", at)]
        }
        switch found {
        case .value(let expression): return values(of: expression, depth: depth + 1)
        case .parameter(let index, let function):
            return [.parameter(index, name: name, file.location(of: function))]
        case .unresolved(let why, let node): return [.unknown(why, file.location(of: node))]
        case .elements(let collection): return elementValues(of: collection, depth: depth + 1)
        case .assigned(let expressions): return expressions.flatMap { values(of: $0, depth: depth + 1) }
        case .stored(let initial, let property):
            guard let written = writes(file.location(of: property)) else {
                return [.unknown("`\(name)` is a stored property set at run time", file.location(of: property))]
            }
            return (initial.map { values(of: $0, depth: depth + 1) } ?? []) + written
        case .payload(let bindings):
            return bindings.flatMap { binding -> [ValueOrigin] in
                let named = file.location(of: binding.caseName)
                return payloads(named, binding.index, binding.arity)
                    ?? [.unknown("`\(name)` is the payload of an enum case matched here, made where capcheck does not read", named)]
            }
        }
    }

    /// What a closure called where it is written (`static let path: String? = { … }()`) returns: each `return` of its
    /// own body (not of a closure or function nested in it), or its single expression.
    private func closureResults(_ closure: ClosureExprSyntax, depth: Int) -> [ValueOrigin] {
        let at = file.location(of: closure)
        guard depth < Self.maxDepth else { return [.unknown("the value is built in more than \(Self.maxDepth) steps", at)] }
        if closure.statements.count == 1, let expression = closure.statements.first?.item.as(ExprSyntax.self) {
            return values(of: expression, depth: depth + 1)
        }
        final class Returns: SyntaxVisitor {
            var found: [ReturnStmtSyntax] = []
            override func visit(_ node: ReturnStmtSyntax) -> SyntaxVisitorContinueKind { found.append(node); return .skipChildren }
            override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
            override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        }
        let returns = Returns(viewMode: .sourceAccurate)
        returns.walk(closure.statements)
        guard !returns.found.isEmpty else { return [.unknown("the closure called here returns no value capcheck can read", at)] }
        return returns.found.flatMap { statement in
            statement.expression.map { values(of: $0, depth: depth + 1) } ?? [.unknown("a `return` without a value", file.location(of: statement))]
        }
    }

    /// Whether `expression` names a member through a type other than `Self` (`Other.paths`).
    private static func qualifier(of expression: ExprSyntax) -> Bool {
        guard let base = expression.as(MemberAccessExprSyntax.self)?.base else { return false }
        let text = base.trimmedDescription
        return text != "self" && text != "Self" && text.first?.isUppercase == true
    }

    /// Where the index records a name used at `use`: its own token (`gpath` in `Secrets.gpath`).
    package static func nameSite(of use: Syntax, in file: ParsedSwiftFiles.File) -> SourceLocation {
        let token = use.as(MemberAccessExprSyntax.self)?.declName.baseName ?? use.as(DeclReferenceExprSyntax.self)?.baseName
        return token.map { file.location(of: $0) } ?? file.location(of: use)
    }

    /// Why the index's view of the name at `use` rules out the declaration the lookup by scope found: the lookup reads
    /// syntax, and a name it resolves to a global while the code means an inherited member, a local it cannot read
    /// (`if case let`, a capture list, a subscript's parameter) or another type's property must never be trusted.
    /// With `qualified` (`Other.paths`, named through another type than the enclosing one's), the index must record the
    /// use itself: the lookup by scope searches the enclosing types, not the one named.
    private func disagreement(_ name: String, use: Syntax, resolved: (found: SwiftNameLookup.Found, declared: TokenSyntax?)?,
                              qualified: Bool = false) -> String? {
        guard let indexedUse else { return nil }
        let declared = resolved?.declared.map { file.location(of: $0) }
        if qualified, case .declaration(let target) = indexedUse(Self.nameSite(of: use, in: file), nil), target != nil, target == declared { return nil }
        if qualified, resolved != nil { return "`\(name)` is named through a type whose member the index does not confirm here" }
        switch (indexedUse(Self.nameSite(of: use, in: file), declared), resolved) {
        case (.declaration(let target), let resolved?):
            guard let declared = resolved.declared else {
                return "`\(name)` reads a global or member here, and capcheck's lookup found a local of that name"
            }
            return target == file.location(of: declared) ? nil
                : "`\(name)` here is declared elsewhere than where capcheck's lookup found it (an inherited or another type's member)"
        case (.noDeclaration, let resolved?) where resolved.declared != nil:
            return "`\(name)` here is a local capcheck's lookup does not read (it found a global or member of that name)"
        default:
            return nil
        }
    }

    /// The values of the elements of a collection: an array literal's elements, through names that hold one.
    private func elementValues(of collection: ExprSyntax, depth: Int) -> [ValueOrigin] {
        let at = file.location(of: collection)
        guard depth < Self.maxDepth else { return [.unknown("the collection is built in more than \(Self.maxDepth) steps", at)] }
        if let array = collection.as(ArrayExprSyntax.self) {
            // A literal that makes a package's own `ExpressibleByArrayLiteral` type iterates as its code says.
            if let isToolchain, !isToolchain(at, "init(arrayLiteral:)") {
                return [.unknown("the literal makes a value of a package's own type (`ExpressibleByArrayLiteral`), not an array", at)]
            }
            return array.elements.flatMap { values(of: $0.expression, depth: depth + 1) }
        }
        if let inner = Self.unwrapped(collection) { return elementValues(of: inner, depth: depth + 1) }
        var name: String?, membersOnly = false
        if let reference = collection.as(DeclReferenceExprSyntax.self) { name = reference.baseName.spelledName }
        if let member = collection.as(MemberAccessExprSyntax.self), let base = member.base,
           ["self", "Self"].contains(base.trimmedDescription) || base.trimmedDescription.first?.isUppercase == true {
            name = member.declName.baseName.spelledName
            membersOnly = true
        }
        if let name {
            let use = Syntax(collection)
            let resolved = SwiftNameLookup(file: file, isToolchain: isToolchain).resolve(name, at: use, membersOnly: membersOnly)
            if let disagreement = disagreement(name, use: use, resolved: resolved, qualified: Self.qualifier(of: collection)) {
                return [.unknown(disagreement, at)]
            }
            if case .value(let expression)? = resolved?.found { return elementValues(of: expression, depth: depth + 1) }
        }
        return [.unknown("an element of `\(Self.brief(collection))`, a collection computed at run time", at)]
    }

    /// An expression shortened for a message.
    package static func brief(_ node: some SyntaxProtocol) -> String {
        let text = node.trimmedDescription.split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.count > 48 ? String(text.prefix(45)) + "…" : text
    }
}

/// What the index records where a name is used (`SwiftExpressionValues.indexedUse`).
package enum IndexedUse: Equatable, Sendable {
    /// A global or property, declared at this place (nil: the toolchain's).
    case declaration(SourceLocation?)
    /// No global or property: a local or a parameter.
    case noDeclaration
}
