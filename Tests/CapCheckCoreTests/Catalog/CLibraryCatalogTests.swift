@testable import CapCheckCore
import XCTest

/// The reviewed C list against Glibc: every name must be declared by the Glibc module's umbrella header
/// (`SwiftGlibc.h`, what `import Glibc` sees) or by one of the few extra headers the list names.
final class CLibraryCatalogTests: XCTestCase {
    func testEveryListedNameIsDeclaredByGlibc() throws {
        let toolchain = try Toolchain.locate()
        let target = try TargetInfo.read(toolchain)
        let arch = String(target.triple.split(separator: "-")[0])
        let umbrella = URL(fileURLWithPath: target.resourcePath).appendingPathComponent("\(target.platform)/\(arch)/SwiftGlibc.h")
        guard FileManager.default.fileExists(atPath: umbrella.path) else { throw XCTSkip("no Glibc module on this platform (\(umbrella.path))") }
        let data = try Data(contentsOf: GeneratedCatalog.resourcesFolder.appendingPathComponent("libc.json"))
        let list = try JSONDecoder().decode(CLibraryCatalogFile.self, from: data)
        let names = Set(list.functions.values.joined()).union(list.variables.values.joined()).union(list.pure)
        XCTAssertGreaterThan(names.count, 250)

        var source = "#define _GNU_SOURCE 1\n#include \"\(umbrella.path)\"\n"
        source += list.extraHeaders.map { "#include <\($0)>\n" }.joined()
        source += "void capcheck_probe(void) {\n"
        // Macros (errno, assert, va_start) exist as macros; everything else must be a declared function or variable.
        source += names.sorted().map { "#ifndef \($0)\n  (void)&\($0);\n#endif\n" }.joined()
        source += "}\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-libc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("probe.c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let clang = toolchain.libraryDirectory.deletingLastPathComponent().appendingPathComponent("bin/clang")
        let result = try ProcessRunner.run(clang, ["-fsyntax-only", "-ferror-limit=0", "-Werror=implicit-function-declaration", file.path])
        let missing = result.stderr.split(separator: "\n").filter { $0.contains("error:") }.map { String($0.split(separator: "error:").last ?? "") }
        XCTAssertEqual(result.status, 0, "names Glibc does not declare:\n" + missing.joined(separator: "\n"))
    }

    /// No name is listed twice with different meanings.
    func testEveryNameHasOneClassification() throws {
        let data = try Data(contentsOf: GeneratedCatalog.resourcesFolder.appendingPathComponent("libc.json"))
        let list = try JSONDecoder().decode(CLibraryCatalogFile.self, from: data)
        var seen: [String: String] = [:]
        for (capability, names) in list.functions { for name in names { XCTAssertNil(seen.updateValue(capability, forKey: name), name) } }
        for name in list.pure { XCTAssertNil(seen.updateValue("pure", forKey: name), "\(name) is both \(seen[name] ?? "") and pure") }
        for prefix in list.purePrefixes {
            for (name, capability) in seen where name.hasPrefix(prefix) && capability != "pure" { XCTFail("\(name) is \(capability) but matches pure prefix \(prefix)") }
        }
    }
}
