import CapCheckCore
import XCTest

/// `Fixtures/ImplicitApp`: code Swift runs though no call expression names it, each reached through its rule.
final class ImplicitAppTests: XCTestCase {
    nonisolated(unsafe) private static var cached: AnalysisReport?
    private func report() throws -> AnalysisReport {
        if let report = Self.cached { return report }
        let report = try Fixtures.analyse("ImplicitApp")
        Self.cached = report
        return report
    }

    func testExactViolationSet() throws {
        XCTAssertEqual(try report().violationKeys, [
            "dynamic-callable exec Foundation.Process.run()",
            "wrapped-local net socket",
            "wrapped-property env Foundation.ProcessInfo.environment",
            "wrapped-property fs Foundation.FileManager.contentsOfDirectory(atPath:)",
        ])
    }

    /// `settings.files` runs `Listed.wrappedValue`'s getter; `settings.$files` its `projectedValue`.
    func testAWrappedPropertyReachesItsWrapper() throws {
        let fs = try XCTUnwrap(report().violations.first { $0.package == "wrapped-property" && $0.capability == "fs" }).path
        XCTAssertEqual(fs.map(\.symbol).prefix(2), ["ImplicitApp.Settings.files", "WrappedProperty.Listed.wrappedValue"])
        XCTAssertEqual(fs[1].via, EdgeKind.propertyWrapper.rawValue)
        let env = try XCTUnwrap(report().violations.first { $0.package == "wrapped-property" && $0.capability == "env" }).path
        XCTAssertTrue(env.contains { $0.symbol == "WrappedProperty.Listed.projectedValue" })
    }

    /// `@Counted var count` inside `tally()`: `count += 1` runs the wrapper's setter.
    func testAWrappedLocalVariableReachesItsWrapper() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "wrapped-local" }).path
        XCTAssertEqual(path.map(\.symbol).prefix(2), ["ImplicitApp.tally()", "WrappedLocal.Counted.wrappedValue"])
    }

    func testADynamicCallableValueReachesDynamicallyCall() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "dynamic-callable" }).path
        XCTAssertTrue(path.contains { $0.symbol == "DynamicCallable.Shell.dynamicallyCall(withArguments:)" && $0.via == EdgeKind.dynamicCall.rawValue })
    }
}
