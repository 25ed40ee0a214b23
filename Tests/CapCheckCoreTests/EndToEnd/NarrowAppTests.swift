@testable import CapCheckCore
import Foundation
import XCTest
@testable import CapCheckValues

/// `Fixtures/NarrowApp` (issue 12): grants narrowed by value. Each dependency does one thing with a file, a variable or
/// a program, and its grant names the paths, names or programs it may use, or `@caller`. A use is covered only when
/// every value the sink can get is provably inside the grant; anything unresolved fails and says where the trail ended.
final class NarrowAppTests: XCTestCase {
    nonisolated(unsafe) private static var cached: AnalysisReport?
    private func report() throws -> AnalysisReport {
        if let report = Self.cached { return report }
        let report = try Fixtures.analyse("NarrowApp")
        Self.cached = report
        return report
    }

    private func values(of package: String, _ capability: String = "fs") throws -> [SinkValue] {
        try XCTUnwrap(report().violations.first { $0.package == package && ($0.capability == capability || package == "narrow-c") }?.values,
                      "\(package) has a narrowed violation")
    }

    func testEveryNarrowedGrantHoldsOrNamesTheValueItDoesNotCover() throws {
        XCTAssertEqual(try report().violationKeys, [
            "narrow-c env getenv",
            "narrow-c env putenv",
            "narrow-c fs open",
            "narrow-env fs Foundation.FileManager.contents(atPath:)",
            "narrow-files fs Foundation.FileManager.contents(atPath:)",
            "narrow-lookalike env Foundation.ProcessInfo.environment",
            "narrow-lookalike env getenv",
            "narrow-members env Foundation.ProcessInfo.environment",
            "narrow-members exec Foundation.Process.run()",
            "narrow-modules fs Foundation.FileManager.contents(atPath:)",
            "narrow-sneaky env Foundation.ProcessInfo.environment",
            "narrow-sneaky fs Foundation.FileManager.contents(atPath:)",
            "narrow-store fs Foundation.FileManager.contents(atPath:)",
            "narrow-sweep fs Foundation.FileManager.contents(atPath:)",
            "narrow-sweep fs Foundation.FileManager.removeItem(atPath:)",
            "narrow-sweep fs Foundation.NSURL.setResourceValue(_:forKey:)",
            "narrow-sweep fs Foundation.String.init(contentsOfFile:encoding:)",
            "narrow-sweep fs Foundation.StringProtocol.write(toFile:atomically:encoding:)",
            "narrow-witness fs Foundation.FileManager.contents(atPath:)",
        ], "narrow-tls (constants under its nested grant), narrow-store's paths from the root (@caller three calls down) and "
            + "narrow-exec (a constant program) hold; narrow-env's and narrow-c's constant variable names are inside their grants")
    }

    /// The thirteenth sweep: the root passing back a constant of the package's own (`open(path: Store.defaultPath)`) is
    /// the package's value, not the caller's: a hijacked package could change it, so `@caller` does not cover it.
    func testAValueThePackageMadeIsNotTheCallersWhenTheCallerPassesItBack() throws {
        let values = try values(of: "narrow-store").filter { $0.kind == "constant" }
        XCTAssertEqual(values.map(\.value), ["/srv/app/default.db"], "\(values)")
        XCTAssertTrue(values.first?.file.hasSuffix("NarrowStore/Store.swift") == true, values.first?.file ?? "")
    }

    /// The fourteenth sweep: with `identity/Module` keys, a module narrowed by value (`NarrowModA`, `fs:/etc/hosts`) stays
    /// on the chain when it calls a sibling module granted more (`NarrowModB`, `fs`): the sibling's values are checked
    /// against what the calling module holds.
    func testAModuleNarrowedByValueCannotReadMoreThroughASiblingModule() throws {
        XCTAssertEqual(try values(of: "narrow-modules").map(\.value), ["/tmp/capcheck-modules-secret"])
    }

