import CapCheckSupport
import CapCheckModel
import SwiftSyntax

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
