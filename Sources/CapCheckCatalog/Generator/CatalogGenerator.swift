import CapCheckSupport
import CapCheckModel
import Foundation

/// Derives the Swift side of the sink catalog from the active toolchain: reads the symbol graphs of the
/// modules of each `CatalogArea` (`swift-symbolgraph-extract`) and their `.swiftinterface` files (for
/// `@unsafe`), applies `CatalogRules`, and produces one `CatalogFile` per area. `capcheck generate-catalog`
/// writes them to `CapCheckCatalog/Resources/`; a test regenerates them and expects no difference.
public struct CatalogGenerator {
    /// What a generation produced, with the facts the proof tests check it against.
    public struct Generation {
        /// Area file name (`foundation`) → its contents.
        public let files: [String: CatalogFile]
        /// The toolchain's version line.
        public let toolchainVersion: String
        /// Every public declaration read, in the catalog's terms.
        package let symbols: [ToolchainSymbol]
        /// USR → the rule that made the declaration a sink (whole types included).
        package let sinkRules: [String: CatalogRule]
        /// USR → the rule that lists the member as pure.
        package let pureRules: [String: CatalogRule]
        /// `family:Type.Path` → the capability of each whole type.
        package let wholeTypes: [String: Capability]

        /// The capability the catalog must give a declaration: its own rule's, or its enclosing whole type's.
        package func expectedCapability(of symbol: ToolchainSymbol) -> Capability? {
            for count in stride(from: 1, through: symbol.path.count, by: 1) {
                if let capability = wholeTypes[symbol.typeFamily + ":" + symbol.path.prefix(count).joined(separator: ".")] {
                    return capability
                }
            }
            return sinkRules[symbol.usr]?.capability
        }
    }

    package let toolchain: Toolchain
    package let rules: [CatalogRule]
    package let areas: [CatalogArea]
    package let environment: [String: String]

    public init(toolchain: Toolchain, rules: [CatalogRule] = CatalogRules.all, areas: [CatalogArea] = CatalogRules.areas,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.toolchain = toolchain
        self.rules = rules
        self.areas = areas
        self.environment = environment
    }

    /// The generated file as committed: sorted keys, one entry a line, a final newline.
    public static func encode(_ file: CatalogFile) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(file) + Data("\n".utf8)
    }

    public func generate() throws -> Generation {
        let target = try TargetInfo.read(toolchain)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-catalog-\(UUID().uuidString)")
        TemporaryFiles.shared.register(work.path)
        defer {
            try? FileManager.default.removeItem(at: work)
            TemporaryFiles.shared.unregister(work.path)
        }
        let extractor = SymbolGraphExtractor(executable: try extractorPath(), target: target.triple, workDirectory: work)
        var symbols: [ToolchainSymbol] = []
        var attributed: [String: [SwiftInterfaceScanner.Declaration]] = [:]  // family → declarations
        for area in areas {
            for module in area.modules {
                symbols += try extractor.symbols(of: module) { SinkCatalog.families[$0] ?? $0 }
            }
            for attribute in Set(rules.compactMap(\.attribute)) {
                for module in area.interfaceModules {
                    let text = try String(contentsOf: target.interface(of: module), encoding: .utf8)
                    attributed[area.family + "@" + attribute, default: []] +=
                        SwiftInterfaceScanner(module: module, attribute: attribute).declarations(in: text)
                }
            }
        }
        var selection = RuleSelection(symbols: symbols)
        for rule in rules { try selection.apply(rule, attributed: attributed) }
        var files: [String: CatalogFile] = [:]
        for area in areas {
            files[area.file] = CatalogFile(
                area: area.title, family: area.family, modules: area.modules,
                generatedBy: "capcheck generate-catalog (CatalogGenerator, rules in Catalog/Generator/CatalogRules.swift)",
                toolchain: target.compilerVersion, groups: selection.groups(for: area, rules: rules))
        }
        return Generation(files: files, toolchainVersion: target.compilerVersion, symbols: symbols,
                          sinkRules: selection.sinkRules, pureRules: selection.pureRules,
                          wholeTypes: selection.wholeTypes.mapValues(\.capability))
    }

    private func extractorPath() throws -> URL {
        let variable = "CAPCHECK_SYMBOLGRAPH_EXTRACT"
        if let override = EnvironmentOverride(variable, in: environment) {
            return URL(fileURLWithPath: try override.file(executable: true, expected: "the toolchain's swift-symbolgraph-extract",
                                                          otherwise: "use the one beside `swift`"))
        }
        let candidate = toolchain.libraryDirectory.deletingLastPathComponent().appendingPathComponent("bin/swift-symbolgraph-extract")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw CapCheckError(.toolchain, """
                swift-symbolgraph-extract not found in \(toolchain.origin) (at \(candidate.path)); \
                \(toolchain.advice(missing: "swift-symbolgraph-extract", override: variable))
                """)
        }
        return candidate
    }
}

extension CatalogRule {
    /// The interface attribute the rule reads, if any.
    package var attribute: String? {
        switch selection {
        case .typesWithAttribute(let name), .declarationsWithAttribute(let name): return name
        default: return nil
        }
    }
}

/// The target facts of `swift -print-target-info` the generator needs.
package struct TargetInfo {
    package let triple: String
    package let moduleTriple: String
    package let platform: String
    package let resourcePath: String
    package let compilerVersion: String

    package static func read(_ toolchain: Toolchain) throws -> TargetInfo {
        let result = try ProcessRunner.run(toolchain.swiftExecutable, ["-print-target-info"])
        guard result.status == 0,
              let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
              let target = object["target"] as? [String: Any], let paths = object["paths"] as? [String: Any],
              let triple = target["triple"] as? String, let platform = target["platform"] as? String,
              let resourcePath = paths["runtimeResourcePath"] as? String else {
            throw CapCheckError(.toolchain, "`swift -print-target-info` failed or printed something unexpected: \(result.stderr.prefix(500))")
        }
        return TargetInfo(triple: triple, moduleTriple: target["moduleTriple"] as? String ?? triple, platform: platform,
                          resourcePath: resourcePath, compilerVersion: object["compilerVersion"] as? String ?? "unknown")
    }

    package func interface(of module: String) -> URL {
        URL(fileURLWithPath: resourcePath).appendingPathComponent(platform)
            .appendingPathComponent("\(module).swiftmodule/\(moduleTriple).swiftinterface")
    }
}
