@testable import CapCheckCore
import Foundation
import XCTest

/// Where a covering parse may stop (`CoveringParseCut`): the preprocessed scan's returns to the source, and the raw
/// reading that cuts the source's text there. The fixture-level check (the cut parses give the findings of whole
/// parses, and a header whose `asm` names a later function is parsed whole) is in `ParsePrefilterTests`.
final class CoveringParseCutTests: XCTestCase {
    private func cut(_ text: String, toLine line: Int) -> String? { CoveringParseCut.text(of: Array(text.utf8), toLine: line) }

    func testTheTextIsCutAfterTheLineWithEachOpenConditionalClosed() {
        let source = "#ifndef A_H\n#define A_H\n#if X\n#include \"h.h\"\n#endif\n#ifdef Y\n#include \"g.h\"\nint after;\n#endif\n#endif\n"
        XCTAssertEqual(cut(source, toLine: 4), "#ifndef A_H\n#define A_H\n#if X\n#include \"h.h\"\n#endif\n#endif\n")
        XCTAssertEqual(cut(source, toLine: 7), "#ifndef A_H\n#define A_H\n#if X\n#include \"h.h\"\n#endif\n#ifdef Y\n#include \"g.h\"\n#endif\n#endif\n")
        XCTAssertEqual(cut("#include \"h.h\"\r\nint x;\r\n", toLine: 1), "#include \"h.h\"\r\n", "a CRLF line ends after its LF")
        XCTAssertEqual(cut("/* #if */ // #ifdef\n#include \"h.h\"\nx\n", toLine: 2), "/* #if */ // #ifdef\n#include \"h.h\"\n",
                       "directives in comments open nothing")
        XCTAssertEqual(cut("#if 0\n#if 1\n#endif\n#include \"h.h\"\n", toLine: 4), "#if 0\n#if 1\n#endif\n#include \"h.h\"\n#endif\n",
                       "groups in a branch not taken count as the preprocessor counts them")
    }

    func testALineThatDoesNotEndInPlainTextIsNoCut() {
        XCTAssertNil(cut("#include \"h.h\" /* a comment\nover two lines */\nx\n", toLine: 1), "inside a comment")
        XCTAssertNil(cut("#include \"h.h\" \\\nint x;\n", toLine: 1), "continued by a splice")
        XCTAssertNil(cut("const char *s = R\"(\n#endif\n)\";\n#include \"h.h\"\n", toLine: 4), "a raw string before the cut")
        XCTAssertNil(cut("int n = 1'000;\n#include \"h.h\"\n", toLine: 2), "a digit separator or a character literal")
        XCTAssertNil(cut("%:include \"h.h\"\n", toLine: 1), "a digraph directive")
        XCTAssertNil(cut("??=include \"h.h\"\n", toLine: 1), "a trigraph")
        XCTAssertNil(cut("#include \"h.h\"\n", toLine: 2), "past the end")
        XCTAssertNil(cut("#include \"h.h\"", toLine: 1), "a last line without a newline is the whole text")
        XCTAssertNil(cut("#include \"a.h\"\n#line 1\n#include \"h.h\"\nint x;\n", toLine: 1),
                     "a #line anywhere: the markers' line numbers are not the physical ones (the fortieth sweep's)")
        XCTAssertNil(cut("#include \"a.h\"\n# 7 \"a.c\"\nint x;\n", toLine: 1), "a line marker")
    }

    func testASourceThatIncludesItselfOrRenamesItsLinesIsReadWhole() throws {
        let selfIncluding = try XCTUnwrap(PreprocessedTriggers(preprocessed: Array("""
            # 1 "/p/a.c"
            # 1 "/p/a.c" 1
            # 1 "/p/h.h" 1
            static inline void f(void) { asm(""); }
            # 2 "/p/a.c" 2
            # 2 "/p/a.c" 2

            """.utf8), source: "/p/a.c"))
        XCTAssertTrue(selfIncluding.includesItself)
        XCTAssertNil(selfIncluding.cut(after: ["/p/h.h"]), "its lines mean more than one thing (the fortieth sweep's self-include)")
        let renamed = try XCTUnwrap(PreprocessedTriggers(preprocessed: Array("""
            # 1 "/p/a.c"
            # 1 "/p/k.h"
            static void g(void) { asm(""); }

            """.utf8), source: "/p/a.c"))
        XCTAssertTrue(renamed.renamesLines)
        XCTAssertEqual(renamed.ownParseReason, "a #line directive names another file", "its own asm passed for k.h's")
        let attribute = try XCTUnwrap(PreprocessedTriggers(preprocessed: Array("""
            # 1 "/p/a.c"
            # 1 "/p/h.h" 1
            #pragma clang attribute push(__attribute__((weak)), apply_to = function)
            # 2 "/p/a.c" 2

            """.utf8), source: "/p/a.c"))
        XCTAssertEqual(attribute.ownParseReason, "pragma clang attribute in /p/h.h", "it gives attributes to the source's own functions")
    }

    func testTheCutIsTheFirstReturnAtFileScopeAfterTheLastLineOfTheKeptHeaders() throws {
        let text = """
            # 1 "/p/a.c"
            # 1 "/p/h.h" 1
            static inline void f(void) { asm(""); }
            # 2 "/p/a.c" 2
            extern "C" {
            # 1 "/p/g.h" 1
            static inline void g(void) { asm(""); }
            # 4 "/p/a.c" 2
            }
            # 1 "/p/plain.h" 1
            int plain;
            # 6 "/p/a.c" 2
            int after;

            """
        let scan = try XCTUnwrap(PreprocessedTriggers(preprocessed: Array(text.utf8), source: "/p/a.c"))
        XCTAssertEqual(scan.returns.map(\.line), [2, 4, 6])
        XCTAssertEqual(scan.returns.map(\.clean), [true, false, true], "inside `extern \"C\" {` is not at file scope")
        XCTAssertEqual(scan.cut(after: ["/p/h.h"])?.line, 1)
        XCTAssertEqual(scan.cut(after: ["/p/h.h", "/p/g.h"])?.line, 5, "the next return at file scope")
        let offset = try XCTUnwrap(scan.cut(after: ["/p/g.h"])?.offset)
        XCTAssertTrue(text.utf8.dropFirst(offset).starts(with: "# 6 \"/p/a.c\" 2".utf8))
        XCTAssertNil(scan.cut(after: ["/p/plain.h"]), "a header without triggers is not among the scan's headers")
    }
}
