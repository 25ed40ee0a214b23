import CapCheckSupport
import CapCheckModel
import CapCheckSwiftSource
import SwiftSyntax

/// Which argument of a call is passed for a parameter: arguments are matched to parameters in order by label,
/// skipping parameters with a default value that the call leaves out.
package enum ArgumentMatching {
    package enum Match {
        /// The expression the call passes for the parameter.
        case passed(ExprSyntax)
        /// The call leaves the parameter out: its default value is used.
        case defaulted
        /// The call does not match the declaration as read (a variadic parameter, a label out of place): unknown.
        case unmatched
    }

    package static func match(for index: Int, of parameters: [FunctionParameterSyntax],
                              in arguments: [(label: String, expression: ExprSyntax)]) -> Match {
        match(for: index, of: parameters.map { ($0.firstName.spelledName, $0.defaultValue != nil, $0.ellipsis != nil) }, in: arguments)
    }

    /// The same for an enum case's associated values (`case file(path: String, mode: Int = 0)`; no label is `_`).
    package static func match(for index: Int, of parameters: [EnumCaseParameterSyntax],
                              in arguments: [(label: String, expression: ExprSyntax)]) -> Match {
        match(for: index, of: parameters.map { ($0.firstName?.spelledName ?? "_", $0.defaultValue != nil, false) }, in: arguments)
    }

    private static func match(for index: Int, of parameters: [(label: String, hasDefault: Bool, isVariadic: Bool)],
                              in arguments: [(label: String, expression: ExprSyntax)]) -> Match {
        // A variadic parameter takes any number of arguments: which one is the parameter's is not read.
        guard !parameters.contains(where: \.isVariadic) else { return .unmatched }
        var next = 0
        for (position, parameter) in parameters.enumerated() {
            if next < arguments.count, arguments[next].label == parameter.label {
                if position == index { return .passed(arguments[next].expression) }
                next += 1
            } else if !parameter.hasDefault {
                return .unmatched
            } else if position == index {
                return .defaulted
            }
        }
        return .unmatched
    }
}
