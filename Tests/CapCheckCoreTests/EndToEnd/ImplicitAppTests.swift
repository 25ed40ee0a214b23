import CapCheckCore
import XCTest

/// `Fixtures/ImplicitApp`: code Swift runs though no call expression names it, each reached through its rule or through
/// a reference the index records (docs/semantics.md, "Implicit calls: how each is covered").
final class ImplicitAppTests: XCTestCase {
    nonisolated(unsafe) private static var cached: AnalysisReport?
    private func report() throws -> AnalysisReport {
        if let report = Self.cached { return report }
        let report = try Fixtures.analyse("ImplicitApp")
        Self.cached = report
        return report
    }

    /// The symbols on the path of `package`'s violation through `sink`.
    private func path(_ package: String, _ sink: String) throws -> [String] {
        try XCTUnwrap(report().violations.first { $0.package == package && $0.sink == sink }, "\(package) \(sink)").path.map(\.symbol)
    }

    /// `@main` runs a `main()` of another package: the one of the type an `@main extension` extends (the comment between
    /// them notwithstanding), a superclass's `class func main()`, the one of a protocol the named one refines.
    func testMainRunByTheMainAttributeIsReached() throws {
        XCTAssertEqual(try path("entry-mains", "unlink"), ["Runner", "EntryMains.Runner.main()", "unlink"])
        XCTAssertEqual(try path("entry-mains", "getenv"), ["ClassMain.ClassMain", "EntryMains.BaseCommand.main()", "getenv"])
        XCTAssertEqual(try path("entry-mains", "rename").last, "rename")
        let via = try XCTUnwrap(report().violations.first { $0.package == "entry-mains" && $0.sink == "unlink" }).path[1].via
        XCTAssertEqual(via, "static main() run by @main")
    }

    /// A dependency's test target named `ImplicitApp`, like the root's module, and another's named `CShadowBoot`, like
    /// `shadow-tests`' C target: neither makes that code test code (SwiftPM builds no dependency's tests), so the root's
    /// call and the C constructor are reached.
    func testADependencysTestTargetNamesNoOtherCodeAsTests() throws {
        XCTAssertEqual(try path("shadow-tests", "Foundation.ProcessInfo.environment").prefix(2), ["top-level code (main.swift)", "ShadowTests.shadowGreeting()"])
        XCTAssertEqual(try path("shadow-tests", "unlink"), ["program start (load-time code of linked targets)", "shadow_boot", "unlink"])
    }

    /// The thirtieth sweep's, each run and each passing before: `String(decoding:as:)` runs an encoding's `_isScalar(_:)` and
    /// its parser's `_parseMultipleCodeUnits()` (matched by base name now), `Set` a hash renamed by `@_implements`,
    /// `print` a package protocol's default `write(to:)` that `UInt16` adopts, and generic code makes a `Cinder` inferred
    /// through `UInt16`'s conformance; the root names none of them, nor `UInt16`.
    func testUnderscoredHooksRenamedWitnessesAndToolchainConformersAreReached() throws {
        XCTAssertEqual(try path("underscored-hooks", "Foundation.FileManager.contentsOfDirectory(atPath:)").suffix(2),
                       ["UnderscoredHooks.Latin._isScalar(_:)", "FoundationEssentials.FileManager.contentsOfDirectory(atPath:)"])
        XCTAssertEqual(try path("underscored-hooks", "Foundation.FileManager.attributesOfItem(atPath:)").suffix(2).first,
                       "UnderscoredHooks.Latin.Parser._parseMultipleCodeUnits()")
        XCTAssertEqual(try path("underscored-hooks", "Foundation.FileManager.isDeletableFile(atPath:)"),
                       ["program start (load-time code of linked targets)", "UnderscoredHooks.Key.spread(seed:)",
                        "FoundationEssentials.FileManager.isDeletableFile(atPath:)"])
        XCTAssertEqual(try path("underscored-hooks", "Foundation.ProcessInfo.environment").prefix(3),
                       ["program start (load-time code of linked targets)", "UnderscoredHooks.Loud", "UnderscoredHooks.Loud.write(to:)"])
        XCTAssertEqual(try path("underscored-hooks", "Foundation.FileManager.createFile(atPath:contents:attributes:)").prefix(3),
                       ["program start (load-time code of linked targets)", "UnderscoredHooks.Cinder", "UnderscoredHooks.Cinder.init(integerLiteral:)"])
    }

