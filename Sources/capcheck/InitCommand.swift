import ArgumentParser
import CapCheckCore
import Foundation

/// `capcheck init`: writes a capabilities.json that grants exactly what each dependency reaches today.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a capabilities.json granting exactly what each dependency reaches today.",
        discussion: """
            Nested grants narrow a transitive dependency where it needs less below a parent than elsewhere. Each grant \
            gets a TODO reason to replace. Refuses to overwrite an existing file without --force (its user capabilities \
            are kept). Exit status: 0 written, 2 usage, configuration, build or tool error.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "Where to write the policy (default: <package-path>/capabilities.json).")
    var policy: String?

    @Flag(help: "Overwrite an existing policy file.")
    var force = false

    func validate() throws {
        try common.requireSingleConfiguration(for: "init")
    }

    func run() throws {
        try runReportingErrors {
            let options = common.analyzerOptions(.draftPolicy)
            let destination = policy.map { URL(fileURLWithPath: $0) } ?? options.packagePath.appendingPathComponent("capabilities.json")
            var carried: [Capability: Policy.UserCapability] = [:]
            try PolicyLoader.requireRegularFile(destination)  // never write over /dev/null or a folder
            if FileManager.default.fileExists(atPath: destination.path) {
                guard force else {
                    throw CapCheckError(.usage, "\(destination.path) already exists; pass --force to overwrite it (its user capabilities are kept), or --policy to write elsewhere")
                }
                // Its user capabilities are kept: a file that does not parse would lose them without a word (a robustness
                // sweep's), so it is an error that says where.
                do {
                    carried = try PolicyLoader.load(contentsOf: destination).capabilities
                } catch let error as CapCheckError {
                    throw CapCheckError(.usage, error.message + "\n--force keeps the user capabilities of \(destination.path), so it must "
                                        + "parse: fix it, or delete it to start afresh")
                }
            }
            let (checker, _) = try Analyzer(options: options, progress: common.progress(), display: common.display()).prepare().ready()
            let draft = PolicyGenerator(checker: checker, capabilities: carried).draft()
            do {
                try OutputFile.write(draft.json, to: destination.path)
            } catch {
                throw CapCheckError(.io, "cannot write \(destination.path): \((error as? CapCheckError)?.message ?? error.localizedDescription)")
            }
            let counts = draft.counts
            common.progress()("wrote \(destination.path): \(counts.topLevel) top-level grant(s), \(counts.nested) nested; replace each TODO reason, then run `capcheck check`")
        }
    }
}
