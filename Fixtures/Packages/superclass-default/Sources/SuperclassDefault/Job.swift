// capcheck rule: a default implementation reached through a superclass's conformance: `BaseJob` adopts
// `Job` (which refines `Service`), the root constructs only the subclass `NightlyJob`.
import Foundation
import ServiceCore

public protocol Job: Service {}

extension Job {
    public func run() async throws {
        _ = ProcessInfo.processInfo.environment["CAPCHECK_JOB_TOKEN"]
    }
}

open class BaseJob: Job {
    public init() {}
}

public final class NightlyJob: BaseJob {}

// A witness declared in a base class, run on a value of a subclass that adds an initializer of its own.
open class BaseWorker: Service {
    public init() {}

    public func run() async throws {
        _ = FileManager.default.fileExists(atPath: "/tmp/capcheck-worker")
    }
}

public final class Worker: BaseWorker {
    public init(label: String) {
        self.label = label
    }

    let label: String
}