    /// `raw-macro`'s `#bindings()` expands to `@_silgen_name("clearenv") func wipe()`, which no source line holds: the
    /// object file's call of `clearenv`, which neither the file's record nor a binding the scan read names, goes with
    /// every declaration of the file (the thirtieth sweep's emptied the environment with only `build` granted).
    func testACFunctionOnlyTheObjectFileCallsGoesWithItsFile() throws {
        XCTAssertEqual(try path("raw-macro", "clearenv (called by the object file, bound by no source line)"),
                       ["top-level code (main.swift)", "RawBindings.scrub()", "clearenv (called by the object file, bound by no source line)"])
    }

    /// RawMacroSupport is a dependency of raw-macro's macro only: it runs in the compiler's plugin process and no program
    /// links it, so its file-scope `==`, which hangs below the program start, is latent, never reached at run time (the
    /// thirtieth sweep's: swift-syntax under a macro reached `ffi` and `unsafe` "at run time").
    func testCodeOnlyAMacroUsesIsNotReachedByTheProgram() throws {
        XCTAssertEqual(try report().violationKeys.filter { $0.hasPrefix("raw-macro fs") }, [])
        XCTAssertEqual(try report().summary(of: "raw-macro")?.latent.contains("fs"), true)
    }

    /// Two targets of `shared-folder` in one folder, disjoint `sources:`: SharedFormat's file is SharedFormat's code, so
    /// a grant to SharedStore alone does not cover it (the thirtieth sweep's passed with the folder's first target's grant).
    func testAFileIsTheCodeOfTheModuleItIsCompiledInto() throws {
        let policy = """
            { "version": 1, "packages": { "shared-folder/SharedStore": { "allow": ["fs"] }, "shared-folder/SharedFormat": { "allow": [] } } }
            """
        let report = try Fixtures.analyse("ImplicitApp", policy: policy)
        XCTAssertEqual(report.violations.filter { $0.package == "shared-folder" }.map(\.sink), ["Foundation.FileManager.isReadableFile(atPath:)"])
    }

