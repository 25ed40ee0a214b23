import Foundation

/// A path an environment variable gives in place of the one capcheck would find itself (`CAPCHECK_SWIFT`,
/// `CAPCHECK_LIBINDEXSTORE`, `CAPCHECK_LIBCLANG`, `CAPCHECK_BWRAP`…). Every error about it names the variable and
/// its value and says what to do.
public struct EnvironmentOverride: Sendable, Equatable {
    public let variable: String
    public let value: String

    /// The override, when `variable` is set and not empty.
    public init?(_ variable: String, in environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let value = environment[variable], !value.isEmpty else { return nil }
        self.variable = variable
        self.value = value
    }

    /// `CAPCHECK_SWIFT=/path/to/swift`, for messages.
    public var description: String { "\(variable)=\(value)" }

    /// The path, after checking that it names an existing file (an executable one when `executable`).
    /// `expected` says what it should name ("the path of libclang.so"), `otherwise` what unsetting it does
    /// ("use the `swift` on PATH").
    /// - Throws: `CapCheckError(.toolchain, …)` naming the variable, its value, what is wrong and what to do.
    public func file(executable: Bool = false, expected: String, otherwise: String) throws -> String {
        var isDirectory: ObjCBool = false
        let problem: String
        if !FileManager.default.fileExists(atPath: value, isDirectory: &isDirectory) {
            problem = "which does not exist"
        } else if isDirectory.boolValue {
            problem = "which is a folder, not a file"
        } else if executable, !FileManager.default.isExecutableFile(atPath: value) {
            problem = "which is not executable"
        } else {
            return value
        }
        throw CapCheckError(.toolchain, "\(variable) is set to \(value), \(problem); set it to \(expected), or unset it to \(otherwise)")
    }
}
