@testable import CapCheckCore
import Foundation
import XCTest

/// The raw reading of C-family text the record prefilter rests on (`RawFileFacts`, `MacroBodyFacts`, `MacroSite`),
/// and its verdicts on Fixtures/NativeApp's `c-macro-triggers` (`RecordPrefilter`).
final class RecordPrefilterTests: XCTestCase {
    private func raw(_ text: String, cplusplus: Bool? = nil) -> RawFileFacts { RawFileFacts(Array(text.utf8), cplusplus: cplusplus)! }

    func testTriggerWordsCountInCodeAndPragmasNotInCommentsDefinesOrConditions() {
        let quiet = raw("""
            // asm syscall
            /* __attribute__((constructor)) */
            #include <sys/syscall.h>
            #define HIDDEN __asm__("nop")
            #if defined(syscall)
            #endif
            _Pragma("GCC diagnostic push") int x;
            """)
        XCTAssertNil(quiet.trigger?.word, "comments, an include's name, a #define's body, #if lines and a plain _Pragma hold none")
        XCTAssertEqual(quiet.definitions["HIDDEN"], [Array("// asm syscall\n/* __attribute__((constructor)) */\n#include <sys/syscall.h>\n#define ".utf8).count])
        XCTAssertEqual(raw("int x; _Pragma(\"weak y = x\")").trigger?.word, "_Pragma")
        XCTAssertEqual(raw("#pragma weak y = x").trigger?.word, "weak")
        XCTAssertEqual(raw("static void f(void) __attribute__((__constructor__));").trigger?.word, "constructor")
        XCTAssertEqual(raw("const char *s = \"/*\"; __asm__(\"nop\"); /* */").trigger?.word, "__asm__", "a comment opener in a string opens none")
        XCTAssertEqual(raw("int a;\n__as\\\nm__(\"nop\");").trigger?.line, 2, "line splices are undone first")
    }

    func testAnAttributeWordAfterAMemberAccessNamesAMember() {
        XCTAssertNil(raw("int n = v->section + p.cleanup + q ->\n alias; struct s t = { .weak = 1 };").trigger?.word,
                     "members are no attribute's name, however a macro expands around them")
        XCTAssertEqual(raw("int n = v->syscall;").trigger?.word, "syscall", "a keyword counts wherever it stands")
        XCTAssertEqual(raw("const char *section;").trigger?.word, "section", "a declarator could follow a macro that opens an attribute list")
        XCTAssertEqual(raw("ATTR(section(\"x\")) int v;").trigger?.word, "section", "a macro's argument")
        XCTAssertEqual(raw("int v = f(... section);").trigger?.word, "section")
    }

    func testWhatTheRawReadingCannotFollowIsUnsafe() throws {
        XCTAssertEqual(raw("#line 10 \"other.c\"\nint x;").unsafe?.what, "a #line directive")
        XCTAssertEqual(raw("# 1 \"/usr/include/stdio.h\" 3\n").unsafe?.what, "a line marker")
        XCTAssertEqual(raw("int x ??= 1;").unsafe?.what, "a trigraph")
        XCTAssertEqual(raw("%:define X 1").unsafe?.what, "a digraph")
        XCTAssertEqual(raw("int \\u0061sm;").unsafe?.what, "a universal character name")
        XCTAssertEqual(raw("#undef __cplusplus").unsafe?.what, "an #undef of __cplusplus")
        XCTAssertEqual(raw("int x = __COUNTER__;").dynamic?.what, "__COUNTER__")
        // The thirty-ninth sweep's: what clang reads otherwise than a naive lexer.
        XCTAssertEqual(raw("int a;\n__as\\ \nm__(\"nop\");").trigger?.word, "__asm__", "a backslash, a blank and a newline splice")
        XCTAssertEqual(raw("// note\r__asm__(\"nop\");").trigger?.word, "__asm__", "a lone carriage return ends a comment")
        XCTAssertEqual(raw("#define X(a)\nX(1'x') __asm__(\"nop\");").unsafe?.what, "a digit separator")
        XCTAssertEqual(raw("const char *s = R\"(\";").unsafe?.what, "a raw string literal")
        XCTAssertEqual(raw("#embed \"e.txt\" if_empty(__asm__(\"nop\");)").unsafe?.what, "an #embed directive")
        let manifest = """
            commands:
              "/b/a.o":
                tool: clang
                inputs: ["/p/a.c"]
                args: ["/usr/bin/clang","-fmodules","-fmodule-map-file=/p/module.modulemap","-c","/p/a.c","-o","/b/a.o"]
            """
        let command = try XCTUnwrap(ClangCompileCommands.fromBuildManifest(manifest).first)
        XCTAssertEqual(command.hidingIncludes, "-fmodules", "the build's own flags, which libclang's do not keep")
        XCTAssertFalse(command.arguments.contains("-fmodules"))
        XCTAssertTrue(ClangCompileCommand.hidesIncludes("@flags.rsp"))
        XCTAssertFalse(ClangCompileCommand.hidesIncludes("-fmodule-map-file=/p/module.modulemap"), "a module map alone imports nothing")
    }

