// capcheck: `EnvSettings().home` names no member called `home`: `@dynamicMemberLookup` runs `subscript(dynamicMember:)`,
// which reads the environment; `probe()` names no `callAsFunction`, which reads a file.
import Foundation

@dynamicMemberLookup
public struct EnvSettings {
    public init() {}
    public subscript(dynamicMember name: String) -> String? {
        ProcessInfo.processInfo.environment[name.uppercased()]
    }
}

public struct FileProbe {
    public init() {}
    public func callAsFunction() -> Bool {
        FileManager.default.isReadableFile(atPath: "/etc/hostname")
    }
}
