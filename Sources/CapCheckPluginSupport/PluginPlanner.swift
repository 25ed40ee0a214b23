import Foundation

/// Turns `swift package capcheck [subcommand] [options]` into a `PluginPlan`: an optional capcheck subcommand first
/// (`check` when there is none), then the subcommand's own options, forwarded to the tool unchanged. The plugin sets
/// what it manages itself — the package and scratch folders SwiftPM gave it, `--skip-build` (it builds through
/// SwiftPM first) and `--swiftpm-holds-lock` — and refuses them from the user, as it refuses `--sandbox` (SwiftPM's
/// build cannot run under bubblewrap).
///
/// Before the build the tool checks the build-time code (plugins, macros): `check --build-time-only` for `check`,
/// `audit --build-time-only` for the other subcommands; nothing is built when one lacks its `build` grant.
public struct PluginPlanner: Sendable {
    /// What SwiftPM tells the plugin about the package it runs on.
    public struct Context: Sendable {
        /// The root package's folder (`context.package.directoryURL`).
        public var packagePath: String
        /// Its display name, for the plugin's messages.
        public var packageName: String
        /// The plugin's work folder (`context.pluginWorkDirectoryURL`): `<scratch>/plugins/<plugin>/outputs`, also
        /// when the user passed `--scratch-path` to `swift package`.
        public var pluginWorkDirectory: String

        public init(packagePath: String, packageName: String, pluginWorkDirectory: String) {
            self.packagePath = packagePath
            self.packageName = packageName
            self.pluginWorkDirectory = pluginWorkDirectory
        }
    }

    /// Subcommands that analyse the package, after the plugin's build. `diff` is not one: it resolves and builds the
    /// graph as a git ref pins it, in a workspace of its own, which the plugin's single SwiftPM build cannot do.
    public static let analysingSubcommands: Set<String> = ["check", "audit", "explain", "init"]

    public let context: Context

    public init(context: Context) { self.context = context }

    /// The scratch folder SwiftPM builds in: three levels above the plugin's work folder, whose layout is checked
    /// rather than assumed (a SwiftPM that puts it elsewhere is an error, not a build folder guessed wrong).
    public func scratchPath() throws -> String {
        let work = URL(fileURLWithPath: context.pluginWorkDirectory).standardizedFileURL
        let components = work.pathComponents
        guard components.count >= 4, components[components.count - 1] == "outputs", components[components.count - 3] == "plugins" else {
            throw PluginRefusal("""
                capcheck: cannot tell SwiftPM's scratch folder from the plugin's work folder \(context.pluginWorkDirectory) \
                (expected <scratch>/plugins/<plugin>/outputs); build with `swift build` and run the capcheck executable \
                with --skip-build instead
                """)
        }
        return work.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// The plan for the plugin's `arguments`, or the refusal to say.
    public func plan(arguments: [String]) throws -> PluginPlan {
        let (subcommand, forwarded) = try Self.split(arguments)
        let options = ArgumentExtractor(forwarded)
        try Self.refuseManagedOptions(options)
        let paths = ["--package-path", context.packagePath, "--scratch-path", try scratchPath(), "--swiftpm-holds-lock"]
        let run = PluginPlan.Step.run([subcommand, "--skip-build"] + paths + forwarded)
        // Help needs no build (and no check of what a build would run).
        guard !options.contains("help", short: "h") else { return PluginPlan(steps: [run]) }
        return PluginPlan(steps: [
            .preCheck(Self.buildTimeCheckArguments(subcommand: subcommand, forwarded: forwarded, paths: paths)),
            .build(includeTests: options.contains("include-tests"),
                   progress: options.contains("quiet", short: "q") ? nil : "capcheck: building \(context.packageName) (debug, indexing every target)…",
                   failure: "capcheck: the build of \(context.packageName) failed; fix the errors above, then run `swift package capcheck` again"),
            run,
        ])
    }

    /// The subcommand (the first argument when it is one of `analysingSubcommands`, else `check`) and the rest.
    static func split(_ arguments: [String]) throws -> (subcommand: String, forwarded: [String]) {
        guard let first = arguments.first else { return ("check", []) }
        if analysingSubcommands.contains(first) { return (first, Array(arguments.dropFirst())) }
        if first == "diff" {
            throw PluginRefusal("capcheck: `diff` does not run through the plugin (it builds the graph a git ref pins in a workspace of its own); run the capcheck executable: `capcheck diff --base <ref>`")
        }
        return ("check", arguments)
    }

    /// The tool's options the plugin sets itself, each with what to do instead.
    static let managedOptions: [(name: String, advice: String)] = [
        ("package-path", "pass it to `swift package` instead (`swift package --package-path P capcheck`), or run the capcheck executable directly"),
        ("scratch-path", "pass it to `swift package` instead (`swift package --scratch-path S capcheck`), or run the capcheck executable directly"),
        ("skip-build", "it builds through SwiftPM first, then runs the tool with --skip-build; to analyse an earlier build without building, run the capcheck executable with --skip-build"),
        ("swiftpm-holds-lock", "it tells the tool that the SwiftPM running the plugin holds the scratch folder's lock"),
    ]

    /// The tool's options the plugin cannot honour, each with what to do instead.
    static let unsupportedOptions: [(name: String, advice: String)] = [
        ("sandbox", "the plugin builds through SwiftPM, which it cannot run under bubblewrap; run the capcheck executable with --sandbox"),
    ]

    private static func refuseManagedOptions(_ options: ArgumentExtractor) throws {
        for (name, advice) in managedOptions where options.contains(name) {
            throw PluginRefusal("capcheck: the plugin sets --\(name) itself; \(advice)")
        }
        for (name, advice) in unsupportedOptions where options.contains(name) {
            throw PluginRefusal("capcheck: --\(name) does not work through the plugin: \(advice)")
        }
        // The plugin's build is SwiftPM's debug build (the only one that writes an index store through the plugin API).
        var copy = options
        for value in copy.extractOption(named: "configuration") where value != "debug" {
            throw PluginRefusal("""
                capcheck: --configuration \(value) does not work through the plugin: it builds the debug configuration \
                through SwiftPM (a release build the plugin asks for writes no index store); run the capcheck executable: \
                `capcheck check --configuration \(value)`
                """)
        }
    }

    /// The tool's arguments to check the build-time code before the build, quietly. For `check`: with the same
    /// policy, format and output (`--strict` applies to the full check only); a refusal is a report of violations.
    /// For the other subcommands: `audit --build-time-only` with the same `--policy` (explain's and audit's grant
    /// `build`; init's names the file it writes), consent flag and `--include-tests`; a refusal is an error (exit 2).
    static func buildTimeCheckArguments(subcommand: String, forwarded: [String], paths: [String]) -> [String] {
        var options = ArgumentExtractor(forwarded)
        guard subcommand != "check" else {
            _ = options.extractFlag(named: "strict")
            _ = options.extractFlag(named: "quiet", short: "q")
            return ["check", "--build-time-only", "--quiet"] + paths + options.remainingArguments
        }
        var arguments = ["audit", "--build-time-only", "--quiet"] + paths
        for flag in ["allow-build-time-code", "include-tests"] where options.extractFlag(named: flag) > 0 { arguments.append("--" + flag) }
        if subcommand != "init", let policy = options.extractOption(named: "policy").last { arguments += ["--policy", policy] }
        return arguments
    }
}
