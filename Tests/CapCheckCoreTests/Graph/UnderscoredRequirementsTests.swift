import CapCheckGraph
import CapCheckSupport
import Foundation
import XCTest

/// `SynthesizedCodeReachesOverloadsRule.customizationPoints` against the toolchain in use: every underscored requirement
/// of a protocol in its module interfaces (the standard library's, C++ interoperability's, …) must be listed, since the
/// index records no witness relation for them and the list is all that links a package's implementation to its type
/// (the thirtieth sweep's `_parseMultipleCodeUnits()` and `__beginUnsafe()` were missing).
final class UnderscoredRequirementsTests: XCTestCase {
    func testEveryUnderscoredRequirementOfTheToolchainsInterfacesIsListed() throws {
        // The modules a program imports: those beside the standard library's (not the compiler's own, under `host`).
        let toolchain = try Toolchain.locate()
        let platforms = toolchain.libraryDirectory.appendingPathComponent("swift")
        let folder = try XCTUnwrap(((try? FileManager.default.contentsOfDirectory(atPath: platforms.path)) ?? []).sorted()
            .filter { !["embedded", "host", "pm", "shims", "clang", "migrator", "apinotes"].contains($0) }
            .map { platforms.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Swift.swiftmodule").path) },
            "no Swift.swiftmodule under \(platforms.path)")
        var interfaces: [URL] = []
        for module in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where module.hasSuffix(".swiftmodule") {
            let moduleFolder = folder.appendingPathComponent(module)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: moduleFolder.path)) ?? []
            where file.hasSuffix(".swiftinterface") && !file.hasSuffix(".private.swiftinterface") {
                interfaces.append(moduleFolder.appendingPathComponent(file))
            }
        }
        let swift = try XCTUnwrap(interfaces.first { $0.path.contains("/Swift.swiftmodule/") }, "no Swift.swiftinterface in \(folder.path)")
        XCTAssertTrue(Self.underscoredRequirements(in: try Data(contentsOf: swift)).contains("_rawHashValue"),
                      "the reading of interfaces found not even Hashable's _rawHashValue(seed:)")
        var missing: [String: String] = [:]
        for interface in interfaces {
            for name in Self.underscoredRequirements(in: try Data(contentsOf: interface))
            where !SynthesizedCodeReachesOverloadsRule.customizationPoints.contains(name) {
                missing[name] = interface.deletingLastPathComponent().lastPathComponent
            }
        }
        XCTAssertEqual(missing, [:], "underscored requirements of toolchain protocols not in customizationPoints")
    }

    /// The names after `func`, `var` or `let` that start with `_`, in the body of each `protocol` declaration (the word
    /// `protocol` after a space or at a line's start, on a line that ends in the `{` opening its body, as interfaces
    /// print them). Requirements have no bodies, so braces within only nest accessor lists.
    static func underscoredRequirements(in data: Data) -> Set<String> {
        let text = Array(data), space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        func isWord(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        func word(at index: Int) -> (String, Int) {
            var end = index
            while end < text.count, isWord(text[end]) { end += 1 }
            return (String(decoding: text[index..<end], as: UTF8.self), end)
        }
        var names = Set<String>(), index = 0
        while index < text.count {
            guard isWord(text[index]) else { index += 1; continue }
            let (found, end) = word(at: index)
            let start = index
            index = end
            guard found == "protocol", start == 0 || text[start - 1] == space || text[start - 1] == newline,
                  end < text.count, text[end] == space else { continue }
            var lineEnd = end
            while lineEnd < text.count, text[lineEnd] != newline { lineEnd += 1 }
            var last = lineEnd - 1
            while last > end, text[last] == space { last -= 1 }
            guard text[last] == UInt8(ascii: "{") else { continue }
            // The body: from that `{` to the one that closes it.
            index = last
            var depth = 0, previous = ""
            repeat {
                let byte = text[index]
                if isWord(byte) {
                    let (name, after) = word(at: index)
                    if ["func", "var", "let"].contains(previous), name.hasPrefix("_") { names.insert(name) }
                    previous = name
                    index = after
                    continue
                }
                if byte == UInt8(ascii: "{") { depth += 1 } else if byte == UInt8(ascii: "}") { depth -= 1 }
                if byte != space && byte != newline { previous = "" }
                index += 1
            } while depth > 0 && index < text.count
        }
        return names
    }
}
