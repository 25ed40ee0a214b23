import Foundation

/// A global actor: whenever code isolated to it runs, the runtime hops to `Worker.shared`, making it on first use. The
/// attribute on a type or an extension names the actor in no call expression (the sixteenth sweep's).
@globalActor public actor Worker {
    public static let shared = Worker()
    init() { _ = ProcessInfo.processInfo.environment["CAPCHECK_FIXTURE_WORKER"] }
}

@Worker public struct Model {
    public init() {}
    public func load() -> Int { 1 }
}

public struct Store {
    public init() {}
}

@Worker extension Store {
    public func count() -> Int { 2 }
}

/// Another global actor, named by an attribute several lines above the type's name (the seventeenth sweep's: one word
/// per line); the runtime makes `Scribe.shared` all the same.
@globalActor public actor Scribe {
    public static let shared = Scribe()
    init() { _ = FileManager.default.contents(atPath: "/tmp/capcheck-fixture-none") }
}

@Scribe
@dynamicMemberLookup
public
struct Journal {
    public nonisolated init() {}
    public func entries() -> Int { 3 }
    public subscript(dynamicMember name: String) -> Int { 0 }
}
