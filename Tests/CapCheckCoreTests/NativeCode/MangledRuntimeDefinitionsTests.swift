@testable import CapCheckNativeCode
import XCTest

/// The function a mangled C++ symbol defines, as the index names its definition (`MangledRuntimeDefinitions`).
final class MangledRuntimeDefinitionsTests: XCTestCase {
    func testTheFunctionsOwnNameIsReadFromTheDemangledSymbol() {
        func function(_ symbol: String) -> String? { MangledRuntimeDefinitions.qualifiedName(ofSymbol: symbol)?.last }
        XCTAssertEqual(function("_ZNKSt6locale2id5_M_idEv"), "_M_id")
        XCTAssertEqual(function("_ZSt17__throw_bad_allocv"), "__throw_bad_alloc")
        XCTAssertEqual(function("_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_PKc"), "operator<<")
        XCTAssertEqual(function("_Znwm"), "operator new")
        XCTAssertNil(function("not_mangled"))
        XCTAssertEqual(MangledRuntimeDefinitions.qualifiedName(inDemangled: "std::vector<int, std::allocator<int> >::operator>(int) const")?.last, "operator>")
        XCTAssertEqual(MangledRuntimeDefinitions.qualifiedName(inDemangled: "void std::sort<int*>(int*, int*)")?.last, "sort")
        XCTAssertEqual(MangledRuntimeDefinitions.qualifiedName(inDemangled: "std::function<void (int)>::operator()(int) const")?.last, "operator()")
        XCTAssertEqual(MangledRuntimeDefinitions.qualifiedName(inDemangled: "std::locale::id::_M_id() const"), ["std", "locale", "id", "_M_id"])
        XCTAssertEqual(MangledRuntimeDefinitions.qualifiedName(inDemangled: "void std::map<std::a::b, int>::sort<int*>(int*)"), ["std", "map", "sort"])
    }
}