    func testAnIncludeIsAtFileScopeOnlyWhereEveryBranchLeavesNoBlockOpen() {
        let text = """
            #ifndef GUARD
            #define GUARD
            #ifdef __cplusplus
            extern "C" {
            #endif
            #include "c.h"
            #ifdef __cplusplus
            }
            #endif
            #include "d.h"
            #if A
            {
            #else
            {
            #endif
            #include "e.h"
            }
            #include "f.h"
            void g(void) {
            #include "h.h"
            }
            #if B
            {
            #endif
            #include "i.h"
            #endif
            """
        func scopes(_ facts: RawFileFacts) -> [String: Bool] {
            Dictionary(uniqueKeysWithValues: facts.includes.map { ($0.base, $0.atFileScope) })
        }
        XCTAssertEqual(scopes(raw(text, cplusplus: false)), ["c.h": true, "d.h": true, "e.h": false, "f.h": true, "h.h": false, "i.h": false])
        XCTAssertEqual(scopes(raw(text, cplusplus: true))["c.h"], false, "inside extern \"C\" in C++")
        XCTAssertEqual(scopes(raw(text))["c.h"], false, "either, when the language is not known")
        XCTAssertEqual(scopes(raw(text))["d.h"], false)
    }

    func testSensitiveLinesAreConditionsAsmAndAttributeLists() {
        let facts = raw("""
            int a;
            #if X
            #endif
            static inline void f(void) {
                __asm__ volatile("nop"
                                 : : );
            }
            int b __attribute__((section(
                ".data")));
            """)
        XCTAssertEqual(facts.sensitive, [2...2, 5...6, 8...9, 8...8])
    }

    func testAPasteIsJudgedByThePiecesItCanBeMadeOf() throws {
        func body(_ definition: String, _ name: String) throws -> MacroBodyFacts {
            try XCTUnwrap(MacroBodyFacts.read(Array(("#define " + definition).utf8), offset: 8, name: name))
        }
        XCTAssertFalse(try body("PFX(a) ERR_LIB_##a", "PFX").paste, "a fixed start no trigger word has")
        XCTAssertTrue(try body("CAT(a, b) a##b", "CAT").paste)
        XCTAssertTrue(try body("ASM(a) __as##a", "ASM").paste)
        let prefix = try body("ADD_PREFIX(a, b) a ## _ ## b", "ADD_PREFIX")
        XCTAssertTrue(prefix.paste)
        XCTAssertEqual(prefix.fragments, ["_"])
        XCTAssertFalse(MacroSite.formable(["_"]), "underscores alone make no trigger word")
        XCTAssertTrue(MacroSite.formable(["__as", "m", "__"]))
        XCTAssertTrue(MacroSite.formable(["a", "s", "m"]))
        XCTAssertTrue(try body("OPEN x(", "OPEN").unbalanced)
        XCTAssertTrue(try body("BLOCK { int x; }", "BLOCK").braces)
        XCTAssertFalse(try body("QUIET _Pragma(\"GCC diagnostic push\")", "QUIET").trigger)
        XCTAssertTrue(try body("LOUD _Pragma(\"weak a = b\")", "LOUD").trigger)
        XCTAssertTrue(try body("STRINGIZED(x) _Pragma(#x)", "STRINGIZED").trigger)
        XCTAssertNil(MacroBodyFacts.read(Array("#define OTHER 1".utf8), offset: 8, name: "NAME"))
        // BoringSSL's `X509V3_conf_err`: a member named `section` is no attribute, and starts none a paste could make.
        let member = try body("CONF_ERR(val) ERR_add_error_data(2, \"section:\", (val)->section, (val) . alias)", "CONF_ERR")
        XCTAssertFalse(member.trigger)
        XCTAssertEqual(member.fragments, [])
        XCTAssertEqual(try body("SYS(p) p->sys ## call", "SYS").fragments, ["sys", "call"], "a keyword can still be pasted after a member access")
        XCTAssertTrue(try body("ATTR section", "ATTR").trigger)
    }