    /// The fourteenth sweep: `@caller` covers what the granting package (the root, for a top-level grant) or a package
    /// above it passes in. narrow-summ, granted nothing, names its own path to the `Reader` the root hands it, and
    /// narrow-store (`fs:@caller`) reads it: a value from narrow-summ, not covered.
    func testCallerCoversOnlyWhatTheGrantingPackagePassesIn() throws {
        let values = try values(of: "narrow-store").filter { $0.kind == "caller" }
        XCTAssertEqual(values.map(\.value), ["/tmp/capcheck-summ-secret"], "\(values)")
        XCTAssertEqual(values.first?.supplier, "narrow-summ")
    }

    func testConstantsAndStaticLetsAreInsideAndAPrefixIsNot() throws {
        // load() opens a constant and bundle() a `static let` from another file: both under /etc/ssl, not reported.
        // preferred(strict:) assigns a local `var` one of two paths under /etc/ssl: covered, not reported.
        let values = try values(of: "narrow-files")
        XCTAssertEqual(values.map(\.kind), ["prefix", "constant", "unknown", "unknown", "constant", "unknown"])
        XCTAssertEqual(values.first?.value, "/etc/ssl/", "`/etc/ssl/` + name: the name could climb out with `..`")
        XCTAssertTrue(values.first?.file.hasSuffix("NarrowFiles/Certificates.swift") == true)
        // fallback(): `var path = "/etc/ssl/default.pem"`, later maybe `path = "/root/.ssh/id_rsa"`: every value assigned.
        XCTAssertEqual(values[1].value, "/root/.ssh/id_rsa")
        XCTAssertEqual(values[1].line, 31)
        // resource(): `let file: Resource = "/etc/ssl/resource.pem"` then `file.path`. Read by spelling, that is the
        // literal under /etc/ssl; the index says `path` is the package's own `Resource.path`, so it is unknown.
        XCTAssertEqual(values[2].line, 47)
        XCTAssertTrue(values[2].note?.contains("a package's own `path`") == true, values[2].note ?? "")
        // Location.read(): `var path = "/etc/ssl/location.pem"` in a type `Decodable` through the package's own
        // `protocol Stored: Decodable`; its synthesized `init(from:)` may set any path.
        let decoded = try XCTUnwrap(values.dropFirst(3).first)
        XCTAssertTrue(decoded.file.hasSuffix("NarrowFiles/Location.swift"), decoded.file)
        XCTAssertTrue(decoded.note?.contains("stored property set at run time") == true, decoded.note ?? "")
    }

    func testAnEnumPayloadIsWhatEveryConstructionOfTheCasePasses() throws {
        // CertificateSources.swift: `case .file(let path)` and `if case let .file(path)`: the root's
        // `.file("/etc/ssl/root.pem")` is covered; the package's own `.file("/root/.ssh/id_rsa")` is named.
        let made = try values(of: "narrow-files").filter { $0.file.hasSuffix("NarrowFiles/CertificateSources.swift") }
        XCTAssertEqual(made.map(\.kind), ["constant", "unknown"], "\(made)")
        XCTAssertEqual(made.first?.value, "/root/.ssh/id_rsa")
        XCTAssertEqual(made.first?.line, 25)
        // KeySource.file stands for SourceMaking's static requirement: generic code makes it without naming it.
        XCTAssertEqual(made.last?.line, 37)
        XCTAssertTrue(made.last?.note?.contains("payload of an enum case") == true, made.last?.note ?? "")
    }

    /// `narrow-sweep`: each way an evasion sweep made the analysis claim an allowed value is reported with the value the
    /// code really uses (or as unknown), under `fs:/etc/ssl/**`.
    func testWhatAnEvasionSweepHidBehindAnAllowedValueIsReported() throws {
        let values = try report().violations.filter { $0.package == "narrow-sweep" }.flatMap { $0.values ?? [] }
        let shown = values.map { ($0.value ?? "") + " " + ($0.note ?? "") }
        for marker in ["/tmp/capcheck-sweep-spelled", "/tmp/capcheck-sweep-self", "/tmp/capcheck-sweep-receiver",
                       "/tmp/capcheck-sweep-qualified", "/tmp/capcheck-sweep-suffix"] {
            XCTAssertTrue(shown.contains { $0.contains(marker) }, "\(marker) in \(shown)")
        }
        for note in ["stored property set at run time", "package's own type (`ExpressibleByArrayLiteral`)", "`??` here is a package's own operator"] {
            XCTAssertTrue(shown.contains { $0.contains(note) }, "\(note) in \(shown)")
        }
        XCTAssertTrue(values.contains { $0.kind == "prefix" && $0.value == "/etc/ssl/" }, "an optional interpolated is not its text: \(shown)")
    }

