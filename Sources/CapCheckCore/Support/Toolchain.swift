import Foundation

/// Locates the active Swift toolchain and the native libraries capcheck loads from it.
public struct Toolchain: Sendable {
    /// The `swift` driver that runs builds and package queries.
    public let swiftExecutable: URL
    /// The toolchain's `usr/lib` folder (beside `usr/bin/swift`).
    public let libraryDirectory: URL

    /// Finds the toolchain from `SWIFT_EXEC`-style overrides or the `swift` on `PATH`, following symlinks,
    /// so that the libraries come from the same toolchain that builds the package.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Toolchain {
        let swift: URL
        if let explicit = environment["CAPCHECK_SWIFT"], !explicit.isEmpty {
            swift = URL(fileURLWithPath: explicit)
        } else if let found = findOnPath("swift", path: environment["PATH"] ?? "") {
            swift = found
        } else {
            throw CapCheckError(.toolchain, "no `swift` on PATH; install a Swift toolchain or set CAPCHECK_SWIFT to its `swift` executable")
        }
        let resolved = swift.resolvingSymlinksInPath()
        let lib = resolved.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lib")
        // Run `swift` by its own name (the driver dispatches on it); follow links only to find `usr/lib`.
        return Toolchain(swiftExecutable: swift, libraryDirectory: lib)
    }

    /// The path of a toolchain library, honouring an environment override (e.g. `CAPCHECK_LIBINDEXSTORE`).
    public func library(_ fileName: String, override variable: String,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let explicit = environment[variable], !explicit.isEmpty {
            guard FileManager.default.fileExists(atPath: explicit) else {
                throw CapCheckError(.toolchain, "\(variable) is set to \(explicit), which does not exist")
            }
            return explicit
        }
        let candidate = libraryDirectory.appendingPathComponent(fileName).path
        guard FileManager.default.fileExists(atPath: candidate) else {
            throw CapCheckError(.toolchain, """
                \(fileName) not found in the active toolchain (\(libraryDirectory.path)); \
                set \(variable) to the path of \(fileName) from your Swift toolchain
                """)
        }
        return candidate
    }

    static func findOnPath(_ name: String, path: String) -> URL? {
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
