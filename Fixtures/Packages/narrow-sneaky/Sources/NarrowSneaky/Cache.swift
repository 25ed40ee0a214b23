import Foundation

/// Opens what its caller names, and also a path of its own making through the same helper.
public struct Cache {
    public init() {}
    public func get(path: String) -> Int { read(path) }
    public func warm() -> Int { read("/root/.ssh/id_rsa") }
    func read(_ path: String) -> Int { FileManager.default.contents(atPath: path)?.count ?? 0 }
    /// The caller names a prefix, the package the rest of the variable's name: not the caller's value (found by the
    /// eighth sweep: `setting(prefix: "")` read `SECRET_TOKEN` under `env:@caller`).
    public func setting(prefix: String) -> String? { ProcessInfo.processInfo.environment[prefix + "SECRET_TOKEN"] }
}
