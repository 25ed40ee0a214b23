@testable import CapCheckCore
import Foundation
import XCTest

/// Code a macro of another package expands to is that package's code (`MacroExpansionSites`). The records are shaped as
/// the toolchain's index writes them (dumped from the ninth sweep's reproducer, whose program read `MAC_SECRET` and made
/// a folder at run time while the macro's package held only `build`): a Swift expansion's references are implicit
/// occurrences at the `#` or `@` that starts the use, the macro just after it; the arguments keep their own places.
/// `Fixtures/NativeApp` covers C's form (a header's `#define` expanded in the root's C), built by the real toolchain.
final class MacroExpansionTests: XCTestCase {
    private static let main = "/virtual/app/Sources/App/main.swift"

    private func symbol(_ usr: String, _ name: String, _ kind: SymbolKind, _ language: SymbolLanguage = .swift) -> IndexSymbol {
        IndexSymbol(usr: usr, name: name, kind: kind, subkind: 0, language: language)
    }

    /// `let name = #config(key)` (line 3) and `@Logged struct Job {}` (line 5) in the root's main.swift; `key` is the
    /// root's own global, passed as the argument.
    private func violations(macroPackage: String = "mac", qualified: Bool = false) throws -> [String] {
        let macroSymbols = [symbol("s:3Mac6configyS2Scfm", "config(_:)", .macro), symbol("s:3Mac6Loggedyycfm", "Logged()", .macro)]
        let mac = IndexRecord(name: "mac", filePath: "/virtual/\(macroPackage)/Sources/Mac/Mac.swift", moduleName: "Mac",
                              symbols: macroSymbols,
                              occurrences: [IndexOccurrence(symbol: 0, roles: [.definition], line: 2, column: 14),
                                            IndexOccurrence(symbol: 1, roles: [.definition], line: 4, column: 14)])
        let symbols = [
            symbol("s:3App4nameSSvp", "name", .variable),                     // 0
            symbol("c:@F@getenv", "getenv(_:)", .function),                   // 1
            symbol("s:3Mac6configyS2Scfm", "config(_:)", .macro),             // 2
            symbol("c:@F@mkdir", "mkdir(_:_:)", .function),                   // 3
            symbol("s:3App3JobV3logyyF", "log()", .instanceMethod),           // 4
            symbol("s:3App3JobV", "Job", .struct),                            // 5
            symbol("s:3Mac6Loggedyycfm", "Logged()", .macro),                 // 6
            symbol("c:@F@unlink", "unlink(_:)", .function),                   // 7
            symbol("c:@M@Mac", "Mac", .module),                               // 8
        ]
        let containedByName = IndexRelation(roles: [.containedBy], symbol: 0)
        let calledByLog = IndexRelation(roles: [.calledBy, .containedBy], symbol: 4)
        let childOfJob = IndexRelation(roles: [.childOf], symbol: 5)
        // `@Mac.Logged`: the `@` at 5:1, the module at 5:2, the macro at 5:6.
        let loggedColumn: UInt32 = qualified ? 6 : 2
        var occurrences = [
            IndexOccurrence(symbol: 0, roles: [.definition], line: 3, column: 5),
            IndexOccurrence(symbol: 1, roles: [.reference, .call, .implicit], line: 3, column: 12, relationStart: 0, relationCount: 1),
            IndexOccurrence(symbol: 2, roles: [.reference], line: 3, column: 13, relationStart: 1, relationCount: 1),
            // The argument: the root's own call of unlink, at its own place.
            IndexOccurrence(symbol: 7, roles: [.reference, .call], line: 3, column: 20, relationStart: 2, relationCount: 1),
            IndexOccurrence(symbol: 3, roles: [.reference, .call, .implicit], line: 5, column: 1, relationStart: 3, relationCount: 1),
            IndexOccurrence(symbol: 4, roles: [.definition, .implicit], line: 5, column: 1, relationStart: 4, relationCount: 1),
            IndexOccurrence(symbol: 6, roles: [.reference], line: 5, column: loggedColumn),
            IndexOccurrence(symbol: 5, roles: [.definition], line: 5, column: 16),
            IndexOccurrence(symbol: 4, roles: [.reference, .call], line: 6, column: 7),
        ]
        if qualified { occurrences.append(IndexOccurrence(symbol: 8, roles: [.reference], line: 5, column: 2)) }
        let app = IndexRecord(name: "main", filePath: Self.main, moduleName: "App", symbols: symbols, occurrences: occurrences,
                              relations: [containedByName, containedByName, containedByName, calledByLog, childOfJob])

        let root = Package(identity: "app", name: "App", path: "/virtual/app", version: nil, targets: [
            Target(name: "App", moduleName: "App", kind: .swift, path: "/virtual/app/Sources/App", isTest: false),
        ])
        let macro = Package(identity: macroPackage, name: "Mac", path: "/virtual/\(macroPackage)", version: nil, targets: [
            Target(name: "Mac", moduleName: "Mac", kind: .swift, path: "/virtual/\(macroPackage)/Sources/Mac", isTest: false),
        ])
        let packages = macroPackage == "app" ? [root] : [root, macro]
        let packageGraph = PackageGraph(root: root, packages: packages,
                                        dependencies: macroPackage == "app" ? ["app": []] : ["app": [macroPackage], macroPackage: []])
        let ownership = SourceOwnership(graph: packageGraph)
        let (builder, _) = CallGraphBuilder(packageGraph: packageGraph, ownership: ownership).build(records: [mac, app])
        let checker = Checker(graph: builder.freeze(), packageGraph: packageGraph, ownership: ownership, catalog: try SinkCatalog.bundled(),
                              naming: SymbolNaming(demangle: { _ in nil }), includeTests: false)
        let policy = try PolicyLoader.parse(Data(#"{ "version": 1, "packages": { "mac": { "allow": ["build"] } } }"#.utf8), file: "p.json")
        return checker.run(policy: policy, collectViolations: true).violationKeys
    }

    func testWhatAMacroExpandsToIsItsPackagesCode() throws {
        // getenv from `#config`, mkdir from the `log()` `@Logged` adds; the argument's unlink stays the root's.
        XCTAssertEqual(try violations(), ["mac env getenv", "mac fs mkdir"])
        XCTAssertEqual(try violations(qualified: true), ["mac env getenv", "mac fs mkdir"], "`@Mac.Logged`")
    }

    func testAPackagesOwnMacroChangesNothing() throws {
        XCTAssertEqual(try violations(macroPackage: "app"), [], "the root's own macro expands to the root's code")
    }
}
