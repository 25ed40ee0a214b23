@testable import CapCheckCore
import Foundation

/// One generation of the catalog from the active toolchain per test run, shared by the catalog proof tests,
/// plus what they need to look at it: the committed resources, the demangler and the bundled catalog.
enum GeneratedCatalog {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cached: Result<CatalogGenerator.Generation, Error>?

    static func generation() throws -> CatalogGenerator.Generation {
        lock.lock(); defer { lock.unlock() }
        if let cached { return try cached.get() }
        let outcome = Result { try CatalogGenerator(toolchain: try Toolchain.locate()).generate() }
        cached = outcome
        return try outcome.get()
    }

    static var resourcesFolder: URL {
        Fixtures.repositoryRoot.appendingPathComponent("Sources/CapCheckCatalog/Resources")
    }

    static func demangler() throws -> SwiftDemangler {
        let toolchain = try Toolchain.locate()
        return try SwiftDemangler(libraryPath: toolchain.library("libswiftDemangle.so", override: "CAPCHECK_LIBSWIFTDEMANGLE"))
    }

    /// How the bundled catalog classifies a toolchain declaration, looked up as capcheck does: by its
    /// demangled USR.
    static func classify(_ symbol: ToolchainSymbol, catalog: SinkCatalog, demangler: SwiftDemangler) -> SinkMatch? {
        let kind: SymbolKind = symbol.kind == .type ? .struct : .instanceMethod
        let node = GraphNode(usr: symbol.usr, name: symbol.baseName, kind: kind, language: .swift, package: nil, module: nil,
                             location: nil, isFileMain: false)
        return catalog.toolchainMatch(node, demangled: demangler.demangle(usr: symbol.usr))
    }
}
