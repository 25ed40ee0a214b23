import CapCheckCore
import XCTest

/// `capcheck check` on Fixtures/DemoApp: one dependency per graph rule, checked against the fixture's policy.
final class DemoAppTests: XCTestCase {
    nonisolated(unsafe) private static var cached: AnalysisReport?
    private func report() throws -> AnalysisReport {
        if let report = Self.cached { return report }
        let report = try Fixtures.analyse("DemoApp")
        Self.cached = report
        return report
    }

    func testExactViolationSet() throws {
        XCTAssertEqual(try report().violationKeys, [
            "c-socket ffi capcheck_open_socket",
            "c-socket net socket",
            "closure-fs fs Foundation.FileManager.createFile(atPath:contents:attributes:)",
            "deinit-fs fs Foundation.FileManager.removeItem(atPath:)",
            "description-fs fs Foundation.FileManager.contents(atPath:)",
            "global-init-fs fs Foundation.String.init(contentsOfFile:encoding:)",
            "inherited-main fs Foundation.FileManager.createFile(atPath:contents:attributes:)",
            "nested-child fs Foundation.FileManager.contents(atPath:)",
            "witness-fs fs Foundation.FileManager.createFile(atPath:contents:attributes:)",
        ])
    }

    func testWitnessPathGoesThroughTheRequirementToTheWitness() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "witness-fs" }).path
        XCTAssertEqual(path.map(\.symbol), [
            "top-level code (main.swift)", "WitnessFS.Sink.write(_:)", "WitnessFS.FileSink.write(_:)",
            "FoundationEssentials.FileManager.createFile(atPath:contents:attributes:)",
        ])
        XCTAssertEqual(path[2].via, EdgeKind.witness.rawValue)
        XCTAssertTrue(path[1].file.hasSuffix("DemoApp/Sources/DemoApp/main.swift"))
        XCTAssertEqual(path[1].line, 14)
        XCTAssertEqual(path.last?.package, "toolchain")
    }

    func testDeinitIsReachedFromTheConstructedClass() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "deinit-fs" }).path
        XCTAssertTrue(path.contains { $0.symbol == "DeinitFS.TempToken.deinit" && $0.via == EdgeKind.deinitializer.rawValue })
    }

    func testImplicitDescriptionIsReached() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "description-fs" }).path
        XCTAssertTrue(path.contains { $0.symbol == "DescriptionFS.Report.description" && $0.via == EdgeKind.conformance.rawValue })
        XCTAssertTrue(path.contains { $0.via == EdgeKind.accessor.rawValue })
    }

    func testGlobalInitializerIsAttributedToTheGlobal() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "global-init-fs" }).path
        XCTAssertEqual(Array(path.map(\.symbol).suffix(2)),
                       ["GlobalInitFS.bannerText", "FoundationEssentials.String.init(contentsOfFile:encoding:)"])
    }

    func testMainInheritedFromADependencyIsReachedFromTheMainType() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "inherited-main" }).path
        XCTAssertEqual(path.map(\.symbol).prefix(2), ["DemoTool.DemoTool", "InheritedMain.CommandTool.main()"])
        XCTAssertEqual(path[1].via, EdgeKind.inheritedMain.rawValue)
    }

    func testStoredClosureIsAttributedToItsDeclaration() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "closure-fs" }).path
        XCTAssertTrue(path.contains { $0.symbol == "ClosureFS.Saver.init()" })
    }

    func testCTargetPathRunsSwiftToCToLibc() throws {
        let net = try XCTUnwrap(report().violations.first { $0.package == "c-socket" && $0.capability == "net" }).path
        XCTAssertEqual(net.map(\.symbol).suffix(3), ["Sock.openSocket()", "capcheck_open_socket", "socket"])
        XCTAssertTrue(net[net.count - 2].file.hasSuffix("Sock/Sock.swift"), "the C function's hop is its Swift call site")
        XCTAssertTrue(net.last!.file.hasSuffix("CSock/sock.c"))
    }

    func testNestedGrantNarrowsTheTransitiveDependency() throws {
        let violation = try XCTUnwrap(report().violations.first { $0.package == "nested-child" })
        XCTAssertEqual(violation.path.map(\.package), ["demoapp", "nested-parent", "nested-child", "toolchain"])
        // nested-parent itself holds fs, so it is not blamed.
        XCTAssertFalse(try report().violations.contains { $0.package == "nested-parent" })
    }

    func testLatentCodeIsNotAViolation() throws {
        let latent = try XCTUnwrap(report().summary(of: "latent-fs"))
        XCTAssertEqual(latent.reached, [])
        XCTAssertEqual(latent.latent, ["fs"])
        XCTAssertEqual(latent.latentPaths["fs"]?.first?.symbol, "LatentFS.wipe(_:)")
    }

    func testStdlibRequirementDoesNotReachEveryConformerInTheGraph() throws {
        let decoder = try XCTUnwrap(report().summary(of: "decoder-latent"))
        XCTAssertFalse(decoder.reached.contains("fs"), "FileDecoder is never constructed: \(decoder.reachedPaths)")
        XCTAssertEqual(decoder.latent, ["fs"])
        XCTAssertEqual(decoder.latentPaths["fs"]?.first?.symbol, "DecoderLatent.FileDecoder.container(keyedBy:)")
    }

    func testWitnessOfAConformerNothingConstructsIsNotReached() throws {
        // runSteps calls the package's own requirement Step.perform(); only NoOp is constructed, so Wipe.perform()
        // (which removes a file) is never taken: rapid type analysis in the search.
        let decoder = try XCTUnwrap(report().summary(of: "decoder-latent"))
        XCTAssertEqual(decoder.reached, [], "\(decoder.reachedPaths)")
        let audit = try Fixtures.analyse("DemoApp", usePolicy: false)
        XCTAssertEqual(audit.summary(of: "decoder-latent")?.latent, ["fs"])
    }

    func testRootClosureCalledBackKeepsTheRootsAuthority() throws {
        let callback = try XCTUnwrap(report().summary(of: "callback"))
        XCTAssertEqual(callback.reached, [])
        XCTAssertFalse(try report().violations.contains { $0.package == "callback" })
    }

    func testGrantedDependencyIsClean() throws {
        let granted = try XCTUnwrap(report().summary(of: "granted-fs"))
        XCTAssertEqual(granted.granted, ["fs"])
        XCTAssertEqual(granted.reached, ["fs"])
        XCTAssertFalse(try report().violations.contains { $0.package == "granted-fs" })
    }

    func testGrantingEverythingNeededPasses() throws {
        XCTAssertEqual(try Fixtures.analyse("DemoApp", policy: Fixtures.demoPolicyGrantingAll).violations.count, 0)
    }

    func testUnlistedInheritPassesTheCallersGrantOn() throws {
        let policy = """
        { "version": 1, "unlisted": "inherit", "packages": {
            "witness-fs": { "allow": ["fs"] }, "closure-fs": { "allow": ["fs"] }, "global-init-fs": { "allow": ["fs"] },
            "deinit-fs": { "allow": ["fs"] }, "description-fs": { "allow": ["fs"] }, "c-socket": { "allow": ["net", "ffi"] },
            "granted-fs": { "allow": ["fs"] }, "nested-parent": { "allow": ["fs"] }, "inherited-main": { "allow": ["fs"] } } }
        """
        // nested-child is unlisted: it inherits nested-parent's fs.
        XCTAssertEqual(try Fixtures.analyse("DemoApp", policy: policy).violations.count, 0)
    }

    func testAuditReportsReachAndNoViolations() throws {
        let audit = try Fixtures.analyse("DemoApp", usePolicy: false)
        XCTAssertEqual(audit.violations, [])
        XCTAssertEqual(audit.summary(of: "c-socket")?.reached, ["ffi", "net"])
        XCTAssertEqual(audit.summary(of: "nested-parent")?.reached, ["fs"])
        XCTAssertNotNil(audit.summary(of: "witness-fs")?.reachedPaths["fs"])
    }
}

/// `identity/Module` keys narrow a grant to one module of a package (c-socket: Swift module Sock, C module CSock).
final class ModuleGrantTests: XCTestCase {
    private let others = Fixtures.demoFileGrants

    func testModuleKeysGrantEachModuleItsOwn() throws {
        let policy = """
        { "version": 1, "packages": { \(others),
            "c-socket/Sock": { "allow": ["ffi", "net"] }, "c-socket/CSock": { "allow": ["net"] } } }
        """
        XCTAssertEqual(try Fixtures.analyse("DemoApp", policy: policy).violationKeys, [])
    }

    func testAModuleCannotPassOnWhatItDoesNotHold() throws {
        // Sock may call C (ffi) but does not hold net, so the C module it calls cannot use net on its behalf.
        let policy = """
        { "version": 1, "packages": { \(others),
            "c-socket/Sock": { "allow": ["ffi"] }, "c-socket/CSock": { "allow": ["net"] } } }
        """
        XCTAssertEqual(try Fixtures.analyse("DemoApp", policy: policy).violationKeys, ["c-socket net socket"])
    }
}