    func testASourcePreprocessedAnywayRepresentsItsHeadersBeforeAClearedOne() {
        let h = RecordPrefilter.Header(path: "/p/h.h", identity: "h1"), g = RecordPrefilter.Header(path: "/p/g.h", identity: "g1")
        let verdicts: [RecordPrefilter.Verdict] = [
            .cleared(headers: [h, g]), .cleared(headers: [h]), .preprocessOwnLines(reason: "asm at line 3", headers: [h]),
            .preprocess(reason: "no single index unit"), .cleared(headers: []),
        ]
        let (preprocessed, representative) = NativeCodeAnalyzer.representatives(verdicts)
        XCTAssertEqual(representative, ["h1": 2, "g1": 0], "h.h's lines come from the source preprocessed for its own asm")
        XCTAssertEqual(preprocessed, [0, 2, 3], "the first cleared source only for g.h, which no preprocessed source has")
    }

    func testAnInvocationsWordsReachAcrossLinesToItsClosingParenthesis() throws {
        let text = Array("int x = CAT3(__as,\n   m, __) + 1;".utf8)
        let site = try XCTUnwrap(MacroSite(text, offset: 8))
        XCTAssertEqual(site.fragments, ["__as", "m", "__"])
        XCTAssertEqual(site.end, Array("int x = CAT3(__as,\n   m, __)".utf8).count)
        XCTAssertNil(try XCTUnwrap(MacroSite(Array("X(\n#if 1\n)".utf8), offset: 0)).fragments, "a directive inside an argument list")
    }

    /// The C-family units of Fixtures/NativeApp's build, from its index store.
    static func unitRecords() throws -> CUnitRecords {
        try Fixtures.build("NativeApp")
        let toolchain = try Toolchain.locate()
        let store = try IndexStore(path: Fixtures.scratchPath("NativeApp").appendingPathComponent("debug/index/store").path,
                                   libraryPath: toolchain.library("libIndexStore.so", override: "CAPCHECK_LIBINDEXSTORE"))
        return CUnitRecords(units: try IndexStoreLoader(store: store).currentUnits(), store: store)
    }

    func testTheRecordsClearSourcesWhoseHeadersExpandAsAnotherSourcesDo() throws {
        let (analyzer, prefilter, commands) = try ParsePrefilterTests.setUpFixture()
        let records = RecordPrefilter(records: try Self.unitRecords(), folders: PackageFolders(analyzer.packageGraph), clang: prefilter.clang)
        let verdicts = commands.mapValues { records.verdict(for: $0) }
        guard case .cleared(let quiet)? = verdicts["record_quiet.c"], case .cleared(let quietTwo)? = verdicts["record_quiet_two.c"],
              case .cleared(let loud)? = verdicts["record_loud.c"], case .cleared(let userTwo)? = verdicts["user_two.c"] else {
            return XCTFail("the header users are cleared: \(verdicts)")
        }
        XCTAssertEqual(quiet, quietTwo, "the same lines of record_variant.h")
        XCTAssertEqual(quiet.map(\.path).map { ($0 as NSString).lastPathComponent }, ["cmacrotriggers.h", "record_variant.h"])
        XCTAssertNotEqual(quiet.last?.identity, loud.last?.identity, "a macro defined before the header changes its lines")
        XCTAssertEqual(userTwo.first?.identity, quiet.first?.identity)
        guard case .cleared? = verdicts["record_member.c"] else { return XCTFail("members named like attributes: \(String(describing: verdicts["record_member.c"]))") }
        XCTAssertEqual(verdicts["record_paste.c"]?.reason, "macro CAT3 at line 7 could make a trigger")
        XCTAssertEqual(verdicts["asm.c"], .preprocessOwnLines(reason: "macro ASM_KEYWORD at line 5 could make a trigger", headers: quiet.dropLast()),
                       "preprocessed for its own lines, it stands for the headers it shares with cleared sources")
        let block = try XCTUnwrap(verdicts["record_block.c"]?.reason, "\(verdicts)")
        XCTAssertTrue(block.contains("record_body.inc has triggers and may be included inside a block"), block)
        XCTAssertEqual(verdicts["constructor.c"], .preprocess(reason: "its object file has load-time sections or cannot be read"))
        for name in ["record_splice.c", "record_carriage.c", "record_separator.c"] {
            XCTAssertNotNil(verdicts[name]?.reason, "\(name) is preprocessed: \(String(describing: verdicts[name]))")
        }
        for name in ["record_order_quiet.c", "record_order_loud.c"] {
            let reason = try XCTUnwrap(verdicts[name]?.reason, "\(name): \(String(describing: verdicts[name]))")
            XCTAssertTrue(reason.contains("uses CAPCHECK_ORDER_WRAP, which several files of one name define differently"), reason)
        }
    }
}
