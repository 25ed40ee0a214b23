// A service-lifecycle library (the shape of swift-service-lifecycle): a protocol and three ways to run
// conformers it never names — an existential, a generic, and a task group over `[any Service]`.
public protocol Service {
    func run() async throws
}

public func runExistential(_ service: any Service) async throws {
    try await service.run()
}

public func runGeneric<S: Service>(_ service: S) async throws {
    try await service.run()
}

public struct ServiceGroup {
    let services: [any Service]

    public init(services: [any Service]) { self.services = services }

    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in services {
                group.addTask { try await service.run() }
            }
            try await group.waitForAll()
        }
    }
}