    func testExactViolationSet() throws {
        XCTAssertEqual(try report().violationKeys, [
            "async-sequence env Foundation.ProcessInfo.environment",
            "debug-description env Foundation.ProcessInfo.environment",
            "dispatch-block env Foundation.ProcessInfo.environment",
            "dispatch-block fs Foundation.FileManager.contents(atPath:)",
            "dynamic-callable exec Foundation.Process.run()",
            "dynamic-member env Foundation.ProcessInfo.environment",
            "dynamic-member fs Foundation.FileManager.isReadableFile(atPath:)",
            "entry-mains env getenv",
            "entry-mains fs rename",
            "entry-mains fs unlink",
            "function-table fs Foundation.FileManager.removeItem(atPath:)",
            "function-values env Foundation.ProcessInfo.environment",
            "function-values fs Foundation.FileManager.contents(atPath:)",
            "global-actor env Foundation.ProcessInfo.environment",
            "global-actor fs Foundation.FileManager.contents(atPath:)",
            "implicit-construction env Foundation.ProcessInfo.environment",
            "implicit-construction fs Foundation.FileManager.fileExists(atPath:)",
            "implicit-construction fs Foundation.FileManager.isDeletableFile(atPath:)",
            "implicit-construction fs Foundation.FileManager.isExecutableFile(atPath:)",
            "implicit-construction fs Foundation.FileManager.isReadableFile(atPath:)",
            "implicit-construction fs Foundation.FileManager.isWritableFile(atPath:)",
            "lazy-init fs Foundation.FileManager.contents(atPath:)",
            "member-values env setenv",
            "member-values env unsetenv",
            "member-values fs Foundation.FileManager.fileExists(atPath:)",
            "member-values fs access",
            "member-values fs chdir",
            "member-values fs chmod",
            "member-values fs chown",
            "member-values fs creat",
            "member-values fs faccessat",
            "member-values fs lchmod",
            "member-values fs lchown",
            "member-values fs link",
            "member-values fs lstat",
            "member-values fs lutimes",
            "member-values fs mkdir",
            "member-values fs mkdtemp",
            "member-values fs mkfifo",
            "member-values fs mkfifoat",
            "member-values fs mknod",
            "member-values fs opendir",
            "member-values fs pathconf",
            "member-values fs readlink",
            "member-values fs realpath",
            "member-values fs remove",
            "member-values fs rename",
            "member-values fs rmdir",
            "member-values fs statvfs",
            "member-values fs symlink",
            "member-values fs truncate",
            "member-values fs unlink",
            "member-values fs unlinkat",
            "member-values fs utime", "member-values fs utimes",
            "metatype-init env Foundation.ProcessInfo.environment",
            "notification-observer fs Foundation.FileManager.contents(atPath:)",
            "overridden-default env Foundation.ProcessInfo.environment",
            "overridden-default fs Foundation.FileManager.createFile(atPath:contents:attributes:)",
            "pattern-match fs Foundation.FileManager.fileExists(atPath:)",
            "raw-macro build macro RawMacros",
            "raw-macro env clearenv (called by the object file, bound by no source line)",
            "raw-macro ffi clearenv (a C function the object file calls, bound by no source line)",
            "result-builder env Foundation.ProcessInfo.environment",
            "result-builder fs Foundation.FileManager.attributesOfItem(atPath:)",
            "result-builder fs Foundation.FileManager.contents(atPath:)",
            "result-builder fs Foundation.FileManager.contentsOfDirectory(atPath:)",
            "result-builder fs Foundation.FileManager.destinationOfSymbolicLink(atPath:)",
            "result-builder fs Foundation.FileManager.fileExists(atPath:)",
            "result-builder fs Foundation.FileManager.isDeletableFile(atPath:)",
            "result-builder fs Foundation.FileManager.isExecutableFile(atPath:)",
            "result-builder fs Foundation.FileManager.isReadableFile(atPath:)",
            "result-builder fs Foundation.FileManager.isWritableFile(atPath:)",
            "result-builder fs Foundation.FileManager.subpaths(atPath:)",
            "shadow-tests env Foundation.ProcessInfo.environment",
            "shadow-tests ffi native code of target CShadowBoot",
            "shadow-tests ffi shadow_boot_count",
            "shadow-tests fs unlink",
            "shared-folder fs Foundation.FileManager.contentsOfDirectory(atPath:)",
            "shared-folder fs Foundation.FileManager.isReadableFile(atPath:)",
            "underscored-hooks env Foundation.ProcessInfo.environment",
            "underscored-hooks fs Foundation.FileManager.attributesOfItem(atPath:)",
            "underscored-hooks fs Foundation.FileManager.contentsOfDirectory(atPath:)",
            "underscored-hooks fs Foundation.FileManager.createFile(atPath:contents:attributes:)",
            "underscored-hooks fs Foundation.FileManager.isDeletableFile(atPath:)",
            "wrapped-local fs unlink",
            "wrapped-local net socket",
            "wrapped-property env Foundation.ProcessInfo.environment",
            "wrapped-property fs Foundation.FileManager.contentsOfDirectory(atPath:)",
            "wrapped-property fs Foundation.FileManager.isReadableFile(atPath:)",
        ])
    }

