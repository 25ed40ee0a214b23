@testable import CapCheckCore
import Foundation
import XCTest

/// The prefilter that spares libclang the C sources with nothing the index records lack (`ParsePrefilter`): its lexer
/// on hand-written preprocessor output, and on Fixtures/NativeApp's `c-macro-triggers`, whose asm, constructor and
/// raw system call are spelt only through macros and token pasting.
final class PreprocessedTriggersTests: XCTestCase {
    private func scan(_ text: String, source: String = "/p/a.c") -> PreprocessedTriggers { Self.scan(text, source: source) }

    private static func scan(_ text: String, source: String = "/p/a.c") -> PreprocessedTriggers {
        PreprocessedTriggers(preprocessed: Array(text.utf8), source: source)!
    }

    func testTriggersInTheSourceHeadersAndSystemHeaders() {
        let triggers = scan("""
            # 1 "/p/a.c"
            # 1 "/usr/include/unistd.h" 1 3
            extern long syscall(long n, ...) __asm__("syscall");
            # 2 "/p/a.c" 2
            # 1 "/p/h.h" 1
            static inline int f(int x) { __asm__ volatile("" : "+r"(x)); return x; }
            # 3 "/p/a.c" 2
            long g(void) { return syscall(39); }
            """)
        XCTAssertEqual(triggers.own, [.init(word: "syscall", line: 3)], "the system header's own asm and syscall are not the source's")
        XCTAssertEqual(triggers.headers["/p/h.h"]?.triggers, [.init(word: "__asm__", line: 1)])
        XCTAssertNil(triggers.headers["/usr/include/unistd.h"])
        XCTAssertEqual(triggers.ownParseReason, "syscall at line 3")
    }

    /// A package's header clang calls a system header (`#pragma GCC system_header`) is read however its path is spelt:
    /// with `..` through another folder, or through `/proc` (the eighteenth sweep's `/proc/self/cwd/../dep/quiet.h`
    /// hid an asm label).
    func testAPackagesSystemHeaderIsReadHoweverItsPathIsSpelt() {
        for header in ["/p/quiet.h", "/usr/../p/quiet.h", "//p/./quiet.h", "/proc/self/cwd/../elsewhere/quiet.h"] {
            let triggers = PreprocessedTriggers(preprocessed: Array("""
                # 1 "/p/a.c"
                # 1 "\(header)" 1 3
                int quiet(const char *) __asm__("mkdir");
                # 2 "/p/a.c" 2
                """.utf8), source: "/p/a.c", packageFolders: PackageFolders(roots: ["/p"]))!
            XCTAssertEqual(triggers.headers.values.flatMap(\.triggers).map(\.word), ["__asm__"], header)
        }
        let system = PreprocessedTriggers(preprocessed: Array("""
            # 1 "/p/a.c"
            # 1 "/p/../usr/include/unistd.h" 1 3
            extern long syscall(long n, ...) __asm__("syscall");
            # 2 "/p/a.c" 2
            """.utf8), source: "/p/a.c", packageFolders: PackageFolders(roots: ["/p"]))!
        XCTAssertTrue(system.headers.isEmpty, "a system header spelt through a package's folder is still one")
    }

    func testPragmasThatBindANameAreTriggersWithTheirBindings() {
        let triggers = scan("""
            # 1 "/p/a.c"
            void target(void) {}
            #pragma weak alias = target
            # 1 "/p/h.h" 1
              #  pragma redefine_extname quiet rmdir
            #pragma weak lonely
            # 4 "/p/a.c" 2
            #pragma once
            """)
        XCTAssertEqual(triggers.own, [.init(word: "pragma weak", line: 2)])
        XCTAssertEqual(triggers.pragmaBindings, [
            .init(kind: .weakAlias, name: "alias", target: "target", file: nil, line: 2),
            .init(kind: .externalName, name: "quiet", target: "rmdir", file: "/p/h.h", line: 1),
        ], "`#pragma weak lonely` binds nothing; `#pragma once` is no trigger")
        XCTAssertEqual(triggers.headers["/p/h.h"]?.triggers.map(\.word), ["pragma redefine_extname", "pragma weak"])
    }

