import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import Foundation
import SwiftSyntax

/// Decides which branch of an `#if` the build compiles, from the conditions this build is known to satisfy: the
/// host's `os` and `arch`, `DEBUG` and `SWIFT_PACKAGE` (SwiftPM's debug build), the modules `canImport` can find
/// (the graph's own modules and the toolchain's), the compiler's version. A custom flag (`-D` in `swiftSettings`)
/// is false, as for the compiler when it is not defined. A condition it cannot decide (`hasFeature`, `swift(>=…)`,
/// which depends on the module's language mode) is settled by the index: a branch is compiled when the index has
/// an occurrence in it, and one with none is not. The index also overrules a branch judged inactive in which it has
/// occurrences (a custom flag the target does define).
package struct IfConfigEvaluator {
    /// Module names `canImport` finds.
    package let importableModules: Set<String>
    /// The compiler's version (`compiler(>=6.0)`), e.g. [6, 3, 1].
    package let compilerVersion: [Int]
    /// Lines of the file with an occurrence in the index (1-based).
    package let indexedLines: Set<Int>
    /// The compilation conditions set: `DEBUG` (in a debug build) and `SWIFT_PACKAGE`.
    package var flags: Set<String> = BuildConfiguration.debug.conditions

    #if os(Linux)
    static let hostOS = "Linux"
    #elseif os(macOS)
    static let hostOS = "macOS"
    #else
    static let hostOS = "unknown"
    #endif
    #if arch(x86_64)
    static let hostArch = "x86_64"
    #elseif arch(arm64)
    static let hostArch = "arm64"
    #else
    static let hostArch = "unknown"
    #endif

    /// The index of the clause the build compiles, or nil when none is.
    package func activeClause(of node: IfConfigDeclSyntax, converter: SourceLocationConverter) -> Int? {
        var undecided: [Int] = []
        for (index, clause) in node.clauses.enumerated() {
            let value: Bool? = clause.condition.map(evaluate) ?? true
            let indexed = hasIndexedOccurrence(clause, converter)
            if indexed { return index }
            if value == true, undecided.isEmpty { return index }
            if value != false { undecided.append(index) }
        }
        // Conditions it could not decide, and no occurrence in any branch: none is taken for compiled, so each is scanned
        // as code this build leaves out. A compiled branch that names anything has occurrences, so one with none names
        // no sink either (the thirtieth sweep's `#if hasFeature(ExistentialAny)`, true in the release build only, hid a
        // `createFile` when the first undecided branch was taken for compiled). A file the index has no line of keeps
        // the first undecided branch.
        return indexedLines.isEmpty ? undecided.first : nil
    }

    private func hasIndexedOccurrence(_ clause: IfConfigClauseSyntax, _ converter: SourceLocationConverter) -> Bool {
        guard let elements = clause.elements, !indexedLines.isEmpty else { return false }
        let start = elements.startLocation(converter: converter).line, end = elements.endLocation(converter: converter).line
        guard start <= end else { return false }
        return (start...end).contains { indexedLines.contains($0) }
    }

    /// `#if os(macOS)`, `#elseif DEBUG`, `#else of #if os(Linux)`: how reports name a branch.
    package static func describe(_ clause: IfConfigClauseSyntax) -> String {
        let own = ([clause.poundKeyword.text] + (clause.condition.map { [$0.trimmedDescription] } ?? [])).joined(separator: " ")
        guard clause.condition == nil, let first = clause.parent?.as(IfConfigClauseListSyntax.self)?.first,
              first.id != clause.id else { return own }
        return own + " of " + describe(first)
    }

    /// True, false, or nil when this build's value is not known.
    package func evaluate(_ expression: ExprSyntax) -> Bool? {
        if let literal = expression.as(BooleanLiteralExprSyntax.self) { return literal.literal.tokenKind == .keyword(.true) }
        if let reference = expression.as(DeclReferenceExprSyntax.self) { return flags.contains(reference.baseName.spelledName) }
        if let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count == 1 {
            return evaluate(tuple.elements.first!.expression)
        }
        if let prefix = expression.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "!" {
            return evaluate(prefix.expression).map(!)
        }
        if let sequence = expression.as(SequenceExprSyntax.self) { return evaluate(sequence: Array(sequence.elements)) }
        if let infix = expression.as(InfixOperatorExprSyntax.self) {
            return combine(evaluate(infix.leftOperand), infix.operator.trimmedDescription, evaluate(infix.rightOperand))
        }
        if let call = expression.as(FunctionCallExprSyntax.self), let name = call.calledExpression.as(DeclReferenceExprSyntax.self) {
            return evaluate(call: name.baseName.spelledName, arguments: call.arguments.map(\.expression.trimmedDescription))
        }
        return nil
    }

    /// `a && b || c` as the parser leaves it (unfolded): `&&` binds tighter than `||`.
    private func evaluate(sequence elements: [ExprSyntax]) -> Bool? {
        var disjuncts: [[ExprSyntax]] = [[]]
        for element in elements {
            if let op = element.as(BinaryOperatorExprSyntax.self) {
                if op.operator.text == "||" { disjuncts.append([]) } else if op.operator.text != "&&" { return nil }
            } else {
                disjuncts[disjuncts.count - 1].append(element)
            }
        }
        var result: Bool? = false
        for conjunction in disjuncts {
            var value: Bool? = true
            for term in conjunction { value = combine(value, "&&", evaluate(term)) }
            result = combine(result, "||", value)
        }
        return result
    }

    private func combine(_ left: Bool?, _ op: String, _ right: Bool?) -> Bool? {
        switch op {
        case "&&":
            if left == false || right == false { return false }
            return left == true && right == true ? true : nil
        case "||":
            if left == true || right == true { return true }
            return left == false && right == false ? false : nil
        default:
            return nil
        }
    }

    private func evaluate(call name: String, arguments: [String]) -> Bool? {
        guard let argument = arguments.first else { return nil }
        switch name {
        case "os": return argument == Self.hostOS
        case "arch": return argument == Self.hostArch || (Self.hostArch == "arm64" && argument == "aarch64")
        case "targetEnvironment": return false
        case "_endian": return argument == "little"
        case "_pointerBitWidth": return argument == "_64"
        case "_runtime": return argument == "_Native"
        case "canImport": return arguments.count == 1 ? importableModules.contains(argument) : nil
        case "compiler": return compare(compilerVersion, argument)
        default: return nil
        }
    }

    /// `>=5.9`, `<6.0` against a version.
    private func compare(_ version: [Int], _ requirement: String) -> Bool? {
        let op = requirement.prefix { "<>=".contains($0) }
        let wanted = requirement.dropFirst(op.count).split(separator: ".").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !wanted.isEmpty, !version.isEmpty else { return nil }
        let count = max(version.count, wanted.count)
        let lhs = version + Array(repeating: 0, count: count - version.count), rhs = wanted + Array(repeating: 0, count: count - wanted.count)
        switch op {
        case ">=": return !lhs.lexicographicallyPrecedes(rhs)
        case "<": return lhs.lexicographicallyPrecedes(rhs)
        default: return nil
        }
    }
}