    /// Code that runs when a value is made or used though nothing names it: a stored property's initial value and its
    /// wrapper's initialiser, a superclass's initialiser (implicit `super.init()`, inherited `init`), and a conformance
    /// a package gives a toolchain type. Found by an evasion sweep: each passed silently before its rule.
    func testConstructionAndToolchainTypeConformancesAreReached() throws {
        let report = try report()
        func via(_ sink: String) throws -> [String] {
            try XCTUnwrap(report.violations.first { $0.package == "implicit-construction" && $0.sink == sink }, sink).path.compactMap(\.via)
        }
        XCTAssertEqual(try path("implicit-construction", "Foundation.ProcessInfo.environment").suffix(2),
                       ["ImplicitConstruction.Session", "FoundationEssentials.ProcessInfo.environment"])
        XCTAssertTrue(try via("Foundation.ProcessInfo.environment").contains("initial value of a stored property"))
        XCTAssertTrue(try via("Foundation.FileManager.fileExists(atPath:)").contains("initial value of a stored property"))
        XCTAssertTrue(try via("Foundation.FileManager.isReadableFile(atPath:)").contains("initialiser of a superclass"))
        XCTAssertTrue(try via("Foundation.FileManager.isWritableFile(atPath:)").contains("initialiser of a superclass"))
        XCTAssertTrue(try path("implicit-construction", "Foundation.FileManager.isExecutableFile(atPath:)").first?.hasPrefix("program start") == true)
        XCTAssertTrue(try path("implicit-construction", "Foundation.FileManager.isDeletableFile(atPath:)").contains("ImplicitConstruction.Runner.run()"))
    }

