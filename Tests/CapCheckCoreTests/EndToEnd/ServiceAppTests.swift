import CapCheckCore
import XCTest

/// `Fixtures/ServiceApp` (issue 18): a library runs conformers it never names (an existential, a generic, a task
/// group over `[any Service]`), and the code that runs is a default implementation or a superclass's witness,
/// declared in a type no reached code names, or a witness declared in another package than the conformance that makes
/// it one. Each must be reached once a type that uses it is reached.
final class ServiceAppTests: XCTestCase {
    nonisolated(unsafe) private static var cached: AnalysisReport?
    private func report() throws -> AnalysisReport {
        if let report = Self.cached { return report }
        let report = try Fixtures.analyse("ServiceApp")
        Self.cached = report
        return report
    }

    func testDefaultImplementationsAndInheritedWitnessesAreReached() throws {
        let report = try report()
        XCTAssertEqual(report.violationKeys, [
            "conditional-default exec Foundation.Process.run()",
            "refined-default net socket",
            "retroactive-framework net listen",
            "retroactive-framework net socket",
            "superclass-default env Foundation.ProcessInfo.environment",
            "superclass-default fs Foundation.FileManager.fileExists(atPath:)",
        ])
        XCTAssertEqual(report.summary(of: "service-core")?.reached, [])
    }

    func testRefiningProtocolsDefaultIsReachedThroughTheBaseRequirement() throws {
        // Hummingbird's shape: `Service.run()` → `AppProtocol.run()` (a default of a refining protocol), for `App`.
        let path = try XCTUnwrap(report().violations.first { $0.package == "refined-default" }).path
        XCTAssertEqual(path.map(\.symbol).suffix(3), ["ServiceCore.Service.run()", "RefinedDefault.AppProtocol.run()", "socket"])
        XCTAssertEqual(path[path.count - 2].via, EdgeKind.witness.rawValue)
    }

    func testAWitnessDeclaredInAnotherPackageThanItsConformanceIsReached() throws {
        // Hummingbird's shape: `extension ServerBootstrap: ServerBootstrapProtocol {}`, NIO's `bind` the witness.
        let path = try XCTUnwrap(report().violations.first { $0.package == "retroactive-framework" && $0.sink == "listen" }).path
        XCTAssertEqual(path.map(\.symbol).suffix(3), ["RetroactiveFramework.BootstrapProtocol.bind(port:)", "SocketLib.Bootstrap.bind(port:)", "listen"])
        XCTAssertEqual(path[path.count - 2].via, EdgeKind.witness.rawValue)
        XCTAssertEqual(try report().summary(of: "socket-lib")?.reached, ["net"])
    }

    func testAConformerNothingConstructsStaysLatent() throws {
        let summary = try XCTUnwrap(report().summary(of: "refined-default"))
        XCTAssertEqual(summary.reached, ["net"])
        XCTAssertEqual(summary.latent, ["env"], "Daemon.run() runs only for UnusedDaemon, which nothing constructs")
    }
}
