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

    /// The outermost parentheses or tuple `expression` is inside (`((x))`, `(x, y)`, `((x, y), z)`), climbing only
    /// through tuple elements; nil when its parent is no tuple. A write to that tuple writes `expression`.
    package static func outermostTuple(around expression: some SyntaxProtocol) -> TupleExprSyntax? {
        var outermost: TupleExprSyntax?, climbing = Syntax(expression)
        while let parent = climbing.parent, parent.is(LabeledExprSyntax.self) || parent.is(LabeledExprListSyntax.self) || parent.is(TupleExprSyntax.self) {
            if let tuple = parent.as(TupleExprSyntax.self) { outermost = tuple }
            climbing = parent
        }
        return outermost
    }
}
