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

/// `CLibraryInterposition.linkedSymbol`: the symbol a definition is linked under.
final class LinkedSymbolTests: XCTestCase {
    func testTheLinkedSymbolOfADefinition() {
        XCTAssertEqual(CLibraryInterposition.linkedSymbol(usr: "c:@F@open", name: "open", label: nil), "open")
        XCTAssertEqual(CLibraryInterposition.linkedSymbol(usr: "c:@N@h@F@atoi", name: "atoi", label: nil), "atoi", "extern \"C\" in a namespace")
        XCTAssertEqual(CLibraryInterposition.linkedSymbol(usr: "c:@N@h@N@i@F@atoi", name: "atoi", label: nil), "atoi")
        XCTAssertEqual(CLibraryInterposition.linkedSymbol(usr: "c:@F@evil_atol", name: "evil_atol", label: "atol"), "atol", "an asm label")
        XCTAssertNil(CLibraryInterposition.linkedSymbol(usr: "c:evil.c@F@open", name: "open", label: nil), "static")
        XCTAssertNil(CLibraryInterposition.linkedSymbol(usr: "c:@N@h@F@atoi#*1C#", name: "atoi", label: nil), "C++ linkage")
        XCTAssertNil(CLibraryInterposition.linkedSymbol(usr: "c:@S@Box@F@open#", name: "open", label: nil), "a member")
    }
}
