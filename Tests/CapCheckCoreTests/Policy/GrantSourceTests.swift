@testable import CapCheckCore
import Foundation
import XCTest

/// Grants bound to where a package comes from (issue 14): a package resolved from another place than its grant's
/// `source` does not get the grant, and the check says so, naming both places.
final class GrantSourceTests: XCTestCase {
    func testURLsCompareTheWaySwiftPMComparesThem() {
        let root = URL(fileURLWithPath: "/virtual/app")
        let canonical = PackageLocation("https://github.com/jpsim/Yams", relativeTo: root)
        for same in ["https://github.com/jpsim/Yams.git", "https://GitHub.com/jpsim/yams/", "git@github.com:jpsim/Yams.git",
                     "ssh://git@github.com/jpsim/Yams", "http://github.com/jpsim/Yams"] {
            XCTAssertEqual(PackageLocation(same, relativeTo: root), canonical, same)
        }
        for other in ["https://github.com/someone-else/Yams", "https://gitlab.com/jpsim/Yams", "../Yams"] {
            XCTAssertNotEqual(PackageLocation(other, relativeTo: root), canonical, other)
        }
        XCTAssertEqual(PackageLocation("../Packages/yams", relativeTo: root), PackageLocation("/virtual/Packages/yams", relativeTo: root))
    }

    /// A path dependency moved to another folder keeps its identity; a grant bound to the old folder no longer applies.
    func testAGrantBoundToItsSourceIsWithdrawnFromAPackageFromElsewhere() throws {
        let copy = try Fixtures.copy("DemoApp", for: self)
        let package = copy.packagePath
        func check(_ policy: String, strict: Bool = false) throws -> CLI.Outcome {
            try policy.write(to: package.appendingPathComponent("capabilities.json"), atomically: true, encoding: .utf8)
            return try CLI.run(["check", "--package-path", package.path, "--quiet"] + (strict ? ["--strict"] : []))
        }
        let bound = #"{ "version": 1, "unlisted": "inherit", "packages": { "granted-fs": { "allow": ["fs", "net", "ffi", "unsafe"], "source": "../Packages/granted-fs" } } }"#
        let applies = try check(bound)
        XCTAssertNotEqual(applies.status, 2, "the grant applies where it was written for: \(applies.stderr)")

        // Move granted-fs elsewhere (same identity) and point DemoApp at it.
        let elsewhere = package.deletingLastPathComponent().appendingPathComponent("Elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: copy.path("Packages/granted-fs"), to: elsewhere.appendingPathComponent("granted-fs"))
        let manifest = package.appendingPathComponent("Package.swift")
        try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: "../Packages/granted-fs", with: "../Elsewhere/granted-fs")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let withdrawn = try check(bound)
        XCTAssertEqual(withdrawn.status, 2, withdrawn.stdout + withdrawn.stderr)
        XCTAssertTrue(withdrawn.stderr.contains("../Packages/granted-fs") && withdrawn.stderr.contains("../Elsewhere/granted-fs"),
                      withdrawn.stderr)
        XCTAssertTrue(withdrawn.stderr.contains("capabilities.json:1:"), "says where: \(withdrawn.stderr)")

        // Without "source" the grant keeps working, and --strict warns that it is not bound.
        let unbound = #"{ "version": 1, "unlisted": "inherit", "packages": { "granted-fs": { "allow": ["fs", "net", "ffi", "unsafe"] } } }"#
        XCTAssertNotEqual(try check(unbound).status, 2)
        let strict = try check(unbound, strict: true)
        XCTAssertTrue(strict.stderr.contains("names no \"source\"") && strict.stderr.contains("../Elsewhere/granted-fs"), strict.stderr)
    }
}