    func testAHeaderSeenAgainGivesTheBindingsItGaveTheFirstTime() {
        // The second scan finds the header's bindings kept under its path and digest and does not read its lines again.
        let text = """
            # 1 "/p/again.c"
            # 1 "/p/again-prefix.h" 1
            #pragma redefine_extname again_open again_prefixed_open
            #pragma weak again_lonely
            # 2 "/p/again.c" 2
            int x;
            """
        let first = scan(text, source: "/p/again.c"), second = scan(text, source: "/p/again.c")
        XCTAssertEqual(first.pragmaBindings, [.init(kind: .externalName, name: "again_open", target: "again_prefixed_open", file: "/p/again-prefix.h", line: 1)])
        XCTAssertEqual(second.pragmaBindings, first.pragmaBindings)
        XCTAssertEqual(second.triggeredHeaders, first.triggeredHeaders)
    }

    func testPragmaWordsAreTheSameReadByteByByteOrByCharacter() {
        // ASCII lines are split byte by byte, others by `Character`: both give letters, digits, `_`, `$` and `=`.
        XCTAssertEqual(PreprocessedTriggers.binding("pragma  weak a$1=_b2 ", file: nil, line: 1),
                       .init(kind: .weakAlias, name: "a$1", target: "_b2", file: nil, line: 1))
        XCTAssertEqual(PreprocessedTriggers.binding("pragma weak café = target", file: nil, line: 2),
                       .init(kind: .weakAlias, name: "café", target: "target", file: nil, line: 2))
        XCTAssertEqual(PreprocessedTriggers.binding("pragma redefine_extname café tét", file: "/h", line: 3),
                       .init(kind: .externalName, name: "café", target: "tét", file: "/h", line: 3))
        XCTAssertNil(PreprocessedTriggers.binding("pragma weak a·b = t", file: nil, line: 4), "a middle dot ends a word")
        XCTAssertNil(PreprocessedTriggers.binding("pragma redefine_extname a b c", file: nil, line: 4))
    }

    func testAttributesCountOnlyInsideAttributeListsAndStringsAreNotCode() {
        let quiet = scan("""
            # 1 "/p/a.c"
            struct conf { const char *section; int weak; };
            const char *s = "asm syscall __attribute__((constructor))";
            int alias(int section) { return section; }
            """)
        XCTAssertEqual(quiet.own, [])
        let loud = scan("""
            # 1 "/p/a.c"
            __attribute__((used, __section__(".init_array"))) static void (*e)(void) = 0;
            [[gnu::constructor]] static void early(void) {}
            static void late(void) __attribute__ ((destructor));
            """)
        XCTAssertEqual(loud.own.map(\.word), ["section", "constructor", "destructor"])
    }

    func testDigitSeparatorsAndRawStringsDoNotHideCode() {
        let triggers = scan("""
            # 1 "/p/a.cc"
            int n = 1'000'000; const char *r = R"x(syscall " ')x"; void f() { asm("nop"); }
            """, source: "/p/a.cc")
        XCTAssertEqual(triggers.own.map(\.word), ["asm"])
    }

    func testAHeaderHasTheSameDigestWhateverPathOrBlankLinesBroughtIt() {
        // clang writes blank lines or a line marker depending on what came before, and `__FILE__` as the path the
        // header was included by: neither changes what the header defines.
        let one = scan("""
            # 1 "/p/one.c"
            # 1 "/p/x/../h.h" 1
            static inline void f(void) { __asm__(""); }

            void g(void) { assert_fail("/p/x/../h.h"); }
            # 2 "/p/one.c" 2
            """, source: "/p/one.c")
        let two = scan("""
            # 1 "/p/two.c"
            # 1 "/p/y/../h.h" 1
            static inline void f(void) { __asm__(""); }
            # 3 "/p/y/../h.h"
            void g(void) { assert_fail("/p/y/../h.h"); }
            # 2 "/p/two.c" 2
            """, source: "/p/two.c")
        XCTAssertEqual(one.triggeredHeaders, two.triggeredHeaders)
        XCTAssertEqual(one.triggeredHeaders.count, 1)
        XCTAssertNil(one.ownParseReason)
        XCTAssertEqual(ParsePrefilter.decide([.init(triggers: one, mustParse: "asm at line 9"), .init(triggers: two, mustParse: nil)]),
                       [.parse(reason: "asm at line 9"), .skip(headers: two.triggeredHeaders)])
    }