    /// Code the toolchain runs on a member's value, which no code names: `print` reflecting a member's `description`,
    /// synthesized `==`, `hash(into:)`, `encode(to:)` and `init(from:)` calling the member type's, an associated type's
    /// default made through `P.Helper()`, a wrapper's enclosing-instance subscript. Found by an evasion sweep.
    func testMembersRunBySynthesizedOrReflectiveCodeAreReached() throws {
        let report = try report()
        func via(_ sink: String) throws -> [String] {
            try XCTUnwrap(report.violations.first { $0.package == "member-values" && $0.sink == sink }, sink).path.compactMap(\.via)
        }
        for sink in ["unlink", "rmdir", "chmod", "symlink", "unsetenv"] {
            XCTAssertTrue(try via(sink).contains("constructed type"), sink)  // the enum case named in the initial value
            XCTAssertTrue(try via(sink).contains("implicit call of a conformance"), sink)
        }
        XCTAssertEqual(try path("member-values", "unlink").suffix(5),
                       ["MemberValues.Shade.dark(_:)", "MemberValues.Shade", "MemberValues.Shade.description", "MemberValues.Shade.description", "unlink"])
        XCTAssertEqual(try path("member-values", "truncate").suffix(4),
                       ["MemberValues.Configuration", "MemberValues.Level", "MemberValues.Level.init(from:)", "truncate"])
        XCTAssertTrue(try via("truncate").contains("member decoded by a synthesized init(from:)"))
        // `Preset: Model`, `Model: Decodable`: Decodable through a refined protocol, synthesized all the same.
        XCTAssertEqual(try path("member-values", "utimes").suffix(4),
                       ["MemberValues.Preset", "MemberValues.Depth", "MemberValues.Depth.init(from:)", "utimes"])
        XCTAssertEqual(try path("member-values", "rename").suffix(3),
                       ["MemberValues.Helping.help()", "MemberValues.RenamingHelper.help()", "rename"])
        // `W.Product()`: an initializer requirement called on a metatype reaches its witnesses ungated (`Lathe` is named
        // only by the signature of a method nothing calls, from which the conformance infers `Product`).
        XCTAssertEqual(try path("member-values", "lchown").suffix(3), ["MemberValues.Machine.init()", "MemberValues.Lathe.init()", "lchown"])
        // Declaration headers and accessors the index relates only by `childOf` (found by a later sweep).
        XCTAssertTrue(try via("chdir").contains(EdgeKind.defaultArgument.rawValue))
        XCTAssertTrue(try via("mkfifo").contains(EdgeKind.samePattern.rawValue))
        XCTAssertEqual(try path("member-values", "utime").suffix(2), ["MemberValues.Cell.value", "utime"])
        XCTAssertTrue(try path("member-values", "lchmod").contains("MemberValues.Named.CodingKeys.stringValue"))
        XCTAssertEqual(try path("member-values", "access").suffix(3),
                       ["MemberValues.Audited.subscript", "MemberValues.Audited.subscript", "access"])
        // Found by a later sweep: a tuple pattern over two lines, a decoy `init(from:)` beside the synthesized one, a
        // protocol extension's default a toolchain type takes, a file-scope `==` witness.
        XCTAssertEqual(try path("member-values", "mkdir").suffix(3), ["MemberValues.stageName", "MemberValues.stageMark", "mkdir"])
        XCTAssertTrue(try via("mkdir").contains(EdgeKind.samePattern.rawValue))
        XCTAssertEqual(try path("member-values", "link").suffix(4), ["MemberValues.Dial", "MemberValues.Gauge", "MemberValues.Gauge.init(from:)", "link"])
        XCTAssertEqual(try path("member-values", "setenv").suffix(3),
                       ["MemberValues.Stamping.stamp()", "MemberValues.Stamping.stamp()", "setenv"])
        XCTAssertEqual(try path("member-values", "chown").suffix(3), ["MemberValues.Token", "MemberValues.==(_:_:)", "chown"])
        XCTAssertTrue(try via("chown").contains("implicit call of a conformance"))
        // Found by the sixth sweep: types no reached code names, made by the toolchain or by generic code.
        XCTAssertEqual(try path("member-values", "readlink").suffix(5),
                       ["MemberValues.Scheme", "MemberValues.SwatchRef", "MemberValues.Swatch", "MemberValues.Swatch.init(from:)", "readlink"])
        XCTAssertTrue(try via("readlink").contains(EdgeKind.namedType.rawValue))
        XCTAssertEqual(try path("member-values", "remove").suffix(5),
                       ["MemberValues.Kiln", "MemberValues.Spark", "MemberValues.Spark.description", "MemberValues.Spark.description", "remove"])
        // The twenty-eighth sweep's: a protocol's header names the type its conformers' `Unit` is.
        XCTAssertEqual(try path("member-values", "faccessat").suffix(5),
                       ["MemberValues.Ruler", "MemberValues.LinearMeter", "MemberValues.Inch", "MemberValues.Inch.init(integerLiteral:)", "faccessat"])
        XCTAssertEqual(try path("member-values", "unlinkat").suffix(5),
                       ["MemberValues.Tape", "MemberValues.MetricMeter", "MemberValues.Metre", "MemberValues.Metre.init(integerLiteral:)", "unlinkat"])
        // The standard library's underscored customization points run on a value of the package's type: the type
        // reaches them.
        for (sink, member) in [("mkdtemp", "MemberValues.Ticket._rawHashValue(seed:)"), ("lutimes", "MemberValues.Trouble._domain")] {
            XCTAssertEqual(try path("member-values", sink).suffix(2).first, member, sink)
            XCTAssertTrue(try via(sink).contains(EdgeKind.conformance.rawValue), sink)
        }
        for sink in ["mknod", "pathconf", "creat", "mkfifoat"] {
            XCTAssertEqual(try path("member-values", sink).first, "program start (load-time code of linked targets)", sink)
            XCTAssertTrue(try via(sink).contains(EdgeKind.synthesizedCall.rawValue), sink)
        }
        XCTAssertEqual(try path("member-values", "opendir").suffix(4),
                       ["MemberValues.Coal", "MemberValues.Ember", "MemberValues.Ember.init(integerLiteral:)", "opendir"])
        // Found by the seventeenth sweep, each run with check exiting 0: the type a protocol extension's default witness
        // names, for a conformer that takes it; a global actor named several lines above the type; a tuple pattern
        // with a back-quoted label.
        XCTAssertEqual(try path("member-values", "statvfs").suffix(4),
                       ["MemberValues.Peat", "MemberValues.Ash", "MemberValues.Ash.init(integerLiteral:)", "statvfs"])
        XCTAssertEqual(try path("member-values", "lstat").suffix(3), ["MemberValues.stampLevel", "MemberValues.stampToken", "lstat"])
        XCTAssertTrue(try path("global-actor", "Foundation.FileManager.contents(atPath:)").contains("GlobalActor.Scribe.shared"))
        XCTAssertEqual(try path("member-values", "Foundation.FileManager.fileExists(atPath:)").suffix(2),
                       ["MemberValues._vjpScaled(_:)", "FoundationEssentials.FileManager.fileExists(atPath:)"])
        XCTAssertTrue(try via("Foundation.FileManager.fileExists(atPath:)").contains(EdgeKind.differentiation.rawValue))
    }

