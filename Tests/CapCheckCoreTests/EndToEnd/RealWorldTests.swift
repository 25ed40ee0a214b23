import CapCheckCore
import XCTest

/// Real packages from the local mirrors (Fixtures/RealWorld depends on swift-log 1.16.2 and Yams 6.2.2).
final class RealWorldTests: XCTestCase {
    nonisolated(unsafe) private static var cached: AnalysisReport?
    private func audit() throws -> AnalysisReport {
        if let report = Self.cached { return report }
        let report = try Fixtures.analyse("RealWorld", usePolicy: false)
        Self.cached = report
        return report
    }

    /// swift-log opens no file, socket or process; its `StreamLogHandler` time stamps read the time zone (`TZ` and
    /// `/etc/localtime`, through `localtime` and `strftime`), which the run-time oracle showed (docs/real-world.md).
    func testSwiftLogReachesOnlyTheTimeZoneBeyondUnsafe() throws {
        let log = try XCTUnwrap(audit().summary(of: "swift-log"))
        XCTAssertTrue(Set(log.reached).isDisjoint(with: ["net", "exec"]), "swift-log reached \(log.reached)")
        XCTAssertEqual(log.reachedSinks["env"], ["localtime", "strftime"])
        XCTAssertEqual(log.reachedSinks["fs"], ["localtime", "strftime"])
        XCTAssertTrue(log.reached.contains("unsafe"), "StdioOutputStream uses raw pointers")
    }

    func testYamsReachesFFIAndUnsafeThroughCYaml() throws {
        let yams = try XCTUnwrap(audit().summary(of: "yams"))
        XCTAssertTrue(Set(yams.reached).isSuperset(of: ["ffi", "unsafe"]), "yams reached \(yams.reached)")
        let ffi = try XCTUnwrap(yams.reachedPaths["ffi"])
        XCTAssertTrue(ffi.last?.symbol.hasPrefix("yaml_") == true, "the ffi sink is a libyaml function: \(ffi.last?.symbol ?? "")")
        XCTAssertEqual(ffi.last?.package, "yams", "CYaml is Yams' own C target")
    }

    /// A true finding: `Parser.Encoding.default`, the default argument of `load(yaml:)`, reads the environment.
    func testYamsReadsTheEnvironmentThroughItsDefaultEncoding() throws {
        let yams = try XCTUnwrap(audit().summary(of: "yams"))
        let env = try XCTUnwrap(yams.reachedPaths["env"])
        XCTAssertTrue(env.contains { $0.symbol == "Yams.Parser.Encoding.default" })
        XCTAssertEqual(env.last?.symbol, "FoundationEssentials.ProcessInfo.environment")
    }

    /// The libclang pass reads CYaml's C sources with SwiftPM's flags: none is left unanalysed. What is listed is
    /// swift-log's code for other systems, in `#if` branches this build does not compile: its lock code, and the
    /// Windows time stamp's `strftime` (which reads the time zone); and the unsafe flags its manifest gives two targets.
    func testYamsCSourcesAreParsedCleanly() throws {
        let all = try audit().unanalyzed
        XCTAssertEqual(all.filter { $0.kind == .unsafeFlags }.map { "\($0.package) \($0.target ?? "")" },
                       ["swift-log Logging", "swift-log InMemoryLogging"])
        let unanalyzed = all.filter { $0.kind != .unsafeFlags }
        XCTAssertEqual(unanalyzed.filter { $0.condition == nil }, [])
        XCTAssertEqual(Set(unanalyzed.map { "\($0.package) \(URL(fileURLWithPath: $0.file ?? "").lastPathComponent) \($0.capability ?? "")" }),
                       ["swift-log Locks.swift unsafe", "swift-log StreamLogHandler.swift fs"])
        XCTAssertTrue(unanalyzed.allSatisfy { $0.condition?.contains("os(Windows)") == true || $0.condition?.contains("os(FreeBSD)") == true },
                      "\(unanalyzed.map(\.condition))")
    }

    func testMinimalPolicyForTheRealGraphPasses() throws {
        let policy = """
        { "version": 1, "packages": {
            "swift-log": { "allow": ["unsafe", "ffi", "env", "fs"], "reason": "stdio streams; time stamps read the time zone" },
            "yams": { "allow": ["ffi", "unsafe", "env"], "reason": "libyaml C core; YAMLDecoder reads YAMS_DEFAULT_ENCODING" } } }
        """
        let report = try Fixtures.analyse("RealWorld", policy: policy)
        XCTAssertEqual(report.violationKeys, [])
    }
}
