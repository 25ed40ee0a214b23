@testable import CapCheckCore
@testable import CapCheckPackageGraph
import CapCheckModel
import CapCheckSupport
import Foundation
import XCTest

/// A file added to a dependency after the build: with `--skip-build` the index store is stale and capcheck says to
/// build; a run that builds makes SwiftPM replan (its plan tracks only the root's files), compiles it and analyses it.
/// A deleted file's unit is dropped (issue 16, case 5). A source changed after the build makes the store stale too.
/// Each test works on a copy of CacheApp (`Fixtures.copy`): the committed fixtures are never edited.
final class StaleIndexTests: XCTestCase {
    func testASourceChangedAfterTheBuildIsAStaleIndexStore() throws {
        let copy = try Fixtures.copy("CacheApp", for: self)
        try copy.build()
        XCTAssertNoThrow(try copy.analyse())
        let source = copy.path("Packages/cache-swift-dep/Sources/CacheSwiftDep/Entry.swift").path
        Thread.sleep(forTimeInterval: 1.5)  // a change more than a second after the unit was written
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: source)
        XCTAssertThrowsError(try copy.analyse()) { error in
            let error = error as? CapCheckError
            XCTAssertEqual(error?.kind, .indexStore)
            XCTAssertTrue(error?.message.contains("stale") == true && error?.message.contains("Entry.swift") == true, "\(String(describing: error))")
        }
    }

    /// The twenty-sixth sweep's: a header edited after the build (its macro, expanded in a C source, made to call
    /// `mkdir`) left that source's records describing the old code, and `--skip-build` passed.
    func testAHeaderChangedAfterTheBuildIsAStaleIndexStore() throws {
        let copy = try Fixtures.copy("CacheApp", for: self)
        try copy.build()
        XCTAssertNoThrow(try copy.analyse())
        let header = copy.path("Packages/cache-c-dep/Sources/CCacheDep/include/ccachedep.h").path
        Thread.sleep(forTimeInterval: 1.5)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: header)
        XCTAssertThrowsError(try copy.analyse()) { error in
            let message = (error as? CapCheckError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("stale") && message.contains("ccachedep.h, which") && message.contains("entry.c includes"), message)
        }
    }

    /// The twenty-seventh sweep's: after `swift build --build-tests`, an edit of a test file made every `capcheck check`
    /// (which neither builds nor analyses tests) stop on a stale store that no build of it rewrites. Only the modules the
    /// run's build compiles are judged: the edit stops a run that includes tests, which builds them.
    func testAnEditedTestFileStopsOnlyARunThatIncludesTests() throws {
        let copy = try Fixtures.copy("TestScopeApp", for: self)
        try PackageBuilder(toolchain: Toolchain.locate(), packagePath: copy.packagePath, scratchPath: copy.scratchPath)
            .build(includeTests: true, echoProgress: false)
        let test = copy.packagePath.appendingPathComponent("Tests/ScopeAppTests/SnapshotTests.swift").path
        Thread.sleep(forTimeInterval: 1.5)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: test)
        XCTAssertNoThrow(try copy.analyse(skipBuild: true, usePolicy: false))
        var options = copy.options(skipBuild: true, mode: .audit)
        options.includeTests = true
        XCTAssertThrowsError(try Analyzer(options: options).run()) { error in
            let message = (error as? CapCheckError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("stale") && message.contains("SnapshotTests.swift"), message)
        }
    }

    /// A file dated in the future is older than no build: the error says so, and what to do, instead of asking for a
    /// rebuild that cannot help (the twenty-seventh sweep's clock skew).
    func testAFileDatedInTheFutureSaysSo() throws {
        let copy = try Fixtures.copy("CacheApp", for: self)
        try copy.build()
        let header = copy.path("Packages/cache-c-dep/Sources/CCacheDep/include/ccachedep.h").path
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(900)], ofItemAtPath: header)
        XCTAssertThrowsError(try copy.analyse()) { error in
            let message = (error as? CapCheckError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("ccachedep.h") && message.contains("is dated in the future") && message.contains("touch"), message)
        }
    }

    /// The twenty-second sweep's: a target the root gained after the build has no unit at all, and with --skip-build its
    /// code went unread with check passing. The root's targets are always built, so one without a unit is a stale store.
    func testARootTargetAddedAfterTheBuildIsAStaleIndexStore() throws {
        let copy = try Fixtures.copy("CacheApp", for: self)
        try copy.build()
        let manifest = copy.packagePath.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "    targets: [\n", with: "    targets: [\n        .executableTarget(name: \"Later\"),\n")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let later = copy.packagePath.appendingPathComponent("Sources/Later")
        try FileManager.default.createDirectory(at: later, withIntermediateDirectories: true)
        try "import Foundation\n_ = FileManager.default.contents(atPath: \"/etc/hostname\")\n"
            .write(to: later.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try copy.analyse(skipBuild: true, usePolicy: false)) { error in
            let message = (error as? CapCheckError)?.message ?? ""
            XCTAssertTrue(message.contains("no unit for target Later of the root package") && message.contains("--skip-build"), message)
        }
    }

    func testAFileAddedToADependencyIsBuiltAndAnalysedAndADeletedOneIsGone() throws {
        let copy = try Fixtures.copy("CacheApp", for: self)
        func audit(skipBuild: Bool) throws -> AnalysisReport { try copy.analyse(skipBuild: skipBuild, usePolicy: false) }
        XCTAssertEqual(try audit(skipBuild: false).summary(of: "cache-swift-dep")?.latent, [])

        let added = copy.path("Packages/cache-swift-dep/Sources/CacheSwiftDep/Added.swift")
        try "import Foundation\nfunc added() { _ = FileManager.default.contents(atPath: \"/etc/hostname\") }\n"
            .write(to: added, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try audit(skipBuild: true)) { error in
            let message = (error as? CapCheckError)?.message ?? ""
            XCTAssertTrue(message.contains("Added.swift") && message.contains("has no index unit"), message)
            XCTAssertTrue(message.contains("run without --skip-build"), message)
        }
        XCTAssertEqual(try audit(skipBuild: false).summary(of: "cache-swift-dep")?.latent, ["fs"], "the added file is built and analysed")

        try FileManager.default.removeItem(at: added)
        let report = try audit(skipBuild: false)
        XCTAssertEqual(report.summary(of: "cache-swift-dep")?.latent, [], "the deleted file's unit is not read")
    }

    func testTheUnitsOfARemovedDependencyAreNotHeldAgainstTheStore() throws {
        // SwiftPM keeps a removed dependency's units and no build updates them: an edit to its sources afterwards
        // must not make every later run fail as stale (it is not analysed either).
        let copy = try Fixtures.copy("CacheApp", for: self)
        try copy.build()
        let manifest = copy.path("CacheApp/Package.swift")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text = text.replacingOccurrences(of: "        .package(path: \"../Packages/cache-swift-dep\"),\n", with: "")
            .replacingOccurrences(of: "            .product(name: \"CacheSwiftDep\", package: \"cache-swift-dep\"),\n", with: "")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        try "import CacheCDep\n\ncEntry()\n".write(to: copy.path("CacheApp/Sources/CacheApp/main.swift"), atomically: true, encoding: .utf8)
        try copy.build()
        let source = copy.path("Packages/cache-swift-dep/Sources/CacheSwiftDep/Entry.swift").path
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: source)
        let report = try copy.analyse(usePolicy: false)
        XCTAssertNil(report.summary(of: "cache-swift-dep"))
        XCTAssertNotNil(report.summary(of: "cache-c-dep"))
    }

    func testACachedPackageGraphMissingAPackageTheBuildCompiledIsResolvedAgain() throws {
        // A cached graph is keyed on the manifests of the packages it lists: one that lost a package (a manifest that
        // reads the environment in a way the key misses) keeps matching. The build still compiles the package, so its
        // units have no owner; capcheck must resolve the graph again rather than drop that code unread.
        let copy = try Fixtures.copy("CacheApp", for: self)
        try "import Foundation\npublic func swiftEntry() { _ = FileManager.default.contents(atPath: \"/etc/hostname\") }\n"
            .write(to: copy.path("Packages/cache-swift-dep/Sources/CacheSwiftDep/Entry.swift"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try copy.analyse(skipBuild: false, usePolicy: false).summary(of: "cache-swift-dep")?.reached, ["fs"])
        let cache = PackageGraphCache(packagePath: copy.packagePath, scratchPath: copy.scratchPath, onlyResolvedVersions: false,
                                      swift: try Toolchain.locate().swiftExecutable)
        let graph = try XCTUnwrap(cache.load())
        var dependencies = graph.dependencies
        dependencies = dependencies.filter { $0.key != "cache-swift-dep" }.mapValues { $0.filter { $0 != "cache-swift-dep" } }
        cache.store(PackageGraph(root: graph.root, packages: graph.packages.filter { $0.identity != "cache-swift-dep" },
                                 dependencies: dependencies))
        XCTAssertEqual(cache.load()?.packages.contains { $0.identity == "cache-swift-dep" }, false, "the stale graph is what the cache holds")
        XCTAssertEqual(try copy.analyse(usePolicy: false).summary(of: "cache-swift-dep")?.reached, ["fs"])
        XCTAssertEqual(cache.load()?.packages.contains { $0.identity == "cache-swift-dep" }, true, "the graph was resolved again")
    }

    /// The build manifest is read once for every unit no package owns (a plugin's scratch folder holds thousands): a
    /// path counts only between two quotes, whole.
    func testTheManifestNamesAPathOnlyBetweenQuotes() {
        let manifest = Data(#"inputs: ["/p/A.swift","/p/B.swift"]\n  args: ["-c","/p/C.swift.o","/p/q\"d.swift"]"#.utf8)
        let wanted: Set<String> = ["/p/A.swift", "/p/B.swift", "/p/C.swift", "/p/D.swift", "/p/", #"/p/q\"d.swift"#]
        XCTAssertEqual(StaleIndexCheck.quotedStrings(in: manifest, among: wanted), ["/p/A.swift", "/p/B.swift", #"/p/q\"d.swift"#])
    }
}
