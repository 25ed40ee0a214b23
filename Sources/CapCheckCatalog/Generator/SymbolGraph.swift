import CapCheckSupport
import CapCheckModel
import Foundation

/// The part of a `swift-symbolgraph-extract` symbol graph the catalog generator reads: one file's symbols,
/// each with its precise identifier (the USR), path, kind, title and declaration.
package struct SymbolGraph: Decodable {
    package struct Module: Decodable { package let name: String }

    package struct Symbol: Decodable {
        package struct Kind: Decodable { package let identifier: String }
        package struct Identifier: Decodable { package let precise: String }
        package struct Names: Decodable { package let title: String }
        package struct Fragment: Decodable {
            package let kind: String
            package let spelling: String
            package let preciseIdentifier: String?
        }

        package let kind: Kind
        package let identifier: Identifier
        package let pathComponents: [String]
        package let names: Names
        package let accessLevel: String
        package let declarationFragments: [Fragment]?
    }

    package let module: Module
    package let symbols: [Symbol]
}

/// One public declaration of a toolchain module, as the catalog keys it.
package struct ToolchainSymbol: Hashable, Sendable {
    /// What kind of declaration it is, reduced to what the catalog distinguishes.
    package enum Kind: Hashable, Sendable { case type, member, subscriptMember }

    /// The module whose symbol graph declares it (the extending module for extension members).
    package let module: String
    /// The catalog family of `module` (`Foundation`, `Swift`, `Dispatch`).
    package let family: String
    /// The family of the module declaring the outermost type of `path` (`Swift` for `String` members that
    /// Foundation declares in an extension); `family` for top-level and own-type declarations.
    package let typeFamily: String
    /// Type names then the member's base name, exactly as `SwiftSymbolName` parses the demangled USR.
    package let path: [String]
    /// Argument labels of functions and initializers (`atPath:contents:`; empty for `f()`); nil otherwise.
    package let labels: String?
    package let kind: Kind
    /// The labels the symbol graph's title shows, subscripts included (`subscript(unchecked:)`).
    package let titleLabels: String?
    /// The USR (`s:20FoundationEssentials11FileManagerC…`).
    package let usr: String
    /// USRs of the types the declaration's signature names.
    package let signatureTypes: Set<String>

    /// `Type.member(labels:)`: the catalog key without the family.
    package var member: String { path.joined(separator: ".") + (labels.map { "(\($0))" } ?? "") }
    /// `path` and `titleLabels`: how rules and interface declarations name one declaration precisely.
    package var selector: String { path.joined(separator: ".") + (titleLabels.map { "(\($0))" } ?? "") }
    /// The enclosing type's path (empty for top-level declarations).
    package var parent: [String] { Array(path.dropLast()) }
    /// The last path component's base name (`createFile`).
    package var baseName: String { path.last ?? "" }

    /// Converts a symbol-graph symbol; nil for what the catalog never keys: synthesized copies of protocol
    /// extension members (their USR is the protocol's own member, listed separately), enum cases,
    /// operators, macros and associated types.
    package init?(_ symbol: SymbolGraph.Symbol, module: String, family: String, typeFamily: String) {
        guard !symbol.identifier.precise.contains("::SYNTHESIZED::"), let title = symbol.pathComponents.last else { return nil }
        let parents = symbol.pathComponents.dropLast()
        switch symbol.kind.identifier {
        case "swift.struct", "swift.class", "swift.enum", "swift.protocol", "swift.typealias", "swift.actor":
            kind = .type
            path = Array(parents) + [title]
            labels = nil
        case "swift.func", "swift.method", "swift.type.method", "swift.init":
            guard let open = title.firstIndex(of: "("), title.hasSuffix(")") else { return nil }
            kind = .member
            path = Array(parents) + [String(title[..<open])]
            labels = String(title[title.index(after: open)..<title.index(before: title.endIndex)])
        case "swift.subscript", "swift.type.subscript":
            // Subscript accessors demangle without an argument list, so subscripts are keyed without labels.
            kind = .subscriptMember
            path = Array(parents) + ["subscript"]
            labels = nil
        case "swift.property", "swift.type.property", "swift.var":
            kind = .member
            path = Array(parents) + [title]
            labels = nil
        default:
            return nil
        }
        if let open = title.firstIndex(of: "("), title.hasSuffix(")") {
            titleLabels = String(title[title.index(after: open)..<title.index(before: title.endIndex)])
        } else {
            titleLabels = nil
        }
        self.module = module
        self.family = family
        self.typeFamily = typeFamily
        usr = symbol.identifier.precise
        signatureTypes = Set((symbol.declarationFragments ?? []).compactMap { $0.kind == "typeIdentifier" ? $0.preciseIdentifier : nil })
    }
}

/// Runs the toolchain's `swift-symbolgraph-extract` on one module and reads every file it writes
/// (`M.symbols.json` and the `M@Other.symbols.json` files holding M's extensions of other modules' types).
package struct SymbolGraphExtractor {
    package let executable: URL
    package let target: String
    package let workDirectory: URL

    /// The public declarations of `module`; `family` maps a module name to its catalog family.
    package func symbols(of module: String, family: (String) -> String) throws -> [ToolchainSymbol] {
        let output = workDirectory.appendingPathComponent(module)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let result = try ProcessRunner.run(executable, [
            "-module-name", module, "-target", target, "-output-dir", output.path,
            "-minimum-access-level", "public", "-skip-inherited-docs",
            "-module-cache-path", workDirectory.appendingPathComponent("module-cache").path,
        ])
        guard result.status == 0 else {
            throw CapCheckError(.toolchain, "swift-symbolgraph-extract failed for \(module) (status \(result.status)): \(result.stderr.prefix(2000))")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".symbols.json") }.sorted()
        guard !files.isEmpty else { throw CapCheckError(.toolchain, "swift-symbolgraph-extract wrote no symbol graph for \(module)") }
        var symbols: [ToolchainSymbol] = []
        for file in files {
            let data = try Data(contentsOf: output.appendingPathComponent(file))
            let graph = try JSONDecoder().decode(SymbolGraph.self, from: data)
            // `M@N.symbols.json` holds M's extensions of N's types.
            let parts = file.dropLast(".symbols.json".count).split(separator: "@", maxSplits: 1)
            let extended = parts.count == 2 ? String(parts[1]) : module
            symbols += graph.symbols.compactMap {
                ToolchainSymbol($0, module: module, family: family(module), typeFamily: family(extended))
            }
        }
        return symbols
    }
}
