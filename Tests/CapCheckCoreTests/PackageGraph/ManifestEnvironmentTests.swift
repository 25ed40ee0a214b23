@testable import CapCheckCore
import XCTest

/// The package-graph cache is keyed on the environment variables manifests name, and on all of it when a manifest
/// could read the environment some other way.
final class ManifestEnvironmentTests: XCTestCase {
    func testVariablesNamedByLiteralsAreRead() {
        let manifest = #"""
        // The SWIFTCI_IGNORED environment variable in a comment is not read; nor is "environment" in a string.
        import class Foundation.ProcessInfo
        let note = "reads the environment"
        if ProcessInfo.processInfo.environment["SWIFTCI_USE_LOCAL_DEPS"] == nil {}
        if Context.environment [ "SPI_BUILDER" ] == "1" {}
        /* nested /* block */ getenv(name) */
        let flag = getenv("MY_FLAG") != nil
        #if canImport(Darwin)
        let settings: [SwiftSetting] = [.unsafeFlags(["-Onone"])]
        #endif
        let products: [Product] = [.executable(name: "x", targets: ["x"])]
        switch kind { case .macro, .plugin, .system, .binary: break }
        """#
        XCTAssertEqual(ManifestEnvironment.variablesRead(by: manifest), ["SWIFTCI_USE_LOCAL_DEPS", "SPI_BUILDER", "MY_FLAG"])
    }

    func testOtherWaysToTheEnvironmentReadAllOfIt() {
        let opaque = [
            #"let env = ProcessInfo.processInfo.environment; if env["X"] != nil {}"#,
            #"for (k, _) in ProcessInfo.processInfo.environment where k.hasPrefix("A") {}"#,
            #"let name = "SECRET"; _ = ProcessInfo.processInfo.environment[name]"#,
            #"_ = ProcessInfo.processInfo.environment["\(prefix)_TOKEN"]"#,
            #"_ = getenv("A" + "B")"#,
            #"var p = environ"#,
            #"let argv = CommandLine.unsafeArgv"#,
            #"let text = try String(contentsOfFile: "/proc/self/environ")"#,
            #"let data = FileManager.default.contents(atPath: path)"#,
            #"let fd = open("/proc/self/environ", 0)"#,
            #"@_silgen_name("getenv") func quietly(_: UnsafePointer<CChar>) -> UnsafeMutablePointer<CChar>?"#,
            #"let handle = dlopen(nil, 0)"#,
            #"let p = Process()"#,
        ]
        for manifest in opaque {
            XCTAssertNil(ManifestEnvironment.variablesRead(by: manifest), manifest)
        }
    }

    func testTheKeyTakesOnlyWhatCanMatter() {
        let environment = ["_": "/usr/bin/time", "CI_JOB_ID": "7", "CAPCHECK_NATIVE_PREFILTER": "0", "MY_FLAG": "1",
                           "PATH": "/bin", "SWIFTPM_MODULECACHE_OVERRIDE": "/m", "HOME": "/h",
                           "LD_LIBRARY_PATH": "/opt/swift/usr/lib/swift/linux"]
        let reading = #"let f = getenv("MY_FLAG")"#
        XCTAssertEqual(ManifestEnvironment.relevantEntries(of: environment, manifests: [reading, "let x = 1"]),
                       ["HOME=/h", "MY_FLAG=1", "PATH=/bin", "SWIFTPM_MODULECACHE_OVERRIDE=/m"])
        XCTAssertEqual(ManifestEnvironment.relevantEntries(of: environment, manifests: [reading, "var p = environ"]).count,
                       environment.count - 1, "everything but the shell's `_`")
    }

    func testRawAndMultilineLiterals() {
        let (code, literals) = ManifestEnvironment.codeAndLiterals(of: "a = #\"x\"y\"# + \"\"\"\n  z\n  \"\"\" + \"q\\\"r\"")
        XCTAssertEqual(code, #"a = "0" + "1" + "2""#)
        XCTAssertEqual(literals, ["x\"y", "\n  z\n  ", nil])
    }
}