    func testTheBlockAHeaderIsIncludedInDecides() {
        let header = """
            # 1 "/p/h.h" 1
            static inline void f(void) { __asm__(""); }
            # 3 "/p/a.c" 2
            """
        let topLevel = scan("# 1 \"/p/a.c\"\n" + header)
        let linkage = scan("# 1 \"/p/a.c\"\nextern \"C\" {\n" + header + "\n}")
        let body = scan("# 1 \"/p/a.c\"\nvoid g(void) {\n" + header + "\n}")
        XCTAssertNil(linkage.ownParseReason, "a linkage specification is not a block whose code the header's belongs to")
        XCTAssertNotEqual(linkage.triggeredHeaders, topLevel.triggeredHeaders, "but its definitions are named differently")
        XCTAssertEqual(body.ownParseReason, "__asm__ in /p/h.h, included inside a block")
        let alias = scan("# 1 \"/p/a.c\"\n# 1 \"/p/h.h\" 1\nint f(void) __attribute__((alias(\"g\")));\n")
        XCTAssertEqual(alias.ownParseReason, "alias in /p/h.h", "an alias names a function of the including source")
    }

    /// A header that ends in the middle of a statement continues into its includer's code (the thirty-ninth sweep's
    /// `__asm__ volatile(` closed by each source with another call), and one included in the middle of a statement is
    /// part of it: either way each including source is parsed itself.
    func testAHeaderLeftOrEnteredMidStatementIsReadWithEachSource() {
        let open = scan("""
            # 1 "/p/a.c"
            # 1 "/p/h.h" 1
            static inline void go(void) { __asm__ volatile(
            # 2 "/p/a.c" 2
            "call mkdir"); }
            """)
        XCTAssertEqual(open.ownParseReason, "__asm__ in /p/h.h, included inside a block")
        let inside = scan("""
            # 1 "/p/a.c"
            int table[] = {
            # 1 "/p/h.h" 1
            (__asm__("nop"), 1)
            # 3 "/p/a.c" 2
            };
            """)
        XCTAssertNotNil(inside.ownParseReason)
        let closed = scan("""
            # 1 "/p/a.c"
            # 1 "/p/h.h" 1
            static inline void go(void) { __asm__ volatile("nop"); }
            # 2 "/p/a.c" 2
            int x;
            """)
        XCTAssertNil(closed.ownParseReason, "a complete header at file scope is covered by another source's parse")
        let afterPragma = scan("""
            # 1 "/p/a.c"
            #pragma redefine_extname quiet loud
            # 1 "/p/h.h" 1
            static inline void go(void) { __asm__ volatile("nop"); }
            # 3 "/p/a.c" 2
            """)
        XCTAssertEqual(afterPragma.ownParseReason, "pragma redefine_extname at line 1",
                       "a kept #pragma line is no statement the header would be in the middle of")
        XCTAssertTrue(afterPragma.headers["/p/h.h"]!.atTopLevel)
        XCTAssertFalse(closed.headers["/p/h.h"]!.insideBlocks)
    }

    func testAnUncoveredHeaderIsParsedOnceAndCoversTheRest() {
        let scans = (0..<3).map { _ in
            Self.scan("# 1 \"/p/a.c\"\n# 1 \"/p/h.h\" 1\nstatic inline void f(void) { asm(\"\"); }\n")
        }.map { ParsePrefilter.Scan(triggers: $0, mustParse: nil) }
        let decisions = ParsePrefilter.decide(scans)
        XCTAssertEqual(decisions.first, ParsePrefilter.Decision.parse(reason: "covers /p/h.h"))
        XCTAssertEqual(Array(decisions.dropFirst()),
                       Array(repeating: ParsePrefilter.Decision.skip(headers: scans[0].triggers!.triggeredHeaders), count: 2))
    }
}