    /// The twenty-third sweep: code that reads or runs another value than the one the analysis read, each now unknown
    /// (or the value it really uses): a package's own `subscript(_:)` on the environment, its own method on a `Process`,
    /// a literal of `NSMutableString` changed after, a value receiver with a capital letter, a method applied to its
    /// receiver first, and a C call of a function no package's C code defines, beside a `decoy_…` that returns a
    /// constant inside the grant.
    func testMembersLiteralsAndNamesTheSweepSubstitutedAreNotTakenAtTheirWord() throws {
        func notes(_ package: String, _ sink: String) throws -> [String] {
            let violation = try XCTUnwrap(report().violations.first { $0.package == package && $0.sink == sink }, "\(package) \(sink)")
            return (violation.values ?? []).map { ($0.value ?? "") + " " + ($0.note ?? "") }
        }
        XCTAssertTrue(try notes("narrow-members", "Foundation.ProcessInfo.environment").contains { $0.contains("a package's own subscript") })
        XCTAssertTrue(try notes("narrow-members", "Foundation.Process.run()").contains { $0.contains("`p.useDefaults` is a package's own member") })
        XCTAssertTrue(try notes("narrow-sweep", "Foundation.FileManager.contents(atPath:)").contains { $0.contains("another type than `String`") })
        XCTAssertTrue(try notes("narrow-sweep", "Foundation.NSURL.setResourceValue(_:forKey:)").contains { $0.contains("/tmp/capcheck-sweep-capital") })
        XCTAssertTrue(try notes("narrow-sweep", "Foundation.StringProtocol.write(toFile:atomically:encoding:)")
            .contains { $0.contains("named as a value") })
        XCTAssertTrue(try notes("narrow-c", "open").contains { $0.contains("`gnu_get_libc_version()` is computed in C code") })
        // The twenty-ninth sweep's: `.init(string:)` whose type its context decides, and a folder removed with all below it.
        XCTAssertTrue(try notes("narrow-sweep", "Foundation.FileManager.contents(atPath:)").contains { $0.contains("the type its context decides") })
        XCTAssertTrue(try notes("narrow-sweep", "Foundation.FileManager.removeItem(atPath:)").contains { $0.hasPrefix("/tmp/capcheck-sweep-level/cache/") })
    }

    func testCallerFailsOnAValueThePackageMakesItself() throws {
        let values = try values(of: "narrow-sneaky")
        XCTAssertEqual(values.map(\.kind), ["constant"])
        XCTAssertEqual(values.first?.value, "/root/.ssh/id_rsa")
        XCTAssertEqual(values.first?.line, 7)
        // Found by the eighth sweep: the caller names a prefix, the package the rest of the variable's name.
        let env = try self.values(of: "narrow-sneaky", "env")
        XCTAssertEqual(env.map(\.kind), ["unknown"])
        XCTAssertTrue(env.first?.note?.contains("appends `SECRET_TOKEN`") == true, env.first?.note ?? "")
    }

