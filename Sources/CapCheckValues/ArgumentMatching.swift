import CapCheckSupport
import CapCheckModel
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
        // A variadic parameter takes any number of arguments: which one is the parameter's is not read.
        guard !parameters.contains(where: { $0.ellipsis != nil }) else { return .unmatched }
        var next = 0
        for (position, parameter) in parameters.enumerated() {
            let label = parameter.firstName.text
            if next < arguments.count, arguments[next].label == label {
                if position == index { return .passed(arguments[next].expression) }
                next += 1
            } else if parameter.defaultValue == nil {
                return .unmatched
            } else if position == index {
                return .defaulted
            }
        }
        return .unmatched
    }
}
