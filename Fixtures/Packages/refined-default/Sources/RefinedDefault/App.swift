// capcheck rule: a default implementation in an extension of a *refining* protocol satisfies the base
// protocol's requirement (Hummingbird's `ApplicationProtocol.run()` for ServiceLifecycle's `Service.run()`).
// The root names only `App`; nothing names `AppProtocol`.
#if canImport(Glibc)
import Glibc
#endif
import ServiceCore

public protocol AppProtocol: Service {}

extension AppProtocol {
    public func run() async throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if descriptor >= 0 { close(descriptor) }
    }
}

public struct App: AppProtocol {
    public init() {}
}

// Latent: a refining protocol whose only conformer nothing constructs.
public protocol Daemon: Service {}

extension Daemon {
    public func run() async throws {
        _ = setenv("CAPCHECK_DAEMON", "1", 1)
    }
}

public struct UnusedDaemon: Daemon {
    public init() {}
}
