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
        try common.requireSingleConfiguration(for: "explain")
        try common.requireFormat(for: "explain") { $0.explanationFormatter() }
    }

    func run() throws {
        try runReportingErrors {
            var options = common.analyzerOptions(.explain)
            options.policyPath = policy.map { URL(fileURLWithPath: $0) }
            let (checker, loaded) = try Analyzer(options: options, progress: common.progress(), display: common.display()).prepare().ready()
            let explanations = try checker.explain(package: package, capability: capability.map { Capability($0) }, policy: loaded)
            let graph = checker.packageGraph
            let list = ExplanationList(package: package, capability: capability, root: graph.root.identity,
                                       explanations: explanations, folders: PackageFolders(graph: graph))
            try common.emit(list, with: common.format.explanationFormatter(common.formatOptions)!)
        }
    }
}
