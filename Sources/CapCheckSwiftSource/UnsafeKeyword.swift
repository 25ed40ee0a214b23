#if !canImport(SwiftSyntax602)
import SwiftSyntax

/// `unsafe` expressions with a swift-syntax older than 602, whose parser predates them (Swift 6.2, SE-0458): it reads
/// `unsafe p.pointee` as a reference to something named `unsafe` followed by a second statement, `f(unsafe x)` with
/// `x` as unexpected text, and `for unsafe x in s` as the pattern `unsafe` with `x` unexpected. The keyword is
/// found here the way 602's parser decides that `unsafe` starts an expression: a word `unsafe` (a reference, a
/// `for` pattern or unexpected text, never a declaration's name) followed on the same line by something that
/// starts an expression (`atContextualKeywordPrefixedSyntax`). With 602 and later the walker uses
/// `UnsafeExprSyntax` and `ForStmtSyntax.unsafeKeyword` instead, and this file is not compiled. One difference:
/// `unsafe { … }()` is not found here (602 looks ahead for a valid trailing closure; `if unsafe {` must stay a
/// condition on a variable named `unsafe`).
enum UnsafeKeyword {
    static func startsUnsafeExpression(_ token: TokenSyntax) -> Bool {
        guard token.tokenKind == .identifier("unsafe"), let parent = token.parent else { return false }
        let isReference = parent.is(DeclReferenceExprSyntax.self) || parent.is(UnexpectedNodesSyntax.self)
        let isLoopPattern = parent.is(IdentifierPatternSyntax.self) && parent.parent?.is(ForStmtSyntax.self) == true
        guard isReference || isLoopPattern, let next = token.nextToken(viewMode: .sourceAccurate) else { return false }
        if token.trailingTrivia.contains(where: \.isNewline) || next.leadingTrivia.contains(where: \.isNewline) { return false }
        switch next.tokenKind {
        case .identifier, .dollarIdentifier, .wildcard, .integerLiteral, .floatLiteral, .stringQuote, .multilineStringQuote,
             .singleQuote, .rawStringPoundDelimiter, .regexSlash, .regexPoundDelimiter, .prefixAmpersand, .prefixOperator,
             .atSign, .backslash, .pound:
            return true
        case .keyword(let keyword):
            return [.Any, .Self, .self, .super, .`init`, .true, .false, .nil, .repeat, .try, .if, .switch].contains(keyword)
        case .period, .leftParen, .leftSquare:
            // `unsafe (x)`, `unsafe [x]`, `unsafe .member`; without a space, a call, subscript or member of `unsafe`.
            return !token.trailingTrivia.isEmpty || !next.leadingTrivia.isEmpty
        default:
            return false
        }
    }
}
#endif
