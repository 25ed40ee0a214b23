@testable import CapCheckGraph
import CapCheckSupport
import XCTest

/// `TypeReachesInheritedMainRule.spellsMainAttribute`: a file with an `@main` attribute however it is spelt; not one
/// whose only `@main…` is a longer attribute.
final class MainAttributeTests: XCTestCase {
    private func spells(_ text: String) -> Bool {
        TypeReachesInheritedMainRule.spellsMainAttribute(SourceText(bytes: Array(text.utf8)))
    }

    func testTheAttributeHoweverSpelt() {
        XCTAssertTrue(spells("@main extension Tool {}"))
        XCTAssertTrue(spells("@main\n// comment\nextension Tool {}"))
        XCTAssertTrue(spells("@ main extension Tool {}"))
        XCTAssertTrue(spells("@`main` extension Tool {}"))
        XCTAssertTrue(spells("@/**/main extension Tool {}"))
        XCTAssertTrue(spells("@/* a /* nested */ comment */ main extension Tool {}"))
        XCTAssertTrue(spells("@// a line comment\nmain\nextension Tool {}"))
        XCTAssertTrue(spells("x@main"))
        XCTAssertTrue(TypeReachesInheritedMainRule.spellsMainAttribute(nil), "an unreadable file may have one")
    }

    func testLongerAttributesAreNotIt() {
        XCTAssertFalse(spells("@MainActor extension Tool {}"))
        XCTAssertFalse(spells("@mainly extension Tool {}"))
        XCTAssertFalse(spells("@main_ extension Tool {}"))
        XCTAssertFalse(spells("extension Tool { static func main() {} }"))
    }
}