    /// The ninth sweep: a lookup by name took a decoy spelt alike (`String`'s `==` is canonical equivalence, Swift's
    /// names are code points), and a pointer moved with `+` was read as a name with something appended (`NARROW_HOME…`,
    /// inside `env:NARROW_*`, while `getenv` got `HOME`). Both are now unknown, and say why.
    func testLookalikeNamesAndMovedPointersAreNotNames() throws {
        let environment = try report().violations.filter { $0.package == "narrow-lookalike" && $0.capability == "env" }
        let notes = environment.flatMap { $0.values ?? [] }.filter { $0.kind == "unknown" }.compactMap(\.note)
        XCTAssertTrue(notes.contains { $0.contains("spells two names alike that Swift tells apart") }, "\(notes)")
        XCTAssertTrue(notes.contains { $0.contains("`+` here is not the joining of strings") }, "\(notes)")
        XCTAssertFalse(environment.flatMap { $0.values ?? [] }.contains { $0.kind == "prefix" || $0.value == "NARROW_DECOY" },
                       "neither is covered as a NARROW_ name")
    }

    func testUnresolvedValuesAreNeverCoveredAndSayWhere() throws {
        let env = try values(of: "narrow-env")
        XCTAssertEqual(env.map(\.kind), ["unknown"])
        XCTAssertTrue(env.first?.note?.contains("read from the environment") == true, env.first?.note ?? "")
        let c = try values(of: "narrow-c")
        XCTAssertEqual(c.map(\.kind), ["unknown", "unknown"], "getenv(\"NARROW_C_HOME\") in C, getenv(name) with the name from "
                       + "Swift's narrow_c_lookup(\"NARROW_C_OTHER\"), and lookup_variable(\"NARROW_C_ALIAS\") through an "
                       + "object-like macro that only renames getenv, are resolved and covered")
        XCTAssertTrue(c.first?.note?.contains("`names[which & 1]` is computed in C code") == true, c.first?.note ?? "")
    }

    /// Found by the nineteenth sweep: every call of an assignment or shell sink in a C function is read (the second
    /// `system(…)` of a function ran another program), and `putenv("NAME=value")` names `NAME`.
    func testEveryAssignmentOfTheEnvironmentInACFunctionIsRead() throws {
        let putenv = try XCTUnwrap(report().violations.first { $0.package == "narrow-c" && $0.sink == "putenv" })
        XCTAssertEqual(putenv.values?.map(\.value), ["NARROW_OUTSIDE"], "NARROW_C_SET is inside env:NARROW_C_*")
    }

    func testACallThroughAFunctionLikeMacroNamedLikeTheSinkIsNeverRead() throws {
        // cmacro.c: `#define getenv(name) getenv("AWS_SECRET_ACCESS_KEY")`, then `getenv(name)` with the name from the
        // caller (NARROW_C_MACRO, inside env:NARROW_C_*). The written argument is not what getenv gets: the index
        // records the macro expanded at the call, so the value is unknown, never the caller's.
        let c = try values(of: "narrow-c")
        let macro = try XCTUnwrap(c.first { $0.file.hasSuffix("CNarrow/cmacro.c") }, "\(c)")
        XCTAssertEqual(macro.kind, "unknown")
        XCTAssertEqual(macro.line, 7)
        XCTAssertTrue(macro.note?.contains("called through a macro at `getenv`") == true, macro.note ?? "")
    }

    func testARawSystemCallsPathIsTheArgumentAfterTheNumber() throws {
        // narrow_c_raw_open(): syscall(SYS_openat, AT_FDCWD, "/etc/narrow-c.conf", O_RDONLY), inside the fixture's
        // fs:/etc/narrow-c.conf (no violation above), outside fs:/etc/other.
        let policy = #"{ "version": 1, "unlisted": "deny", "packages": { "narrow-c": { "allow": ["env", "net", "fs:/etc/other", "ffi"] } } }"#
        let report = try Fixtures.analyse("NarrowApp", policy: policy)
        let violations = report.violations.filter { $0.package == "narrow-c" && $0.capability == "fs" && $0.sink != "open" }
        XCTAssertEqual(violations.map(\.sink), ["syscall(SYS_openat)"])
        XCTAssertEqual(violations.first?.values?.map(\.value), ["/etc/narrow-c.conf"])
    }

