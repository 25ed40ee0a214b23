@testable import CapCheckCore
import Foundation
import XCTest

/// How the human formats show files and unanalysed code, and that JSON keeps both whole.
final class ReportPresentationTests: XCTestCase {
    private let folders = PackageFolders(root: "/home/dev/app", dependencies: [
        "swift-nio": "/home/dev/app/.build/checkouts/swift-nio", "yams": "/home/dev/app/Packages/yams", "c-hooks": "/home/dev/shared/c-hooks/",
    ])

    func testFilesAreShownRelativeToTheRootOrInsideTheirDependency() {
        let paths = PathDisplay(folders, absolute: false)
        XCTAssertEqual(paths.show("/home/dev/app/Sources/App/main.swift"), "Sources/App/main.swift")
        XCTAssertEqual(paths.show("/home/dev/app/.build/checkouts/swift-nio/Sources/NIOCore/ByteBuffer.swift"), "swift-nio/Sources/NIOCore/ByteBuffer.swift")
        XCTAssertEqual(paths.show("/home/dev/app/Packages/yams/Sources/Yams/Parser.swift"), "yams/Sources/Yams/Parser.swift", "the dependency's folder, not the root's")
        XCTAssertEqual(paths.show("/home/dev/shared/c-hooks/hooks.c"), "c-hooks/hooks.c", "a dependency outside the root's folder")
        XCTAssertEqual(paths.show("/home/dev/app/.build/plugins/outputs/x.swift"), ".build/plugins/outputs/x.swift")
        XCTAssertEqual(paths.show("/usr/include/stdlib.h"), "/usr/include/stdlib.h", "outside every package: as it is")
        XCTAssertEqual(paths.show("/home/dev/application/main.swift"), "/home/dev/application/main.swift", "only whole folder names match")
        XCTAssertEqual(PathDisplay(folders, absolute: true).show("/home/dev/app/Sources/App/main.swift"), "/home/dev/app/Sources/App/main.swift")
        XCTAssertEqual(PathDisplay(PackageFolders(), absolute: false).show("/home/dev/app/a.swift"), "/home/dev/app/a.swift", "a report without folders")
    }

    func testAnAuditFoldsTheMiddleOfLongPathsAndLatentPathsUnlessVerbose() throws {
        let long = (1...7).map { GoldenReports.hop("f\($0)()", $0 < 7 ? "swift-nio" : "toolchain", "\(GoldenReports.nio)/Sources/F.swift", $0, 1) }
        let package = PackageSummary(identity: "swift-nio", granted: [], reached: ["net"], latent: ["fs"],
                                     reachedPaths: ["net": long], latentPaths: ["fs": Array(long.prefix(2))], path: GoldenReports.nio)
        let report = AnalysisReport(root: "app", violations: [], packages: [package], unanalyzed: [], packagePath: GoldenReports.root)
        let text = try TextFormatter().format(report, mode: .audit)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix("    ") }.map(String.init), [
            "    swift-nio/Sources/F.swift:1:1: f1() (swift-nio)",
            "    … 4 more hops",
            "    swift-nio/Sources/F.swift:6:1: f6() (swift-nio)",
            "    swift-nio/Sources/F.swift:7:1: f7() (toolchain)",
        ], "the root's entry, the fold, and how the package reaches the sink; no latent path")
        let verbose = try TextFormatter(options: FormatOptions(verbose: true)).format(report, mode: .audit)
        XCTAssertEqual(verbose.split(separator: "\n").filter { $0.hasPrefix("    ") }.count, 9, "every hop of both paths")
    }

    func testEntriesOfOneTargetAndKindAreCountedWhereTheFirstStood() {
        let lines = UnanalysedLine.lines(GoldenReports.unanalyzed, verbose: false)
        XCTAssertEqual(lines.map { line -> String in
            switch line {
            case .entry(let entry): return "entry \(entry.package) \(entry.target ?? "-")"
            case .folded(let package, let target, let kind, let entries): return "\(entries.count) \(package) \(target ?? "-") \(kind.rawValue)"
            }
        }, [
            "3 swift-crypto CCryptoBoringSSL assemblySource",
            "3 yams Yams inactiveCode",
            "entry swift-crypto CCryptoExtras",
            "entry c-hooks CZlib",
            "entry vault -",
            "entry vault -",
        ], "a single entry of its kind stays as it is; entries without a kind are never counted together")
        XCTAssertEqual(UnanalysedLine.lines(GoldenReports.unanalyzed, verbose: true), GoldenReports.unanalyzed.map(UnanalysedLine.entry))
    }

    func testFoldedAndSingleLinesAreWorded() {
        let paths = PathDisplay(GoldenReports.check.folders, absolute: false)
        let lines = UnanalysedLine.lines(GoldenReports.unanalyzed, verbose: false).map { Wording.unanalysed($0, paths) }
        XCTAssertEqual(lines[0], "swift-crypto: CCryptoBoringSSL: 3 assembly sources not read")
        XCTAssertEqual(lines[1], "yams: Yams: 3 references in `#if` branches this build does not compile (env, fs, unsafe)")
        XCTAssertEqual(lines[2], "swift-crypto: assembly source swift-crypto/Sources/CCryptoExtras/asm/poly1305.S of target CCryptoExtras: machine code capcheck does not read")
    }

    /// JSON lists every entry with its absolute paths, whatever the human formats fold or shorten.
    func testJSONKeepsEveryEntryAndAbsolutePaths() throws {
        let json = try JSONFormatter().format(GoldenReports.check, mode: .check)
        let decoded = try JSONDecoder().decode(AnalysisReport.self, from: Data(json.utf8))
        XCTAssertEqual(decoded.unanalyzed, GoldenReports.unanalyzed)
        XCTAssertEqual(decoded.violations, GoldenReports.check.violations)
        XCTAssertEqual(decoded.packages.map(\.path), GoldenReports.packages.map(\.path))
        XCTAssertTrue(json.contains("\"file\" : \"/home/dev/app/.build/checkouts/swift-crypto/Sources/CCryptoBoringSSL/gen/bcm/sha256-x86_64-linux.S\""), json)
    }

    /// Reports written before 0.2.0 (no versions, kinds, targets or package folders) still decode, and a kind a later
    /// capcheck adds decodes as none.
    func testOlderAndNewerReportsDecode() throws {
        let old = """
            { "schemaVersion": 1, "root": "app", "violations": [], "unusedGrants": [],
              "packages": [ { "identity": "app", "granted": [], "reached": [], "latent": [], "reachedPaths": {}, "latentPaths": {} } ],
              "unanalyzed": [ { "package": "x", "reason": "r" }, { "package": "y", "reason": "s", "kind": "somethingNew", "target": "T" } ] }
            """
        let report = try JSONDecoder().decode(AnalysisReport.self, from: Data(old.utf8))
        XCTAssertNil(report.capcheckVersion)
        XCTAssertNil(report.catalogToolchain)
        XCTAssertNil(report.packages[0].path)
        XCTAssertEqual(report.unanalyzed.map(\.kind), [nil, nil])
        XCTAssertEqual(report.unanalyzed[1].target, "T")
        XCTAssertNil(Wording.footer(report))
    }
}
