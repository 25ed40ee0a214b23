import Foundation

/// Locates the active Swift toolchain and the native libraries capcheck loads from it.
public struct Toolchain: Sendable {
    /// The `swift` driver that runs builds and package queries.
    public let swiftExecutable: URL
    /// The toolchain's `usr/lib` folder (beside `usr/bin/swift`).
    public let libraryDirectory: URL
    /// `CAPCHECK_SWIFT`, when it chose the driver: messages about the toolchain's files then name it.
    public let swiftOverride: EnvironmentOverride?

    /// The command that runs `swift package <arguments>`: the toolchain's `swift-package` beside the driver, which the
    /// driver would run with the same arguments and environment (starting it directly spares a process per query, of
    /// which a package graph makes one to three per package), else the driver itself.
    public func packageCommand(_ arguments: [String]) -> (executable: URL, arguments: [String]) {
        let sibling = swiftExecutable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("swift-package")
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return (sibling, arguments) }
        return (swiftExecutable, ["package"] + arguments)
    }

    /// Finds the toolchain from `CAPCHECK_SWIFT` or the `swift` on `PATH`, following symlinks,
    /// so that the libraries come from the same toolchain that builds the package.
    /// - Throws: `CapCheckError(.toolchain, …)` when there is no `swift`, or `CAPCHECK_SWIFT` names no executable file.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Toolchain {
        let swift: URL
        let override = EnvironmentOverride("CAPCHECK_SWIFT", in: environment)
        if let override {
            swift = URL(fileURLWithPath: try override.file(executable: true, expected: "the `swift` executable of a Swift toolchain (…/usr/bin/swift)",
                                                           otherwise: "use the `swift` on PATH"))
        } else if let found = findOnPath("swift", path: environment["PATH"] ?? "") {
            swift = found
        } else {
            throw CapCheckError(.toolchain, "no `swift` on PATH; install a Swift toolchain or set CAPCHECK_SWIFT to its `swift` executable")
        }
        let resolved = swift.resolvingSymlinksInPath()
        let lib = resolved.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lib")
        // Run `swift` by its own name (the driver dispatches on it); follow links only to find `usr/lib`.
        return Toolchain(swiftExecutable: swift, libraryDirectory: lib, swiftOverride: override)
    }

    /// The environment `swift` runs in: capcheck's own, with `_` naming the driver, as a shell sets it for a command it
    /// runs. SwiftPM keys its manifest cache on the whole environment, so a `swift package` query whose `_` named
    /// capcheck (the variable a shell left in capcheck's own environment) missed every manifest the user's own
    /// `swift build` had evaluated, and compiled each one again: 5–8 s of `show-dependencies` on vapor's graph.
    public func driverEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var driven = environment
        driven["_"] = swiftExecutable.path
        return driven
    }

    /// Which toolchain this is, for messages: `the active toolchain`, or `the toolchain of CAPCHECK_SWIFT=…`.
    public var origin: String { swiftOverride.map { "the toolchain of \($0.description)" } ?? "the active toolchain" }

    /// Where its libraries are looked for, for messages: `the active toolchain (/usr/lib)`.
    public var libraryLocation: String { "\(origin) (\(libraryDirectory.path))" }

    /// What to do when a file of the toolchain is missing: point `CAPCHECK_SWIFT` at a complete toolchain (when it
    /// is set), or set the file's own `variable`.
    public func advice(missing fileName: String, override variable: String) -> String {
        let swift = swiftOverride.map { "set \($0.variable) to the `swift` of a complete Swift toolchain, or " } ?? ""
        return swift + "set \(variable) to the path of \(fileName) from your Swift toolchain"
    }

    /// The path of a toolchain library, honouring an environment override (e.g. `CAPCHECK_LIBINDEXSTORE`).
    public func library(_ fileName: String, override variable: String,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let override = EnvironmentOverride(variable, in: environment) {
            return try override.file(expected: "the path of \(fileName) from your Swift toolchain",
                                     otherwise: "use the one in \(libraryLocation)")
        }
        let candidate = libraryDirectory.appendingPathComponent(fileName).path
        guard FileManager.default.fileExists(atPath: candidate) else {
            throw CapCheckError(.toolchain, "\(fileName) not found in \(libraryLocation); \(advice(missing: fileName, override: variable))")
        }
        return candidate
    }

    package static func findOnPath(_ name: String, path: String) -> URL? {
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