    /// A protocol extension's default runs only for the conformers that take it: `MemoryExporter` implements `export()`
    /// itself, so the default's `removeItem` is not reached (before, any use of the protocol reached it); `LateArchiver`
    /// takes `archive()`'s default through a conformance declared in an extension, and reaches its `createFile`;
    /// `Tagged` takes `tag()`'s default constrained to `Equatable` types, which reads the environment.
    func testADefaultImplementationIsReachedOnlyThroughAConformerThatTakesIt() throws {
        let summary = try XCTUnwrap(report().summary(of: "overridden-default"))
        XCTAssertEqual(summary.reachedSinks["fs"], ["Foundation.FileManager.createFile(atPath:contents:attributes:)"])
        let path = try path("overridden-default", "Foundation.FileManager.createFile(atPath:contents:attributes:)")
        // The requirement, then the extension's default (rendered with the same name), then the sink.
        XCTAssertEqual(path.suffix(3).dropLast(), ["OverriddenDefault.Archiver.archive()", "OverriddenDefault.Archiver.archive()"])
        let hops = try XCTUnwrap(report().violations.first { $0.package == "overridden-default" }).path
        XCTAssertEqual(hops[hops.count - 2].via, EdgeKind.witness.rawValue)
    }

    /// `settings.files` runs `Listed.wrappedValue`'s getter; `settings.$files` its `projectedValue`.
    func testAWrappedPropertyReachesItsWrapper() throws {
        let fs = try XCTUnwrap(report().violations.first { $0.package == "wrapped-property" && $0.capability == "fs" }).path
        XCTAssertEqual(fs.map(\.symbol).prefix(2), ["ImplicitApp.Settings.files", "WrappedProperty.Listed.wrappedValue"])
        XCTAssertEqual(fs[1].via, EdgeKind.propertyWrapper.rawValue)
        let env = try XCTUnwrap(report().violations.first { $0.package == "wrapped-property" && $0.capability == "env" }).path
        XCTAssertTrue(env.contains { $0.symbol == "WrappedProperty.Listed.projectedValue" })
    }

    /// `readable(@Checked path:)`: reading the wrapped parameter runs `Checked.wrappedValue`'s getter.
    func testAWrappedParameterReachesItsWrapper() throws {
        XCTAssertEqual(try path("wrapped-property", "Foundation.FileManager.isReadableFile(atPath:)").prefix(3),
                       ["top-level code (main.swift)", "WrappedProperty.readable(path:)", "WrappedProperty.Checked.wrappedValue"])
    }

