import Foundation
import CapCheckSupport
import CapCheckModel
import CapCheckSwiftSource
import SwiftSyntax

/// A reference in Swift source (to a sink or to a function whose parameter carries a value) and the expressions
/// passed to it there.
package struct SwiftSinkSite {
    /// The reference as written: `getenv`, `FileManager.default.contents`, `Loader`.
    package let reference: ExprSyntax
    /// The call applying it, when it is called right there.
    package let call: FunctionCallExprSyntax?
    /// The subscript applied to it (`environment["X"]`).
    package let subscriptCall: SubscriptCallExprSyntax?

    /// The site whose referring token is `token` (where the index records the occurrence), or nil if the token is
    /// not a name in an expression.
    package init?(token: TokenSyntax) {
        guard var expression = token.parent?.as(DeclReferenceExprSyntax.self).map(ExprSyntax.init) else { return nil }
        if let member = expression.parent?.as(MemberAccessExprSyntax.self), member.declName.id == expression.id {
            expression = ExprSyntax(member)
        }
        reference = expression
        call = expression.parent?.as(FunctionCallExprSyntax.self).flatMap { $0.calledExpression.id == expression.id ? $0 : nil }
        subscriptCall = expression.parent?.as(SubscriptCallExprSyntax.self).flatMap { $0.calledExpression.id == expression.id ? $0 : nil }
    }

    /// The receiver of a method or property reference (`url` in `url.checkResourceIsReachable()`).
    package var receiver: ExprSyntax? { reference.as(MemberAccessExprSyntax.self)?.base }

    /// The argument expressions of the call in order, with their labels (`_` for none); trailing closures excluded.
    package var arguments: [(label: String, expression: ExprSyntax)] {
        (call?.arguments).map { $0.map { ($0.label?.spelledName ?? "_", $0.expression) } } ?? []
    }

    /// Whether the reference is a function named as a value rather than called with its arguments here: written with its
    /// argument labels (`String.write(toFile:atomically:encoding:)`), or a call whose result is called again (a method
    /// of a type applied to its receiver first, `NSString.write(toFile:atomically:encoding:)(text)(path, …)`: the
    /// twenty-third sweep's, whose receiver was read as the path).
    private var isFunctionValue: Bool {
        let name = reference.as(MemberAccessExprSyntax.self)?.declName ?? reference.as(DeclReferenceExprSyntax.self)
        if name?.argumentNames != nil { return true }
        guard let call, let outer = call.parent?.as(FunctionCallExprSyntax.self) else { return false }
        return outer.calledExpression.id == call.id
    }

    /// The values this site passes as the sink's value under `rule`.
    package func values(rule: SinkArgumentRule, resolver: SwiftExpressionValues, at: SourceLocation) -> [ValueOrigin] {
        switch rule {
        case .none, .noValue, .implicit, .socketAddress, .environmentKey: break
        case .positions, .assignment, .shellCommand, .pathArguments, .programOfReceiver:
            if isFunctionValue { return [.unknown("the function is named as a value here, so what it is applied to is not read", at)] }
        }
        switch rule {
        case .none(let why): return [.unknown(why, at)]
        case .noValue: return []
        case .socketAddress: return [.unknown("a socket address built in memory in Swift, which capcheck does not follow", at)]
        case .implicit(let values): return values.map { ImplicitValue.origin($0, at: at) }
        case .environmentKey:
            guard let arguments = subscriptCall?.arguments, let key = arguments.first else {
                return [.unknown("the whole environment is read, not one variable", at)]
            }
            // The dictionary's own subscript takes one unlabelled key; another (`["HOME", also: "TOKEN"]`, a package's
            // extension) reads what it likes (the eighth sweep's).
            guard arguments.count == 1, key.label == nil else {
                return [.unknown("the environment is read through a subscript other than the dictionary's own", at)]
            }
            // A package's `subscript(_:)` on `[String: String]` takes one unlabelled key too, and Swift prefers it (the
            // twenty-third sweep's read `SECRET_TOKEN` for `environment["GRANTED_NAME"]`): the index says which it is.
            if let isToolchain = resolver.isToolchain, let bracket = subscriptCall?.leftSquare,
               !isToolchain(resolver.file.location(of: bracket), "subscript(_:)") {
                return [.unknown("the environment is read through a package's own subscript, which reads what it likes", at)]
            }
            return resolver.values(of: key.expression)
        case .positions(let positions):
            guard call != nil else { return [.unknown("the function is used as a value, not called here", at)] }
            let arguments = arguments
            return positions.flatMap { position in
                position < arguments.count ? resolver.values(of: arguments[position].expression)
                    : [.unknown("argument \(position + 1) is not passed here", at)]
            }
        case .assignment(let position):
            let arguments = arguments
            guard position < arguments.count else { return [.unknown("the function is not called here", at)] }
            return resolver.values(of: arguments[position].expression).map(\.nameBeforeEquals)
        case .shellCommand(let position):
            let arguments = arguments
            guard position < arguments.count else { return [.unknown("the function is not called here", at)] }
            return resolver.values(of: arguments[position].expression).map(ShellCommand.program)
        case .pathArguments:
            let arguments = arguments
            // A method of a value (`url.setResourceValue(name, forKey: .nameKey)`) acts on its receiver: an unlabelled
            // first argument is then what is set, not a path. Called on a type or a singleton
            // (`FileManager.default.replaceItemAt(_:withItemAt:)`), an unlabelled first argument is a path too.
            let valueReceiver = receiver.flatMap { receiver in
                !Self.isTypeOrSingleton(receiver, resolver: resolver) ? receiver : nil
            }
            // `setAttributes(_:ofItemAtPath:)`: the unlabelled first argument is what is set, the labelled one the path.
            let firstIsPath = valueReceiver == nil && !arguments.contains { $0.label == "ofItemAtPath" }
            let chosen = arguments.enumerated().filter { index, argument in
                SinkArgumentRule.pathLabels.contains(argument.label) || index == 0 && argument.label == "_" && firstIsPath
            }
            if !chosen.isEmpty {
                var paths = chosen.flatMap { resolver.values(of: $0.element.expression) }
                if let method = reference.as(MemberAccessExprSyntax.self)?.declName.baseName.text, Self.walksTheTree.contains(method) {
                    paths += paths.compactMap(Self.subtree)
                }
                guard let backup = arguments.first(where: { $0.label == "backupItemName" }) else { return paths }
                return paths + Self.backupPaths(of: chosen.first.map { resolver.values(of: $0.element.expression) } ?? [],
                                                named: backup.expression, resolver: resolver, at: at)
            }
            if let valueReceiver { return resolver.values(of: valueReceiver) }
            return [.unknown("no argument of this call names a path or address", at)]
        case .programOfReceiver:
            guard let receiver = receiver?.as(DeclReferenceExprSyntax.self) else {
                return [.unknown("the program is set on `\(receiver.map(SwiftExpressionValues.brief) ?? "a process")` elsewhere", at)]
            }
            let name = receiver.baseName.spelledName
            guard Self.isLocalProcessUsedOnlyHere(name, around: reference) else {
                return [.unknown("`\(name)` is not a `Process()` made and used only in this function, so its program may be set elsewhere", at)]
            }
            // Every member used on it must be Foundation's: a package's extension method (`p.useDefaults()`) can set the
            // program (the twenty-third sweep's).
            if let isToolchain = resolver.isToolchain,
               let member = Self.members(of: name, around: reference).first(where: { !isToolchain(resolver.file.location(of: $0), $0.spelledName) }) {
                return [.unknown("`\(name).\(member.spelledName)` is a package's own member of `Process`, which may set the program", at)]
            }
            guard let assigned = Self.assignments(to: name, properties: ["executableURL", "launchPath"], around: reference) else {
                return [.unknown("the program of `\(name)` is changed in place, not only assigned", at)]
            }
            guard !assigned.isEmpty else {
                return [.unknown("the program of `\(name)` is not set in this function", at)]
            }
            // `Process()` must be Foundation's: a package's own `Process` subclass may run another program.
            if let made = Self.processInitializer(of: name, around: reference), let isToolchain = resolver.isToolchain,
               !isToolchain(resolver.file.location(of: made), made.spelledName) {
                return [.unknown("`\(name)` is made by a package's own `Process`, not Foundation's", at)]
            }
            return assigned.flatMap { resolver.values(of: $0) }
        }
    }

    /// `FileManager` methods that act on everything below a folder they are given: removing, copying, moving or
    /// trashing it, or listing it (the twenty-ninth sweep's `removeItem(atPath: "…/allowed/cache")` deleted
    /// `allowed/cache/keys/secret.key`, which an `allowed/*` grant does not cover).
    static let walksTheTree: Set<String> = [
        "removeItem", "copyItem", "moveItem", "trashItem", "enumerator", "subpathsOfDirectory", "subpaths", "contentsOfDirectory",
    ]

    /// What lies below a path: every path that starts with it and a `/`. A parameter's value is checked at its callers as
    /// the path itself (docs/semantics.md, "Known limits").
    private static func subtree(of origin: ValueOrigin) -> ValueOrigin? {
        switch origin {
        case .constant(let path, let site): .prefix(path.hasSuffix("/") ? path : path + "/", site)
        default: nil
        }
    }

    /// Where `replaceItemAt(original, withItemAt:, backupItemName: name)` keeps the backup: `name` in the original's
    /// folder. Resolved only for a constant name of one component (`../outside/x` would climb out, found by the fifth
    /// sweep) beside a constant original; `nil` makes no backup.
    private static func backupPaths(of originals: [ValueOrigin], named name: ExprSyntax, resolver: SwiftExpressionValues,
                                    at: SourceLocation) -> [ValueOrigin] {
        if name.is(NilLiteralExprSyntax.self) { return [] }
        let names = resolver.values(of: name)
        return names.flatMap { name -> [ValueOrigin] in
            guard case .constant(let component, let written) = name, !component.isEmpty, !component.contains("/"),
                  component != ".", component != ".." else {
                return [.unknown("the backup's name is not one constant file name (it is joined to the original's folder)", name.location)]
            }
            return originals.map { original in
                guard case .constant(let path, _) = original, let slash = path.lastIndex(of: "/") else {
                    return .unknown("the backup goes beside an original whose folder capcheck could not resolve", written)
                }
                return .constant(path[...slash] + component, written)
            }
        }
    }

    /// `FileManager.default`, `ProcessInfo.processInfo`, a type name: receivers that are not the value itself. A name
    /// with a capital letter is a type only where the index records a type there: `let Log = NSURL(…)` is a value (the
    /// twenty-third sweep's, whose value argument was read as the path), and a local is in no record.
    private static func isTypeOrSingleton(_ receiver: ExprSyntax, resolver: SwiftExpressionValues) -> Bool {
        if let member = receiver.as(MemberAccessExprSyntax.self) {
            return ["default", "processInfo", "shared"].contains(member.declName.baseName.spelledName)
        }
        guard let name = receiver.as(DeclReferenceExprSyntax.self)?.baseName, name.spelledName.first?.isUppercase == true else { return false }
        guard let recordedAt = resolver.recordedAt else { return true }
        let recorded = recordedAt(resolver.file.location(of: name)) ?? []
        return !recorded.isEmpty && recorded.allSatisfy(Self.namesType)
    }

    /// Whether a USR names a type: a Swift class, struct, enum, protocol or typealias (its mangling ends so), a C struct,
    /// union, enum or typedef.
    private static func namesType(_ usr: String) -> Bool {
        if usr.hasPrefix("c:") { return ["@S@", "@U@", "@E@", "@T@", "@SA@", "@UA@", "@EA@"].contains { usr.contains($0) } }
        guard usr.hasPrefix("s:"), let last = usr.last else { return false }
        return ["C", "V", "O", "P", "a"].contains(last)
    }

    /// The function (or file) around `node`.
    private static func enclosingBody(of node: some SyntaxProtocol) -> Syntax {
        var body: Syntax = Syntax(node)
        while let parent = body.parent, SwiftNameLookup.parameters(of: parent) == nil, !parent.is(SourceFileSyntax.self) { body = parent }
        return body
    }

    /// Whether `name` is declared in the function around `node` as `let/var name = Process()` and every other mention
    /// of it is `name.member` (so no other code gets the process and sets its program before it runs).
    private static func isLocalProcessUsedOnlyHere(_ name: String, around node: some SyntaxProtocol) -> Bool {
        var declared = false
        for token in enclosingBody(of: node).tokens(viewMode: .sourceAccurate) where token.spelledName == name {
            if let pattern = token.parent?.as(IdentifierPatternSyntax.self) {
                let value = pattern.parent?.as(PatternBindingSyntax.self)?.initializer?.value.as(FunctionCallExprSyntax.self)
                guard !declared, let value, value.calledExpression.trimmedDescription == "Process", value.arguments.isEmpty else { return false }
                declared = true
                continue
            }
            // `p.self` is the process itself under another spelling, whose program the assignments below are not read on.
            guard let reference = token.parent?.as(DeclReferenceExprSyntax.self),
                  let member = reference.parent?.as(MemberAccessExprSyntax.self), member.base?.id == reference.id,
                  member.declName.baseName.tokenKind != .keyword(.self) else { return false }
        }
        return declared
    }

    /// The member names used on `name` (`run` in `p.run()`) in the function around `node`.
    private static func members(of name: String, around node: some SyntaxProtocol) -> [TokenSyntax] {
        enclosingBody(of: node).tokens(viewMode: .sourceAccurate).compactMap { token in
            guard token.spelledName == name, let reference = token.parent?.as(DeclReferenceExprSyntax.self),
                  let member = reference.parent?.as(MemberAccessExprSyntax.self), member.base?.id == reference.id else { return nil }
            return member.declName.baseName
        }
    }

    /// The `Process` token of `let name = Process()` in the function around `node`.
    private static func processInitializer(of name: String, around node: some SyntaxProtocol) -> TokenSyntax? {
        for token in enclosingBody(of: node).tokens(viewMode: .sourceAccurate) where token.spelledName == name {
            guard let pattern = token.parent?.as(IdentifierPatternSyntax.self),
                  let value = pattern.parent?.as(PatternBindingSyntax.self)?.initializer?.value.as(FunctionCallExprSyntax.self) else { continue }
            return value.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName
        }
        return nil
    }

    /// Every `name.property = value` in the function around `node`; nil when the property is used on `name` any other
    /// way (`p.executableURL?.deleteLastPathComponent()` changes the program, as may anything but a plain assignment).
    private static func assignments(to name: String, properties: Set<String>, around node: some SyntaxProtocol) -> [ExprSyntax]? {
        var values: [ExprSyntax] = []
        for token in enclosingBody(of: node).tokens(viewMode: .sourceAccurate) where properties.contains(token.spelledName) {
            guard let member = token.parent?.parent?.as(MemberAccessExprSyntax.self), let base = member.base else { continue }
            // `` `p`.executableURL `` is `p`'s (the seventeenth sweep's); any other spelling that names `p` is not read.
            guard base.as(DeclReferenceExprSyntax.self)?.baseName.spelledName == name else {
                if base.tokens(viewMode: .sourceAccurate).contains(where: { $0.spelledName == name }) { return nil }
                continue
            }
            guard let value = Assignment.value(assignedTo: ExprSyntax(member)) else { return nil }
            values.append(value)
        }
        return values
    }
}

/// A value of `SinkArgumentRule.implicit`: `text` a constant, `text…` a prefix, `?why` unknown.
package enum ImplicitValue {
    package static func origin(_ text: String, at: SourceLocation) -> ValueOrigin {
        if text.hasPrefix("?") { return .unknown(String(text.dropFirst()), at) }
        if text.hasSuffix("…") { return .prefix(String(text.dropLast()), at) }
        return .constant(text, at)
    }
}

/// The program a shell command starts, when the command is plain enough to tell.
package enum ShellCommand {
    /// The first word of a constant command without shell syntax; anything else is unknown.
    package static func program(_ origin: ValueOrigin) -> ValueOrigin {
        guard case .constant(let command, let at) = origin else {
            return .unknown("a shell command that is not a constant", origin.location)
        }
        let shellSyntax = CharacterSet(charactersIn: ";|&$`<>(){}*?~!\\'\"\n#=[]")
        guard command.unicodeScalars.allSatisfy({ !shellSyntax.contains($0) }),
              let program = command.split(separator: " ").first else {
            return .unknown("the shell command `\(command)` has shell syntax, so its programs are not known", at)
        }
        return .constant(String(program), at)
    }
}
