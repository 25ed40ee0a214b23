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

    /// The tool's arguments to check the build-time code before the build, quietly. For `check`: with the same
    /// policy and format (`--strict` applies to the full check only); a refusal is a report of violations. For the
    /// other subcommands: `audit --build-time-only` with the same `--policy` and consent flag, if given; a refusal
    /// is an error (exit 2).
    func buildTimeCheckArguments(packagePath: String, scratchPath: String) -> [String] {
        let paths = ["--quiet", "--package-path", packagePath, "--scratch-path", scratchPath]
        guard subcommand != "check" else {
            return ["check", "--build-time-only"] + paths + forwarded.filter { $0 != "--strict" && $0 != "--quiet" && $0 != "-q" }
        }
        var arguments = ["audit", "--build-time-only"] + paths
        for flag in ["--allow-build-time-code", "--include-tests"] where forwarded.contains(flag) { arguments.append(flag) }
        // Explain's and audit's `--policy` grants `build`; init's names the file it writes.
        if subcommand != "init" { arguments += Self.option("--policy", in: forwarded) }
        return arguments
    }

    /// `option value` (or `option=value`) as given in `arguments`, if it is.
    static func option(_ name: String, in arguments: [String]) -> [String] {
        for (index, argument) in arguments.enumerated() {
            if argument == name, index + 1 < arguments.count { return [name, arguments[index + 1]] }
            if argument.hasPrefix(name + "=") { return [argument] }
        }
        return []
    }

    func toolArguments(packagePath: String, scratchPath: String) -> [String] {
        [subcommand, "--skip-build", "--package-path", packagePath, "--scratch-path", scratchPath] + forwarded
    }
}
