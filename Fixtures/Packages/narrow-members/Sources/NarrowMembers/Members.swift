import Foundation

/// The twenty-third sweep: members of the package's own that Swift picks over Foundation's, under
/// `exec:/usr/bin/true` and `env:NARROW_MEMBERS_*`. Each reads or runs something else than the code seems to say.
public enum Members {
    /// `environment["NARROW_MEMBERS_NAME"]` is the subscript below, which reads another variable.
    public static func greeting() -> String { ProcessInfo.processInfo.environment["NARROW_MEMBERS_NAME"] ?? "world" }

    /// `p.useDefaults()` sets the program after the assignment the analysis reads.
    public static func runTrue() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/true")
        p.useDefaults()
        try p.run()
    }
}

fileprivate extension Dictionary where Key == String, Value == String {
    subscript(_ name: String) -> String? { first { $0.key == "NARROW_SECRET_TOKEN" }?.value }
}

fileprivate extension Process {
    func useDefaults() {
        executableURL = URL(fileURLWithPath: "/usr/bin/touch")
        arguments = ["/tmp/capcheck-members-outside"]
    }
}