    func testACConnectToAConstantAddressIsResolved() throws {
        // narrow_c_connect() fills a sockaddr_in with htons(8080) and inet_pton("10.0.0.7"): inside the fixture's
        // net:10.0.0.0/8, outside net:192.168.0.0/16; socket() names no peer.
        let policy = #"{ "version": 1, "unlisted": "deny", "packages": { "narrow-c": { "allow": ["env", "net:192.168.0.0/16", "fs", "ffi"] } } }"#
        let report = try Fixtures.analyse("NarrowApp", policy: policy)
        let violations = report.violations.filter { $0.package == "narrow-c" && $0.capability == "net" }
        XCTAssertEqual(violations.map(\.sink), ["connect"])
        XCTAssertEqual(violations.first?.values?.map(\.value), ["10.0.0.7:8080"])
    }

    func testValuesThroughAWitnessAndAStoredClosureAreResolved() throws {
        // opener.open("/var/log/syslog") reaches FileOpener.open(_:) through the requirement: covered by fs:/var/log/**.
        // Logs.reader("/tmp/x") reaches the stored closure's $0: the root's value, outside the grant.
        let closure = try values(of: "narrow-witness")
        XCTAssertEqual(closure.map(\.kind), ["caller"])
        XCTAssertEqual(closure.first?.value, "/tmp/x")
        XCTAssertEqual(closure.first?.supplier, "narrowapp")
    }

    func testPlainGrantsCoverWhatNarrowedOnesCannotAndValuesFromTheCallerMeetNamedPatterns() throws {
        let policy = """
        { "version": 1, "unlisted": "deny", "packages": {
          "narrow-files": { "allow": ["fs"] },
          "narrow-tls": { "allow": ["fs:/etc/**"], "packages": { "narrow-files": { "allow": ["fs:/etc/ssl/**"] } } },
          "narrow-store": { "allow": ["fs:/srv/**"] },
          "narrow-sneaky": { "allow": ["fs:@caller", "fs:/root/.ssh/id_rsa", "env"] },
          "narrow-env": { "allow": ["env:NARROW_HOME", "fs"] }, "narrow-lookalike": { "allow": ["env", "unsafe"] },
          "narrow-exec": { "allow": ["exec:git"] },
          "narrow-witness": { "allow": ["fs"] },
          "narrow-c": { "allow": ["env", "net", "fs", "ffi"] }, "narrow-sweep": { "allow": ["fs"] }, "narrow-modules": { "allow": ["fs"] },
          "narrow-members": { "allow": ["exec", "env"] } } }
        """
        let report = try Fixtures.analyse("NarrowApp", policy: policy)
        XCTAssertEqual(report.violationKeys, ["narrow-exec exec Foundation.Process.run()", "narrow-store fs Foundation.FileManager.contents(atPath:)"],
                       "the root's /srv/app/data.db is inside fs:/srv/**, but \"/srv\" + \"-journal\" is not; exec:git names only a bare `git`")
        XCTAssertEqual(report.violations.first { $0.package == "narrow-exec" }?.values?.map(\.value), ["/usr/bin/git"])
        XCTAssertEqual(report.violations.first { $0.package == "narrow-store" }?.values?.map(\.value), ["/srv-journal", "/tmp/capcheck-summ-secret"],
                       "what the caller passes is checked with what the package appends to it; narrow-summ's own path is outside")
    }

    func testANestedGrantWiderThanItsParentIsAPolicyError() throws {
        let policy = """
        { "version": 1, "unlisted": "deny", "packages": {
          "narrow-tls": { "allow": ["fs:/etc/**"], "packages": { "narrow-files": { "allow": ["fs:/home/**"] } } } } }
        """
        XCTAssertThrowsError(try Fixtures.analyse("NarrowApp", policy: policy)) { error in
            let error = error as? CapCheckError
            XCTAssertEqual(error?.kind, .policy)
            XCTAssertTrue(error?.message.contains("narrow-files may not receive fs:/home/** under narrow-tls, which holds only fs:/etc/**") == true,
                          error?.message ?? "")
        }
    }