final class ParsePrefilterTests: XCTestCase {
    /// The analyzer of Fixtures/NativeApp's build, the prefilter, and `c-macro-triggers`' compile commands by file name.
    static func setUpFixture() throws -> (NativeCodeAnalyzer, ParsePrefilter, [String: ClangCompileCommand]) {
        try Fixtures.build("NativeApp")
        let toolchain = try Toolchain.locate()
        let graph = try PackageGraphLoader(toolchain: toolchain, packagePath: Fixtures.packagePath("NativeApp"),
                                           scratchPath: Fixtures.scratchPath("NativeApp")).load()
        let library = toolchain.libraryDirectory.appendingPathComponent("libclang.so").path
        let analyzer = NativeCodeAnalyzer(packageGraph: graph, ownership: SourceOwnership(graph: graph),
                                          scratchPath: Fixtures.scratchPath("NativeApp"), includeTests: false,
                                          locateLibClang: { library })
        let prefilter = try XCTUnwrap(ParsePrefilter(libclang: library), "the toolchain has a clang beside its libclang")
        let resources = LibClangLocator.resourceArguments(forLibrary: library)
        var commands: [String: ClangCompileCommand] = [:]
        for (command, _) in analyzer.compileCommands() where command.source.contains("c-macro-triggers") {
            commands[(command.source as NSString).lastPathComponent] =
                ClangCompileCommand(source: command.source, arguments: command.arguments + resources, output: command.output)
        }
        return (analyzer, prefilter, commands)
    }

    func testTriggersSpeltThroughMacrosAndPastingAreSeen() throws {
        let (_, prefilter, commands) = try Self.setUpFixture()
        XCTAssertEqual(Set(commands.keys), ["asm.c", "syscall.c", "constructor.c", "user_one.c", "user_two.c", "record_paste.c",
                                            "record_quiet.c", "record_quiet_two.c", "record_loud.c", "record_block.c",
                                            "record_splice.c", "record_carriage.c", "record_separator.c", "record_order_quiet.c",
                                            "record_order_loud.c", "cut_covered.c", "cut_later.c", "record_member.c", "cut_renumbered.c"])
        var scans: [String: PreprocessedTriggers] = [:]
        for name in ["asm.c", "syscall.c", "user_one.c", "user_two.c"] {
            let scan = prefilter.scan(try XCTUnwrap(commands[name]))
            scans[name] = try XCTUnwrap(scan.triggers, "\(name) was preprocessed: \(scan.mustParse ?? "")")
        }
        XCTAssertEqual(scans["asm.c"]?.own.map(\.word), ["__asm__"], "CAPCHECK_BARRIER → ASM_KEYWORD → __asm__")
        XCTAssertEqual(scans["syscall.c"]?.own.map(\.word), ["syscall"], "RAW_CALL → PASTE(sys, call)")
        XCTAssertNil(scans["user_one.c"]?.ownParseReason)
        XCTAssertEqual(scans["user_one.c"]?.triggeredHeaders, scans["user_two.c"]?.triggeredHeaders)
        XCTAssertEqual(scans["user_one.c"]?.triggeredHeaders.count, 1, "the header's inline function holds asm")
    }

    func testAConstructorMadeByPastingIsSeenInTextAndInTheObjectFile() throws {
        let (_, _, commands) = try Self.setUpFixture()
        let constructor = try XCTUnwrap(commands["constructor.c"])
        XCTAssertEqual(LoadTimeSections.present(inObjectAt: try XCTUnwrap(constructor.output)), true)
        XCTAssertEqual(LoadTimeSections.present(inObjectAt: try XCTUnwrap(commands["user_one.c"]?.output)), false)
        XCTAssertNil(LoadTimeSections.present(inObjectAt: constructor.source), "a C source is not an object file")
        let clang = try XCTUnwrap(ParsePrefilter(libclang: Toolchain.locate().libraryDirectory.appendingPathComponent("libclang.so").path)).clang
        let output = try ProcessRunner.run(clang, constructor.arguments + ["-E", "-w", constructor.source])
        let triggers = try XCTUnwrap(PreprocessedTriggers(preprocessed: output.stdoutData, source: constructor.source))
        XCTAssertEqual(triggers.own.map(\.word), ["constructor"], "RUN_EARLY → __attribute__((PASTE(constr, uctor)))")
    }

