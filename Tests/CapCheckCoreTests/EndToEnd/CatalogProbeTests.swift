import CapCheckCore
import XCTest

/// `Fixtures/CatalogProbe`: one dependency per catalog entry family, each calling one representative sink
/// through the real toolchain, must reach exactly its capability — and `probe-pure`, full of everyday
/// Foundation and stdlib calls and writes to open descriptors, nothing.
final class CatalogProbeTests: XCTestCase {
    static let expected: [String: [String]] = [
        "probe-fs-foundation": ["fs"], "probe-fs-string": ["fs"], "probe-fs-dispatch": ["fs"], "probe-fs-libc": ["fs"],
        // Foundation's URL loader in a program that links FoundationNetworking fetches an http: URL too.
        "probe-url-loader": ["fs", "net"],
        "probe-net-foundation": ["net"], "probe-net-libc": ["net"],
        "probe-exec-foundation": ["exec"], "probe-exec-libc": ["exec"],
        "probe-env-foundation": ["env"], "probe-env-libc": ["env"],
        "probe-unsafe-stdlib": ["unsafe"], "probe-unsafe-pointer": ["unsafe"], "probe-unsafe-foundation": ["unsafe"],
        "probe-ffi-dlopen": ["ffi"],
        "probe-pure": [],
    ]

    func testEachProbeReachesExactlyItsCapability() throws {
        let report = try Fixtures.analyse("CatalogProbe", usePolicy: false)
        for (identity, capabilities) in Self.expected {
            let summary = try XCTUnwrap(report.summary(of: identity), identity)
            XCTAssertEqual(summary.reached.sorted(), capabilities, identity)
            XCTAssertEqual(summary.latent, [], identity)
        }
        XCTAssertEqual(Set(report.packages.map(\.identity)), Set(Self.expected.keys).union(["catalogprobe"]))
        XCTAssertEqual(report.summary(of: "catalogprobe")?.reached.sorted(), ["env", "exec", "fs", "net"], "effects propagate to the root")
    }

    /// Denying everything names each sink as the catalog reports it: family-qualified for Swift, bare for C.
    func testEachProbeIsReportedWithItsSink() throws {
        let report = try Fixtures.analyse("CatalogProbe", policy: #"{ "version": 1, "packages": {} }"#)
        XCTAssertEqual(report.violationKeys, [
            "probe-env-foundation env Foundation.ProcessInfo.environment",
            "probe-env-libc env getenv",
            "probe-exec-foundation exec Foundation.Process.run()",
            "probe-exec-libc exec kill",
            "probe-ffi-dlopen ffi dlopen",
            "probe-fs-dispatch fs Dispatch.DispatchIO.init(type:path:oflag:mode:queue:cleanupHandler:)",
            "probe-fs-foundation fs Foundation.FileManager.removeItem(atPath:)",
            "probe-fs-libc fs unlink",
            "probe-fs-string fs Foundation.String.init(contentsOfFile:encoding:)",
            "probe-net-foundation net Foundation.URLSession.dataTask(with:)",
            "probe-net-foundation net Foundation.URLSessionTask.resume()",
            "probe-net-libc net socket",
            "probe-unsafe-foundation unsafe Foundation.Data.withUnsafeBytes(_:)",
            "probe-unsafe-foundation unsafe Swift.UnsafeRawBufferPointer",
            "probe-unsafe-pointer unsafe Swift.UnsafeMutablePointer",
            "probe-unsafe-stdlib unsafe Swift.unsafeBitCast(_:to:)",
            "probe-url-loader fs Foundation.Data.init(contentsOf:options:)",
            "probe-url-loader net Foundation.Data.init(contentsOf:options:)",
        ])
    }
}
