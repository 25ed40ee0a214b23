import Foundation

/// What `swift package capcheck` does, step by step, as the command plugin (`Plugins/CapCheckPlugin`) carries it
/// out. `PluginPlanner` makes it; `capcheck plugin-plan` prints it as JSON for the plugin.
///
/// Why the plugin asks the tool for its plan instead of linking this library: SwiftPM lets a plugin target depend
/// only on executable and binary targets ("plugin 'P' cannot depend on 'L' of type 'library'; this dependency is
/// unsupported", `PackageGraphError.unsupportedPluginDependency`, SwiftPM 6.3 as before), and a source file may
/// belong to one target only ("target 'P' has overlapping sources"), so the plugin can neither import this library
/// nor compile its files. It depends on the `capcheck` executable, which links this library: every decision (which
/// arguments go where, what is refused, what the plugin says) is made here, in an ordinary target with unit tests
/// (`Tests/CapCheckCoreTests/Plugin`), and the plugin only runs the steps. The JSON is the contract between the two;
/// `PluginPlanTests` pins its shape, which the plugin's `Plan` decodes.
public struct PluginPlan: Codable, Equatable, Sendable {
    public struct Step: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            /// Run the tool with `arguments`, standard output captured: when it fails, write what it printed to
            /// standard output and end with its status (the build-time code lacks `build`: nothing is built).
            case preCheck
            /// Build with SwiftPM (`packageManager.build`, debug, all targets and, with `includeTests`, the tests),
            /// saying `progress` first when there is one; when the build fails, print its log to standard error,
            /// say `failure` as an error and end with status 2.
            case build
            /// Run the tool with `arguments`, its standard output the plugin's, and end with its status.
            case run
        }

        public var kind: Kind
        /// The `capcheck` tool's arguments (`preCheck`, `run`).
        public var arguments: [String]?
        /// Whether the build includes the test targets (`build`).
        public var includeTests: Bool?
        /// The progress line before the build (`build`; none with `--quiet`).
        public var progress: String?
        /// The error to say when the build fails (`build`).
        public var failure: String?

        public static func preCheck(_ arguments: [String]) -> Step { Step(kind: .preCheck, arguments: arguments) }
        public static func run(_ arguments: [String]) -> Step { Step(kind: .run, arguments: arguments) }
        public static func build(includeTests: Bool, progress: String?, failure: String) -> Step {
            Step(kind: .build, includeTests: includeTests, progress: progress, failure: failure)
        }
    }

    public var steps: [Step]

    public init(steps: [Step]) { self.steps = steps }

    /// The plan as the plugin reads it: one JSON object, keys sorted.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// Why the plugin will not run: said as an error, and the plugin ends with status 2.
public struct PluginRefusal: Error, Equatable, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }
}
