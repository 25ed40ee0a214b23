@testable import CapCheckNativeCode
import XCTest

/// The function a mangled C++ symbol defines, as the index names its definition (`MangledRuntimeDefinitions`).
final class MangledRuntimeDefinitionsTests: XCTestCase {
    func testTheFunctionsOwnNameIsReadFromTheDemangledSymbol() {
        XCTAssertEqual(MangledRuntimeDefinitions.functionName(of: "_ZNKSt6locale2id5_M_idEv"), "_M_id")
        XCTAssertEqual(MangledRuntimeDefinitions.functionName(of: "_ZSt17__throw_bad_allocv"), "__throw_bad_alloc")
        XCTAssertEqual(MangledRuntimeDefinitions.functionName(of: "_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_PKc"), "operator<<")
        XCTAssertEqual(MangledRuntimeDefinitions.functionName(of: "_Znwm"), "operator new")
        XCTAssertNil(MangledRuntimeDefinitions.functionName(of: "not_mangled"))
        XCTAssertEqual(MangledRuntimeDefinitions.name(inDemangled: "std::vector<int, std::allocator<int> >::operator>(int) const"), "operator>")
        XCTAssertEqual(MangledRuntimeDefinitions.name(inDemangled: "void std::sort<int*>(int*, int*)"), "sort")
        XCTAssertEqual(MangledRuntimeDefinitions.name(inDemangled: "std::function<void (int)>::operator()(int) const"), "operator()")
        XCTAssertEqual(MangledRuntimeDefinitions.qualifiedName(inDemangled: "std::locale::id::_M_id() const"), ["std", "locale", "id", "_M_id"])
        XCTAssertEqual(MangledRuntimeDefinitions.qualifiedName(inDemangled: "void std::map<std::a::b, int>::sort<int*>(int*)"), ["std", "map", "sort"])
    }
}
