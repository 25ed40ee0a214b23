import XCTest
import Foundation
import CapCheckSupport

/// `StringInterner` hands the record readers one copy of each USR: it must give back exactly the bytes it was given,
/// whatever else it holds and whichever thread asks.
final class StringInternerTests: XCTestCase {
    private func intern(_ text: String, in strings: StringInterner) -> String {
        var text = text
        return text.withUTF8 { strings.intern(UnsafeRawBufferPointer($0)) }
    }

    func testEveryStringComesBackAsGiven() {
        let strings = StringInterner()
        // Short and long, shared prefixes (USRs differ in their last bytes), non-ASCII, and enough to grow the tables.
        var texts = ["", "a", "exactly15bytes!", "sixteen bytes!!!", "s:14NIOPosix6SocketC4bind2toyAA0C7AddressV_tKF", "ü/ß/名前.swift"]
        texts += (0..<20_000).map { "s:7Example4TypeV6member\($0)SiyF" }
        for text in texts + texts.reversed() {
            XCTAssertEqual(intern(text, in: strings), text)
        }
    }

    func testEqualTextsShareOneCopy() {
        let strings = StringInterner()
        let first = intern("c:@F@a_function_named_at_length", in: strings)
        let second = intern(String("c:@F@a_function_named_at_length".reversed().reversed()), in: strings)
        var a = first, b = second
        let sameStorage = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
        XCTAssertTrue(sameStorage)
    }

    func testThreadsAgree() {
        let strings = StringInterner()
        let texts = (0..<4_000).map { "s:4Kind\($0 % 1_000)V4nameSSvp\($0 % 7)" }
        let results = Locked<[[String]]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { run in
            let made = texts.map { text -> String in
                var text = text
                return text.withUTF8 { strings.intern(UnsafeRawBufferPointer($0)) }
            }
            results.withLock { $0.append(made) }
            _ = run
        }
        for made in results.withLock({ $0 }) { XCTAssertEqual(made, texts) }
    }
}
