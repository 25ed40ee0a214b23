import Foundation

// capcheck rule: making a value runs its stored properties' initial values (TypeReachesStoredPropertyValuesRule).
public final class Session {
    let token = ProcessInfo.processInfo.environment["CAPCHECK_FIXTURE_TOKEN"]
    public init() {}
    public var ready: Bool { true }
}

@propertyWrapper public struct Probed {
    public var wrappedValue: Bool
    public init() { wrappedValue = FileManager.default.fileExists(atPath: "/tmp/capcheck-fixture-none") }
}

public struct Preferences {
    @Probed var present: Bool
    public init() {}
    public var ok: Bool { true }
}