    func testTheJSONReportCarriesValuesOnlyForNarrowedViolations() throws {
        let json = try JSONFormatter().format(report(), mode: .check)
        XCTAssertTrue(json.contains("\"values\""))
        let plain = try Fixtures.analyse("NarrowApp", policy: #"{ "version": 1, "unlisted": "deny", "packages": {} }"#)
        XCTAssertFalse(try JSONFormatter().format(plain, mode: .check).contains("\"values\""), "kind violations keep their shape")
        let text = try TextFormatter().format(report(), mode: .check)
        XCTAssertTrue(text.contains("with a value its narrowed grant does not cover: /root/.ssh/id_rsa (narrow-sneaky/Sources/NarrowSneaky/Cache.swift:7)"), text)
    }
}

/// What `audit --values`, `init` and `diff` make of the values (issue 12).
final class NarrowedValuesTests: XCTestCase {
    func testAuditListsEveryPackagesValuesAndDiffFailsOnANewConstant() throws {
        let report = try Fixtures.analyse("NarrowApp", usePolicy: false, values: true)
        let sneaky = try XCTUnwrap(report.summary(of: "narrow-sneaky")?.reachedValues?["fs"])
        XCTAssertEqual(Set(sneaky.map(\.kind)), ["caller", "constant"])
        XCTAssertEqual(sneaky.first { $0.kind == "caller" }?.supplier, "narrowapp")
        XCTAssertEqual(Set(report.summary(of: "narrow-store")?.reachedValues?["fs"]?.compactMap(\.value) ?? []),
                       ["/srv/app/data.db", "/srv/app/index.db", "/srv-journal", "/srv/app/default.db", "/tmp/capcheck-summ-secret"],
                       "what the root passes three calls down, and what it gives an initialiser that stores it in a property")
        XCTAssertEqual(report.summary(of: "narrow-c")?.reachedValues?["env"]?.compactMap(\.value).sorted(),
                       ["NARROW_C_ALIAS", "NARROW_C_HOME", "NARROW_C_OTHER", "NARROW_C_SET", "NARROW_OUTSIDE"])
        XCTAssertNil(try Fixtures.analyse("NarrowApp", usePolicy: false).summary(of: "narrow-sneaky")?.reachedValues,
                     "values are resolved only when asked for")

        // The same kinds, one new hard-coded path: the exfiltration signature fails the diff.
        var old = report
        let index = try XCTUnwrap(old.packages.firstIndex { $0.identity == "narrow-sneaky" })
        old.packages[index].reachedValues?["fs"]?.removeAll { $0.value == "/root/.ssh/id_rsa" }
        let diff = ReportDiff.compare(old: old, new: report, granularity: .capability)
        XCTAssertEqual(diff.packages.map(\.identity), ["narrow-sneaky"])
        XCTAssertEqual(diff.packages.first?.newValues, ["fs": ["/root/.ssh/id_rsa"]])
        XCTAssertEqual(diff.alarms, ["narrow-sneaky newly uses fs with /root/.ssh/id_rsa"])
        XCTAssertTrue(ReportDiff.compare(old: report, new: report, granularity: .capability).alarms.isEmpty)

        // A new value capcheck cannot resolve fails it too (it may hide a new host or path), named by what it is.
        var unresolved = report
        let files = try XCTUnwrap(unresolved.packages.firstIndex { $0.identity == "narrow-files" })
        let unknown = try XCTUnwrap(unresolved.packages[files].reachedValues?["fs"]?.first { $0.kind == "unknown" })
        unresolved.packages[files].reachedValues?["fs"]?.removeAll { $0.kind == "unknown" && $0.note == unknown.note }
        let alarms = ReportDiff.compare(old: unresolved, new: report, granularity: .capability).alarms
        XCTAssertEqual(alarms, ["narrow-files newly uses fs with a value capcheck could not resolve: " + (unknown.note ?? "")])
        // One more unresolved value than before that reads like an old one (a second call to a host decoded at run
        // time) is new as well: the sixteenth sweep's.
        var twice = report
        twice.packages[files].reachedValues?["fs"]?.append(SinkValue(kind: "unknown", note: unknown.note, file: unknown.file, line: unknown.line + 100))
        XCTAssertEqual(ReportDiff.compare(old: report, new: twice, granularity: .capability).alarms,
                       ["narrow-files newly uses fs with a value capcheck could not resolve: " + (unknown.note ?? "")])
        // A value from the caller made of several constants, one of them new, is new too (the twenty-first sweep's): its
        // note says what it was made as.
        func caller(_ made: [String]) -> SinkValue {
            ValueOrigin.caller(supplier: "narrowapp", parameter: "path", SourceLocation(file: "/a.swift", line: 1, column: 1),
                               made: made.map { .constant($0, SourceLocation(file: "/a.swift", line: 1, column: 1)) }).reported
        }
        var before = report, after = report
        before.packages[files].reachedValues?["fs"] = [caller(["/srv/a.log", "/srv/b.log"])]
        after.packages[files].reachedValues?["fs"] = [caller(["/srv/a.log", "/root/.ssh/authorized_keys"])]
        XCTAssertEqual(ReportDiff.compare(old: before, new: after, granularity: .capability).alarms.count, 1)
        XCTAssertTrue(ReportDiff.compare(old: before, new: before, granularity: .capability).alarms.isEmpty)
    }

