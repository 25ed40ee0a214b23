@testable import CapCheckCore
import XCTest

/// A SARIF result's fingerprint is what code scanning matches alerts by across runs: a narrowed grant's violation with
/// a new value (a new hard-coded host at a sink already alerted on) must not match the old, perhaps dismissed, alert.
final class SARIFFingerprintTests: XCTestCase {
    func testAViolationsValuesArePartOfItsFingerprint() {
        func violation(_ host: String) -> Violation {
            Violation(package: "tls", capability: "net", sink: "connect", path: [],
                      values: [SinkValue(kind: "constant", value: host, file: "/p/Sources/TLS/Home.swift", line: 3)])
        }
        XCTAssertNotEqual(SARIFFormatter.fingerprint(violation("a.example.com:443")), SARIFFormatter.fingerprint(violation("b.example.com:443")))
        XCTAssertEqual(SARIFFormatter.fingerprint(Violation(package: "tls", capability: "net", sink: "connect", path: [])), "tls|net|connect",
                       "a kind violation keeps the fingerprint it always had")
    }
}
