@testable import CapCheckCore
import XCTest

/// A dependency with a binary target (a static library in an artifact bundle, built by the real toolchain):
/// importing its module is `ffi` for the package, which must be granted by name (an inherited grant is not
/// enough), and the prebuilt code is listed as unanalysed.
final class BinaryTargetTests: XCTestCase {
    func testImportingABinaryTargetsModuleNeedsAnExplicitFFIGrant() throws {
        // capabilities.json says `"unlisted": "inherit"`: binary-vendor inherits the root's grant, ffi included.
        let report = try Fixtures.analyse("BinaryApp")
        let violation = try XCTUnwrap(report.violations.first { $0.sink.hasPrefix("binary target VendorBinary") })
        XCTAssertEqual(violation.package, "binary-vendor")
        XCTAssertEqual(violation.capability, "ffi")
        XCTAssertEqual(violation.sink, "binary target VendorBinary (VendorBinary.artifactbundle)")
        // Linked into the program, its prebuilt code runs from program start, called or not (constructors, ifunc
        // resolvers, a C library function it defines): the shortest path is program start → its module → its code.
        XCTAssertEqual(violation.path.first?.symbol.hasPrefix("program start") ?? false, true, "\(violation.path.map(\.symbol))")
        XCTAssertEqual(violation.path.map(\.symbol).suffix(2), ["module VendorBinary", "binary target VendorBinary (VendorBinary.artifactbundle)"])
        XCTAssertTrue(report.unanalyzed.contains { $0.package == "binary-vendor" && $0.reason.contains("prebuilt code") })

        let granted = try Fixtures.analyse("BinaryApp", policy: #"{ "version": 1, "packages": { "binary-vendor": { "allow": ["ffi"] } } }"#)
        XCTAssertEqual(granted.violations.map(\.sink), [])
    }
}
