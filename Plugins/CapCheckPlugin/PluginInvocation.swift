/// The plugin's arguments: an optional capcheck subcommand first, then the subcommand's own options,
/// forwarded unchanged except the paths the plugin manages (`--package-path`, `--scratch-path`), which it sets.
struct PluginInvocation {
    struct Refusal: Error {
        let message: String
    }

    /// Subcommands that analyse the package (and so need the build first).
    static let analysingSubcommands: Set<String> = ["check", "audit", "explain", "init"]

    let subcommand: String
    let forwarded: [String]

    init(arguments: [String]) throws {
        if let first = arguments.first, Self.analysingSubcommands.contains(first) {
            subcommand = first
            forwarded = Array(arguments.dropFirst())
        } else {
            subcommand = "check"
            forwarded = arguments
        }
        for managed in ["--package-path", "--scratch-path", "--skip-build"]
        where forwarded.contains(where: { $0 == managed || $0.hasPrefix(managed + "=") }) {
            throw Refusal(message: "capcheck: the plugin sets \(managed) itself; pass it to `swift package` instead (e.g. `swift package --scratch-path S capcheck`), or run the capcheck executable directly")
        }
    }

    /// Whether the options ask for help or the version only, which need no build.
    var needsBuild: Bool { !forwarded.contains { $0 == "--help" || $0 == "-h" } }
    var includeTests: Bool { forwarded.contains("--include-tests") }
    var quiet: Bool { forwarded.contains("--quiet") || forwarded.contains("-q") }

    /// For `check`: the tool's arguments to check the build-time code before the build (quietly, with the same
    /// policy and format; `--strict` applies to the full check only). Nil for the other subcommands.
    func buildTimeCheckArguments(packagePath: String, scratchPath: String) -> [String]? {
        guard subcommand == "check" else { return nil }
        let options = forwarded.filter { $0 != "--strict" && $0 != "--quiet" && $0 != "-q" }
        return ["check", "--build-time-only", "--quiet", "--package-path", packagePath, "--scratch-path", scratchPath] + options
    }

    func toolArguments(packagePath: String, scratchPath: String) -> [String] {
        [subcommand, "--skip-build", "--package-path", packagePath, "--scratch-path", scratchPath] + forwarded
    }
}
