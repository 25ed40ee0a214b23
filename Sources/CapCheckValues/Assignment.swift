import SwiftSyntax

/// Plain assignments, `target = value`, as the parser leaves them (a sequence of three: target, `=`, value).
package enum Assignment {
    /// The value assigned when `target` is the left side of a plain assignment; nil otherwise.
    package static func value(assignedTo target: ExprSyntax) -> ExprSyntax? {
        guard let sequence = target.parent?.parent?.as(SequenceExprSyntax.self) else { return nil }
        let elements = Array(sequence.elements)
        guard elements.count == 3, elements[0].id == target.id, elements[1].is(AssignmentExprSyntax.self) else { return nil }
        return elements[2]
    }
}
