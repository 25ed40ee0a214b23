import ArgumentParser
import CapCheckCore
import Foundation

/// `capcheck explain <package> [capability]`: every distinct path by which a package reaches a capability.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every distinct path by which a package reaches a capability, one per sink.",
        discussion: "Uses the policy's user capabilities when a policy exists. Exit status: 0, or 2 for a usage, configuration, build or tool error.")

    @Argument(help: "The package (SwiftPM identity, as in capabilities.json).")
    var package: String

    @Argument(help: "The capability (default: every capability the package reaches).")
    var capability: String?

    @OptionGroup var common: CommonOptions

    @Option(help: "The policy file for user capabilities (default: <package-path>/capabilities.json, if present).")
    var policy: String?

    func validate() throws {
        guard common.format == .text || common.format == .json else {
            throw ValidationError("explain writes --format text or json, not \(common.format.rawValue)")
        }
    }

    func run() throws {
        try runReportingErrors {
            var options = common.analyzerOptions(.explain)
            options.policyPath = policy.map { URL(fileURLWithPath: $0) }
            let (checker, loaded) = try Analyzer(options: options, progress: common.progress()).prepare().ready()
            let explanations = try checker.explain(package: package, capability: capability.map { Capability($0) }, policy: loaded)
            try common.write(common.format == .json ? try Self.json(explanations) : text(explanations, root: checker.packageGraph.root))
        }
    }

    private func text(_ explanations: [Explanation], root: Package) -> String {
        let what = capability ?? "any capability"
        guard !explanations.isEmpty else {
            return "\(package) does not reach \(what) from \(root.identity)'s code (`capcheck audit` also shows what it could reach)\n"
        }
        let reached = capability ?? Set(explanations.map(\.capability)).sorted().joined(separator: ", ")
        var out = ["\(package) reaches \(reached) by \(explanations.count) distinct path\(explanations.count == 1 ? "" : "s") (one per sink):"]
        for explanation in explanations {
            let meaning = Capability(explanation.capability).meaning.map { " — \($0)" } ?? ""
            out.append("")
            out.append("\(explanation.capability) through \(explanation.sink)\(meaning)")
            out += explanation.path.map { "    " + $0.relativeLine(root: root.path) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func json(_ explanations: [Explanation]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(explanations), as: UTF8.self) + "\n"
    }
}
