import CapCheckSupport
import CapCheckModel
import SwiftSyntax

/// The payload of an enum case a pattern matches (`case .file(let path)`): whatever every construction of that case
/// passes for it, in the code that runs, flow-insensitively (like a stored property's writes).
extension ValueTracer {
    /// What every reached construction of the enum case named at `caseName` passes for its payload value `index` (of
    /// `arity`), unfollowed. A case is made only where code names it, except by a synthesized `init(from:)`: nil (not
    /// read) when the enum may be `Decodable`, the case witnesses a protocol requirement, or one of its references is
    /// not a plain construction or a pattern (a function value, `.file` passed to `map`, a call that cannot be matched).
    func payloads(ofCaseNamedAt caseName: SourceLocation, index: Int, arity: Int) -> [ValueOrigin]? {
        let cases = referencesAt(caseName).filter { graph.nodes[Int($0)].kind == .enumConstant }
        guard cases.count == 1, let enumCase = cases.first else { return nil }
        let memoKey = Int64(enumCase) << 16 | Int64(index)
        // A payload made from itself (`.file(path + "/..")` from a matched `.file(path)`) has no bound.
        if let known = payloadMemo[memoKey] { return known }
        payloadMemo[memoKey] = .some(nil)
        let result = constructions(of: enumCase, index: index, arity: arity)
        let unique = result.map { ValueJoin.unique($0) }
        payloadMemo[memoKey] = .some(unique)
        return unique
    }

    private func constructions(of enumCase: Int32, index: Int, arity: Int) -> [ValueOrigin]? {
        guard let location = graph.nodes[Int(enumCase)].location, location.file.hasSuffix(".swift"),
              let file = swiftFiles.file(location.file), let token = file.token(line: location.line, column: location.column),
              let element = token.parent?.as(EnumCaseElementSyntax.self) else { return nil }
        let parameters = Array(element.parameterClause?.parameters ?? [])
        guard parameters.count == arity, index < arity else { return nil }
        var type: Syntax? = Syntax(element)
        while let current = type, !current.is(EnumDeclSyntax.self) { type = current.parent }
        guard let enumDeclaration = type, !mayBeDecodable(enumDeclaration, in: file),
              !mayWitness(enumCase, enumName: enumDeclaration.as(EnumDeclSyntax.self)?.name, in: file) else { return nil }
        var result: [ValueOrigin] = []
        for (from, edgeIndex) in reverseEdges()[Int(enumCase)] where reached.isEmpty || reached[Int(from)] {
            let edge = graph.edges[Int(from)][Int(edgeIndex)]
            guard edge.kind == .reference, let site = edge.site, site.file.hasSuffix(".swift"),
                  let siteFile = swiftFiles.file(site.file) else { return nil }
            let found = sites(in: from, of: enumCase, knownSite: site, file: siteFile)
            guard !found.isEmpty else { return nil }
            let resolver = resolver(for: siteFile, in: from)
            for made in found where !Self.isPattern(made) {
                guard let call = made.call, call.trailingClosure == nil, call.additionalTrailingClosures.isEmpty else { return nil }
                switch ArgumentMatching.match(for: index, of: parameters, in: made.arguments) {
                case .passed(let expression): result += resolver.values(of: expression)
                case .defaulted:
                    guard let value = parameters[index].defaultValue?.value else { return nil }
                    result += self.resolver(for: file, in: enumCase).values(of: value)
                case .unmatched: return nil
                }
            }
        }
        return result
    }

    /// Whether the case may stand for a protocol's static requirement (`static func file(_:) -> Self`), which generic
    /// code calls without naming the case: a witness edge into it, or a protocol of the package's the enum adopts with
    /// a member of the case's name.
    private func mayWitness(_ enumCase: Int32, enumName: TokenSyntax?, in file: ParsedSwiftFiles.File) -> Bool {
        if reverseEdges()[Int(enumCase)].contains(where: { graph.edges[Int($0.from)][Int($0.edge)].kind == .witness }) { return true }
        guard let enumName, let enumNode = node(at: file.location(of: enumName), prefer: { $0.kind.isType }) else { return true }
        let base = Self.memberName(of: graph.nodes[Int(enumCase)]).base
        for edge in graph.edges[Int(enumNode)] where edge.kind == .supertype {
            let prefix = graph.nodes[Int(edge.target)].name + "."
            if graph.nodes.contains(where: { $0.name.hasPrefix(prefix) && Self.memberName(of: $0).base == base }) { return true }
        }
        return false
    }

    /// Whether a reference to a case is a pattern that matches it (`case .file(let p):`, `if case .file = x`), not a
    /// construction: the whole expression of an expression pattern. A case named inside another pattern's
    /// arguments counts as a construction (its values are then unknown, or more than there are).
    static func isPattern(_ site: SwiftSinkSite) -> Bool {
        Syntax(site.call.map(ExprSyntax.init) ?? site.reference).parent?.is(ExpressionPatternSyntax.self) == true
    }
}
