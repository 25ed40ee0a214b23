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