    func testExplainListsTheValuesOfEachSink() throws {
        try Fixtures.build("NarrowApp")
        let explained = try CLI.run(["explain", "narrow-sneaky", "fs", "--format", "json", "--skip-build", "--quiet",
                                     "--package-path", Fixtures.packagePath("NarrowApp").path,
                                     "--scratch-path", Fixtures.scratchPath("NarrowApp").path])
        XCTAssertEqual(explained.status, 0, explained.stderr)
        let list = try JSONDecoder().decode([Explanation].self, from: Data(explained.stdout.utf8))
        let values = try XCTUnwrap(list.first?.values)
        XCTAssertEqual(values.compactMap(\.value), ["/root/.ssh/id_rsa"], "the hard-coded path; the root's argument is from the caller")
        XCTAssertTrue(values.contains { $0.kind == "caller" && $0.supplier == "narrowapp" })
    }

    func testInitWritesTheNarrowestGrantsAndCheckStrictAcceptsThem() throws {
        try Fixtures.build("NarrowApp")
        let policy = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-init-\(UUID().uuidString).json").path
        let options = ["--package-path", Fixtures.packagePath("NarrowApp").path, "--scratch-path", Fixtures.scratchPath("NarrowApp").path,
                       "--skip-build", "--quiet", "--policy", policy]
        let written = try CLI.run(["init"] + options)
        XCTAssertEqual(written.status, 0, written.stderr)
        let check = try CLI.run(["check", "--strict"] + options)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: policy))) as? [String: Any])
        let packages = try XCTUnwrap(json["packages"] as? [String: [String: Any]])
        XCTAssertEqual(packages["narrow-store"]?["allow"] as? [String], ["fs:/srv/app/default.db", "fs:/tmp/capcheck-summ-secret", "fs:@caller"],
                       "the package's own path and narrow-summ's by name; what the root passes in from the caller")
        XCTAssertEqual(packages["narrow-tls"]?["allow"] as? [String], ["fs:/etc/ssl/cert.pem", "fs:/etc/ssl/certs/ca-bundle.crt"])
        XCTAssertEqual(packages["narrow-exec"]?["allow"] as? [String], ["exec:/usr/bin/git"])
        XCTAssertEqual(packages["narrow-sneaky"]?["allow"] as? [String], ["env", "fs:/root/.ssh/id_rsa", "fs:@caller"])
        XCTAssertEqual(packages["narrow-env"]?["allow"] as? [String], ["env:NARROW_HOME", "fs"])
        XCTAssertEqual(packages["narrow-files"]?["allow"] as? [String], ["fs"])
        let reason = try XCTUnwrap(packages["narrow-files"]?["reason"] as? String)
        XCTAssertTrue(reason.contains("fs is whole because a value starts with `/etc/ssl/`")
                      && reason.contains("(narrow-files/Sources/NarrowFiles/Certificates.swift:15)"), reason)
    }
}