    /// `debugPrint(Token())` runs `debugDescription`, which no call names.
    func testDebugPrintReachesDebugDescription() throws {
        XCTAssertEqual(try path("debug-description", "Foundation.ProcessInfo.environment").dropLast().last,
                       "DebugDescription.Token.debugDescription")
    }

    /// `@Counted var count` inside `tally()`: `count += 1` runs the wrapper's setter.
    func testAWrappedLocalVariableReachesItsWrapper() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "wrapped-local" && $0.sink == "socket" }).path
        XCTAssertEqual(path.map(\.symbol).prefix(2), ["ImplicitApp.tally()", "WrappedLocal.Counted.wrappedValue"])
    }

    /// `shown($value: $level)` passes a projection to a wrapped parameter: the wrapper's `init(projectedValue:)` runs.
    func testAProjectionPassedToAWrappedParameterReachesInitProjectedValue() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "wrapped-local" && $0.sink == "unlink" }).path
        XCTAssertEqual(path.map(\.symbol).suffix(3), ["WrappedLocal.projectLevel()", "WrappedLocal.Projected.init(projectedValue:)", "unlink"])
        XCTAssertEqual(path[path.count - 2].via, EdgeKind.propertyWrapper.rawValue)
    }

    func testADynamicCallableValueReachesDynamicallyCall() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "dynamic-callable" }).path
        XCTAssertTrue(path.contains { $0.symbol == "DynamicCallable.Shell.dynamicallyCall(withArguments:)" && $0.via == EdgeKind.dynamicCall.rawValue })
    }

    /// `plan { … }` with `if`, `if`/`else`, `for` and `if #available`: each builder method the transform calls holds its
    /// own sink, and each is reached through the reference the index records at the statement it builds.
    func testEachResultBuilderMethodIsReached() throws {
        let methods = [
            "Foundation.ProcessInfo.environment": "buildPartialBlock(accumulated:next:)",
            "Foundation.FileManager.attributesOfItem(atPath:)": "buildPartialBlock(first:)",
            "Foundation.FileManager.fileExists(atPath:)": "buildOptional(_:)",
            "Foundation.FileManager.isReadableFile(atPath:)": "buildEither(first:)",
            "Foundation.FileManager.isWritableFile(atPath:)": "buildEither(second:)",
            "Foundation.FileManager.isExecutableFile(atPath:)": "buildArray(_:)",
            "Foundation.FileManager.isDeletableFile(atPath:)": "buildLimitedAvailability(_:)",
            "Foundation.FileManager.contents(atPath:)": "buildFinalResult(_:)",
        ]
        for (sink, method) in methods {
            XCTAssertEqual(try path("result-builder", sink).dropLast().last, "ResultBuilder.StepsBuilder.\(method)", sink)
        }
        // `LinesBuilder` has only buildBlock and buildExpression; `LinkReport`'s interpolation runs appendInterpolation.
        XCTAssertEqual(try path("result-builder", "Foundation.FileManager.subpaths(atPath:)").dropLast().last,
                       "ResultBuilder.LinesBuilder.buildBlock(_:)")
        XCTAssertEqual(try path("result-builder", "Foundation.FileManager.contentsOfDirectory(atPath:)").dropLast().last,
                       "ResultBuilder.LinesBuilder.buildExpression(_:)")
        XCTAssertEqual(try path("result-builder", "Foundation.FileManager.destinationOfSymbolicLink(atPath:)").dropLast().last,
                       "ResultBuilder.LinkReport.Interpolation.appendInterpolation(link:)")
    }

    /// `HostInfo().name`: the `lazy var`'s initial value is attributed to the property, and, since the index cannot tell
    /// a `lazy var` from a stored one, to the type too (TypeReachesStoredPropertyValuesRule: it is reached once the
    /// value is made, an over-approximation of "on first read").
    func testALazyInitialiserIsReachedThroughItsProperty() throws {
        let path = try XCTUnwrap(report().violations.first { $0.package == "lazy-init" }).path
        XCTAssertEqual(path.dropLast().last?.symbol, "LazyInit.HostInfo")
        XCTAssertEqual(path.last?.via, EdgeKind.storedPropertyValue.rawValue)
    }

    /// `for await line in Lines()`: the loop's recorded reference reaches `makeAsyncIterator()`, which constructs the
    /// iterator, whose `next()` is reached as a toolchain-called conformance.
    func testForAwaitReachesTheIteratorsNext() throws {
        let steps = try XCTUnwrap(report().violations.first { $0.package == "async-sequence" }).path
        XCTAssertTrue(steps.contains { $0.symbol == "AsyncLines.Lines.makeAsyncIterator()" })
        XCTAssertTrue(steps.contains { $0.symbol == "AsyncLines.Lines.AsyncIterator.next()" && $0.via == EdgeKind.conformance.rawValue })
    }

    /// `case Port.http:` in a `switch`: the index records the `~=` the pattern calls.
    func testASwitchCaseReachesACustomPatternMatchOperator() throws {
        XCTAssertTrue(try path("pattern-match", "Foundation.FileManager.fileExists(atPath:)").contains("PatternMatch.Port.~=(_:_:)"))
    }

    /// `kind.init()` on a `[Plugin.Type]` holding `EnvPlugin.self`: the call names `Plugin.init()`, and the override
    /// edge reaches `EnvPlugin.init()` (its class is reached through `EnvPlugin.self`).
    func testARequiredInitThroughAMetatypeReachesTheOverride() throws {
        let steps = try XCTUnwrap(report().violations.first { $0.package == "metatype-init" }).path
        XCTAssertTrue(steps.contains { $0.symbol == "MetatypeInit.EnvPlugin.init()" && $0.via == EdgeKind.witness.rawValue })
    }

    /// `map(Loader.load)` and `map(\.contents)`: an unapplied method and a key path are recorded references.
    func testUnappliedMethodsAndKeyPathsAreReferences() throws {
        XCTAssertTrue(try path("function-values", "Foundation.ProcessInfo.environment").contains("FunctionValues.Loader.load(_:)"))
        XCTAssertTrue(try path("function-values", "Foundation.FileManager.contents(atPath:)").contains("FunctionValues.Document.contents"))
    }

    /// `EnvSettings().home` runs `subscript(dynamicMember:)`; `FileProbe()()` runs `callAsFunction()`: both recorded.
    func testDynamicMemberLookupAndCallAsFunctionAreReferences() throws {
        XCTAssertTrue(try path("dynamic-member", "Foundation.ProcessInfo.environment").contains("DynamicMember.EnvSettings.subscript"))
        XCTAssertTrue(try path("dynamic-member", "Foundation.FileManager.isReadableFile(atPath:)")
            .contains("DynamicMember.FileProbe.callAsFunction()"))
    }

    /// `Commands.table["clean"]?()`: the table's initial value names `clean`.
    func testAFunctionCalledThroughATableIsReached() throws {
        XCTAssertTrue(try path("function-table", "Foundation.FileManager.removeItem(atPath:)").contains("FunctionTable.Commands.clean()"))
    }

    /// `refresh()` queues closures on `DispatchQueue.global()` and `DispatchQueue.main`, and `ConfigWatcher()` registers
    /// a NotificationCenter observer: each closure's references belong to the function that creates it.
    func testDispatchBlocksAndObserversBelongToTheirEnclosingFunction() throws {
        for sink in ["Foundation.FileManager.contents(atPath:)", "Foundation.ProcessInfo.environment"] {
            XCTAssertEqual(try path("dispatch-block", sink).dropLast().last, "DispatchBlock.refresh()", sink)
        }
        XCTAssertEqual(try path("notification-observer", "Foundation.FileManager.contents(atPath:)").dropLast().last,
                       "NotificationObserver.ConfigWatcher.init()")
    }
}
