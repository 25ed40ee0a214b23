@testable import CapCheckValues
import CapCheckModel
import Foundation
import XCTest

/// Values at calls in C source, read from tokens (issue 12).
final class CSinkSitesTests: XCTestCase {
    func testLiteralArgumentsAreConstantsAndEverythingElseIsUnknown() throws {
        let source = """
        #include <stdlib.h>
        #define NAME "VIA_MACRO"
        /* getenv("IN_A_COMMENT") */
        const char *f(const char *name) {
            const char *a = getenv("HOME");
            const char *b = getenv ( "PRE" "FIX" );
            const char *c = getenv(name);
            const char *d = getenv(NAME);
            return a ? a : b ? b : c ? c : d;
        }
        int g(void) { return getenv("OUTSIDE") != 0; }
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sites-\(UUID().uuidString).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sites = try XCTUnwrap(CSinkSites(path: path))
        let calls = sites.calls(of: "getenv", inFunctionAt: SourceLocation(file: path, line: 4, column: 13))
        XCTAssertEqual(calls.map(\.line), [5, 6, 7, 8], "every call in the function's body, none in comments or other functions")
        let values = calls.flatMap { sites.values(at: $0, positions: [0]) }.map { origin -> String in
            switch origin {
            case .constant(let value, _): return value
            default: return "unknown"
            }
        }
        XCTAssertEqual(values, ["HOME", "PREFIX", "unknown", "unknown"], "a macro argument is not guessed")
        let function = SourceLocation(file: path, line: 4, column: 13)
        XCTAssertEqual(sites.parameterNames(ofFunctionAt: function), ["name"])
        XCTAssertEqual(sites.values(at: calls[2], positions: [0], inFunctionAt: function), [.parameter(0, name: "name", function)],
                       "a parameter is followed to the callers")
    }
}
