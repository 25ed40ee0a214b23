@testable import CapCheckCore
import CapCheckCatalog
import CapCheckModel
import XCTest

/// The C++ standard library's file APIs by clang USR, as libstdc++'s headers spell them in this toolchain's index
/// (found by evasion sweeps: the `std::filesystem::path` overloads are member templates, `__basic_file` sits under
/// `filebuf`, and a named `std::locale` reads files and the environment).
final class CxxStandardLibrarySinksTests: XCTestCase {
    private func classify(_ usr: String, _ kind: SymbolKind) throws -> String? {
        // As the graph names a clang symbol (`IndexSymbol.clangName`): what follows the last `@F@`.
        let name = usr.range(of: "@F@", options: .backwards).map { String(usr[$0.upperBound...]) } ?? usr
        let node = GraphNode(usr: usr, name: name, kind: kind, language: .cxx, package: nil, module: nil, location: nil, isFileMain: false)
        return try SinkCatalog.bundled().toolchainMatch(node, demangled: nil).map { "\($0.capabilities.map(\.name).joined(separator: "+")) \($0.name)" }
    }

    func testOpeningAFileThroughAStreamIsFS() throws {
        let opening: [(String, SymbolKind, String)] = [
            ("c:@N@std@ST>2#T#T@basic_ofstream@F@basic_ofstream#*1C#$@N@std@E@_Ios_Openmode#", .constructor, "fs std::basic_ofstream::basic_ofstream"),
            ("c:@N@std@ST>2#T#T@basic_ofstream@FT@>2#T#Tbasic_ofstream#&1t1.0#$@N@std@E@_Ios_Openmode#v#", .constructor, "fs std::basic_ofstream::basic_ofstream"),
            ("c:@N@std@ST>2#T#T@basic_filebuf@FT@>1#Topen#&1t1.0#$@N@std@E@_Ios_Openmode#", .instanceMethod, "fs std::basic_filebuf::open"),
            ("c:@N@std@ST>2#T#T@basic_fstream@F@open#*1C#$@N@std@E@_Ios_Openmode#", .instanceMethod, "fs std::basic_fstream::open"),
            ("c:@N@std@S@__basic_file>#C@F@open#*1C#$@N@std@E@_Ios_Openmode#I#", .instanceMethod, "fs std::__basic_file::open"),
            ("c:@N@std@N@filesystem@F@remove#&1$@N@std@N@filesystem@N@__cxx11@S@path#", .function, "fs std::filesystem::remove"),
            ("c:@N@std@S@locale@F@locale#*1C#", .constructor, "fs+env std::locale::locale"),
            ("c:@N@std@S@locale@F@locale#&1$@N@std@S@locale#*1C#I#", .constructor, "fs+env std::locale::locale"),
            // A facet made by name loads the locale as `std::locale` does (found by an evasion sweep).
            ("c:@N@std@N@__cxx11@ST>2#T#Nb@moneypunct_byname@F@moneypunct_byname#*1C#l#", .constructor,
             "fs+env std::moneypunct_byname::moneypunct_byname"),
            ("c:@N@std@ST>1#T@ctype_byname@F@ctype_byname#*1C#l#", .constructor, "fs+env std::ctype_byname::ctype_byname"),
        ]
        for (usr, kind, expected) in opening { XCTAssertEqual(try classify(usr, kind), expected, usr) }
    }

    func testStreamsThatOpenNothingAndPathsAreNotFileSinks() throws {
        let other: [(String, SymbolKind)] = [
            ("c:@N@std@ST>2#T#T@basic_filebuf@F@basic_filebuf#", .constructor),
            ("c:@N@std@ST>2#T#T@basic_ofstream@F@close#", .instanceMethod),
            ("c:@N@std@S@__basic_file>#C@F@__basic_file#*$@UA@pthread_mutex_t#", .constructor),
            ("c:@N@std@N@filesystem@N@__cxx11@S@path@FT@>2#T#Tpath#&1t0.0#$@N@std@N@filesystem@N@__cxx11@S@path@E@format#v#", .constructor),
            ("c:@N@std@S@locale@F@locale#&1$@N@std@S@locale#", .constructor),
            ("c:@N@std@N@__cxx11@ST>2#T#Nb@moneypunct_byname@F@curr_symbol#1", .instanceMethod),
        ]
        // Not file sinks: what is left is the generic rule for a C++ method (`ffi`, from Swift only).
        for (usr, kind) in other { XCTAssertFalse(try classify(usr, kind)?.hasPrefix("fs") ?? false, usr) }
    }
}
