import CapCheckSupport
import CapCheckModel

/// `explain` as text: each distinct way the package reaches a capability, with its shortest path, one hop a line.
public struct ExplanationTextFormatter: OutputFormatter {
    public let options: FormatOptions

    public init(options: FormatOptions = FormatOptions()) { self.options = options }

    public func format(_ list: ExplanationList) throws -> String {
        let explanations = list.explanations
        guard !explanations.isEmpty else {
            return "\(list.package) does not reach \(list.capability ?? "any capability") from \(list.root)'s code "
                + "(`capcheck audit` also shows what it could reach)\n"
        }
        let paths = PathDisplay(list.folders, absolute: options.absolutePaths)
        let reached = list.capability ?? Set(explanations.map(\.capability)).sorted().joined(separator: ", ")
        var out = ["\(list.package) reaches \(reached) by \(Wording.plural(explanations.count, "distinct path")) (one per sink):"]
        for explanation in explanations {
            out += ["", Wording.way(capability: explanation.capability, sink: explanation.sink)]
            out += explanation.path.map { "    " + Wording.hopLine($0, paths) }
            out += (explanation.values ?? []).map { "    value: " + Wording.value($0, .plain, paths) }
        }
        // Every line is capcheck's; what the packages chose in them (files, symbols, values) is escaped (`VisibleText`).
        return VisibleText.escaped(out.joined(separator: "\n"), keepingNewlines: true) + "\n"
    }
}
