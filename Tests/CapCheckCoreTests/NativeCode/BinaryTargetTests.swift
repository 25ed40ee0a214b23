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
        // The module is found by reading the bundle's module map: it is named CVendor, not like the target.
        XCTAssertEqual(violation.path.map(\.symbol).suffix(2), ["module CVendor", "binary target VendorBinary (VendorBinary.artifactbundle)"])
        let importHop = violation.path[violation.path.count - 2]
        XCTAssertTrue(importHop.file.hasSuffix("binary-vendor/Sources/VendorSwift/Vendor.swift"))
        XCTAssertEqual(importHop.line, 1)
        XCTAssertTrue(report.unanalyzed.contains { $0.package == "binary-vendor" && $0.reason.contains("prebuilt code") })

        let granted = try Fixtures.analyse("BinaryApp", policy: #"{ "version": 1, "packages": { "binary-vendor": { "allow": ["ffi"] } } }"#)
        XCTAssertEqual(granted.violations.map(\.sink), [])
    }
}
