// capcheck rule: a default implementation reached through a conditional conformance declared in an
// extension (`extension Box: Exporter where Value: Equatable`), run by a task group over `[any Service]`.
import Foundation
import ServiceCore

public protocol Exporter: Service {}

extension Exporter {
    public func run() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
    }
}

public struct Box<Value> {
    let value: Value

    public init(_ value: Value) { self.value = value }
}

extension Box: Service where Value: Equatable {}
extension Box: Exporter where Value: Equatable {}
