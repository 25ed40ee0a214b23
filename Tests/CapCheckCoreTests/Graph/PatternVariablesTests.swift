@testable import CapCheckGraph
import CapCheckModel
import XCTest

/// `PatternVariablesReachEachOtherRule.onePattern`: which source between two names makes them one tuple pattern
/// (found by an evasion sweep: `static let (mode,⏎ home) = (…, readHome())` put the names on two lines).
final class PatternVariablesTests: XCTestCase {
    /// Whether the names at the two marked places (`‹`) are one pattern's.
    private func onePattern(_ source: String) throws -> Bool {
        var text = Array(source.utf8), marks: [SourceLocation] = []
        let marker = Array("‹".utf8)
        while let start = (0...(text.count - marker.count)).first(where: { Array(text[$0..<($0 + marker.count)]) == marker }) {
            text.removeSubrange(start..<(start + marker.count))
            let before = text[..<start]
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = start - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            marks.append(SourceLocation(file: "F.swift", line: line, column: column))
            if marks.count == 2 { break }
        }
        XCTAssertEqual(marks.count, 2)
        return PatternVariablesReachEachOtherRule.onePattern(.init(bytes: text), from: marks[0], to: marks[1])
    }

    func testNamesOfOneTuplePatternOnSeveralLines() throws {
        XCTAssertTrue(try onePattern("static let (‹mode,\n    ‹home) = (\"fast\", readHome())"))
        XCTAssertTrue(try onePattern("let (‹a, _,\n  // a comment with let and =\n  /* nested /* block */ var */ ‹b) = f()"))
        XCTAssertTrue(try onePattern("let (x: ‹mode,\n     y: ‹home) = point"))
        XCTAssertTrue(try onePattern("let (‹`default`,\n ‹b) = f()"))
        // Found by the seventeenth sweep, each run: a back-quoted label, and a form feed (Swift white space, as are
        // vertical tab and NUL), between the names.
        XCTAssertTrue(try onePattern("public let (‹token,\n`y`: ‹level) = (makeToken(), y: 3)"))
        XCTAssertTrue(try onePattern("let (‹token,\n\u{0C} ‹level) = (makeToken(), 3)"))
        XCTAssertTrue(try onePattern("let (‹token,\u{0B}\n ‹level) = (makeToken(), 3)"))
        XCTAssertTrue(try onePattern("let (x: ‹mode,\n y /* label */\n : ‹home) = point"))
    }

    func testSeparateDeclarationsAreNot() throws {
        XCTAssertFalse(try onePattern("static let ‹a = 1\nstatic let ‹b = f()"))
        XCTAssertFalse(try onePattern("let (‹a, b) = f()\nlet (‹c, d) = g()"))
        XCTAssertFalse(try onePattern("static var ‹a: Int { 1 }\nstatic var ‹b = f()"))
        XCTAssertFalse(try onePattern("let ‹a /* unterminated\n ‹b"))
    }
}