    func testDecisionsParseTheTriggersAndSkipTheCoveredSources() throws {
        let (_, prefilter, commands) = try Self.setUpFixture()
        let names = commands.keys.sorted()
        let decisions = Dictionary(uniqueKeysWithValues: zip(names, ParsePrefilter.decide(names.map { prefilter.scan(commands[$0]!) })))
        XCTAssertEqual(decisions["asm.c"], .parse(reason: "__asm__ at line 5"))
        XCTAssertEqual(decisions["syscall.c"], .parse(reason: "syscall at line 8"))
        XCTAssertEqual(decisions["constructor.c"], .parse(reason: "load-time, linker-bracketed or thread-local sections in its object file"))
        guard case let .skip(headers)? = decisions["user_one.c"], case .skip? = decisions["user_two.c"] else {
            return XCTFail("the header users are covered by asm.c's parse: \(decisions)")
        }
        XCTAssertEqual(headers.count, 1)
    }

    /// The prefilter's findings are exactly those of parsing every source, for everything the index lacks, with the
    /// index records sparing some sources `clang -E` (`RecordPrefilter`) and without them.
    func testThePrefilterFindsWhatParsingEverySourceFinds() throws {
        var (analyzer, _, _) = try Self.setUpFixture()
        let records = try RecordPrefilterTests.unitRecords()
        analyzer.unitRecords = { records }
        let first = try analyzer.analyse()
        XCTAssertGreaterThan(first.sourcesClearedByRecords, 0, "the records spare some source its preprocessing")
        XCTAssertEqual(first.sourcesParsedToACut.map { ($0 as NSString).lastPathComponent }.filter { $0.hasPrefix("cut_") }, ["cut_covered.c"],
                       "cut_later.c's header's asm names a function the source defines after it: parsed whole")
        let jump = "c-macro-triggers|c:cut_later.h@F@capcheck_cut_jump"
        XCTAssertEqual(first.definitions[jump]?.definition.references.map(\.usr).contains("c:@F@capcheck_cut_target"), true,
                       "the name the header's asm calls, resolved to the source's later function")
        func facts() throws -> [String: String] {
            try analyzer.analyse().definitions.filter { $0.value.definition.hasNativeFacts }.mapValues { owned in
                let definition = owned.definition
                return "asm \(definition.inlineAsm.map(\.line)) syscalls \(definition.syscalls.map { "\($0.site.line):\($0.number ?? -1)" }) "
                    + "load \(definition.loadTime.map(\.rawValue).sorted()) alias \(definition.aliasOf) label \(definition.asmLabel ?? "")"
            }
        }
        analyzer.usesPrefilter = true
        let filtered = try facts()
        analyzer.unitRecords = nil
        XCTAssertEqual(filtered, try facts(), "every source preprocessed")
        analyzer.usesPrefilter = false
        XCTAssertEqual(filtered, try facts(), "every source parsed")
        XCTAssertEqual(filtered["c-macro-triggers|c:record_variant.h@F@capcheck_record_variant"]?.hasPrefix("asm [5, 10]"), true,
                       "both variants of the header's asm, each from a parse of its own")
        XCTAssertEqual(filtered["c-macro-triggers|c:@F@capcheck_record_paste"]?.hasPrefix("asm [7]"), true, "asm pasted from an argument's pieces")
        XCTAssertEqual(filtered["c-macro-triggers|c:@F@capcheck_record_block"]?.hasPrefix("asm [1]"), true, "asm of a file included in a body")
        // The thirty-ninth sweep's: what the raw reading of the record prefilter first misread.
        XCTAssertEqual(filtered["c-macro-triggers|c:@F@capcheck_record_splice"]?.hasPrefix("asm [5]"), true, "a splice with a blank")
        XCTAssertEqual(filtered["c-macro-triggers|c:@F@capcheck_record_carriage"]?.hasPrefix("asm [6]"), true, "a lone carriage return")
        XCTAssertEqual(filtered["c-macro-triggers|c:@F@capcheck_record_separator"]?.hasPrefix("asm [7]"), true, "not a digit separator")
        XCTAssertEqual(filtered["c-macro-triggers|c:order_user.h@F@capcheck_order_go"]?.hasPrefix("asm [5]"), true,
                       "the definition the include order put in effect")
        XCTAssertEqual(filtered["c-macro-triggers|c:cmacrotriggers.h@F@capcheck_header_barrier"]?.hasPrefix("asm [12]"), true,
                       "the header's inline asm, from the parse that covered it: \(filtered.keys.sorted())")
        XCTAssertEqual(filtered["c-macro-triggers|c:constructor.c@F@capcheck_macro_early"]?.contains("constructor"), true)
        XCTAssertEqual(filtered["c-macro-triggers|c:cut_asm.h@F@capcheck_cut_barrier"]?.hasPrefix("asm [6]"), true,
                       "the header a cut parse covered")
        XCTAssertEqual(filtered["c-macro-triggers|c:cut_renumbered.h@F@capcheck_cut_renumbered_barrier"]?.hasPrefix("asm [7]"), true,
                       "the header after a #line directive, which is not cut")
        XCTAssertEqual(filtered["c-asm-label|c:@F@capcheck_quiet_open"]?.hasSuffix("label open"), true)
    }
}

/// The order the libclang parses are handed to the workers in (`ParseQueue`).
final class ParseQueueTests: XCTestCase {
    func testLargeParsesRunAtMostLargeAtOnceAndSmallOnesFillTheOtherCores() {
        let large = ParseQueue.largeBytes + 1, small = 1000
        let queue = ParseQueue(sizes: [large, large, small, small], largeAtOnce: 1)
        XCTAssertEqual(queue.take(), 0)
        XCTAssertEqual(queue.take(), 2, "the second large source waits for the first")
        XCTAssertEqual(queue.take(), 3)
        queue.done(2)
        queue.done(0)
        XCTAssertEqual(queue.take(), 1)
        XCTAssertNil(queue.take())
    }

    func testTheLongestStartFirstAndEqualSizesInOrder() {
        let queue = ParseQueue(sizes: [0, 10, 0, 20, 10])
        XCTAssertEqual((0..<5).map { _ in queue.take() }, [3, 1, 4, 0, 2])
        XCTAssertNil(queue.take())
    }

    func testTwoLargeParsesMayRunSideBySideByDefault() {
        let large = ParseQueue.largeBytes + 1, small = 1000
        let queue = ParseQueue(sizes: [large, small, large, large])
        XCTAssertEqual(queue.take(), 0)
        XCTAssertEqual(queue.take(), 2)
        XCTAssertEqual(queue.take(), 1, "a third large source waits while two run")
        queue.done(0)
        XCTAssertEqual(queue.take(), 3)
        XCTAssertNil(queue.take())
    }

    func testAWorkerWaitsForTheLargeParseWhenOnlyLargeOnesAreLeft() {
        let large = ParseQueue.largeBytes + 1
        let queue = ParseQueue(sizes: [large, large], largeAtOnce: 1)
        XCTAssertEqual(queue.take(), 0)
        let early = expectation(description: "the second large source is not handed out while the first runs")
        early.isInverted = true
        let second = expectation(description: "the second large source is handed out once the first is done")
        DispatchQueue.global().async {
            XCTAssertEqual(queue.take(), 1)
            early.fulfill()
            second.fulfill()
        }
        wait(for: [early], timeout: 0.3)
        queue.done(0)
        wait(for: [second], timeout: 10)
    }
}
