@testable import CapCheckCore
import XCTest

/// Demangled-name parsing and catalog lookup, on names exactly as the toolchain's demangler prints them.
final class SinkCatalogTests: XCTestCase {
    func testParsesMembersInitializersExtensionsAndAccessors() throws {
        let create = try XCTUnwrap(SwiftSymbolName(demangled: "FoundationEssentials.FileManager.createFile(atPath: Swift.String, contents: FoundationEssentials.Data?, attributes: [FoundationEssentials.FileAttributeKey : Any]?) -> Swift.Bool"))
        XCTAssertEqual(create.module, "FoundationEssentials")
        XCTAssertEqual(create.qualifiedMember, "FileManager.createFile(atPath:contents:attributes:)")

        let string = try XCTUnwrap(SwiftSymbolName(demangled: "(extension in FoundationEssentials):Swift.String.init(contentsOfFile: __shared Swift.String, encoding: (extension in FoundationEssentials):Swift.String.Encoding) throws -> Swift.String"))
        XCTAssertEqual(string.module, "FoundationEssentials")
        XCTAssertEqual(string.qualifiedMember, "String.init(contentsOfFile:encoding:)")

        let getter = try XCTUnwrap(SwiftSymbolName(demangled: "static FoundationEssentials.FileManager.default.getter : FoundationEssentials.FileManager"))
        XCTAssertEqual(getter.qualifiedMember, "FileManager.default")

        let generic = try XCTUnwrap(SwiftSymbolName(demangled: "Swift.String.init<A, B where A: Swift.Collection, B: Swift._UnicodeEncoding, A.Element == B.CodeUnit>(decoding: A, as: B.Type) -> Swift.String"))
        XCTAssertEqual(generic.qualifiedMember, "String.init(decoding:as:)")

        let privateName = try XCTUnwrap(SwiftSymbolName(demangled: "ClosureFS.Saver.(action in _2E52C8B982BA33A2931AB3EA871A386C).getter : (Swift.String) -> ()"))
        XCTAssertEqual(privateName.qualifiedMember, "Saver.action")

        let overlay = try XCTUnwrap(SwiftSymbolName(demangled: "Glibc.open(Swift.UnsafePointer<Swift.Int8>, Swift.Int32) -> Swift.Int32"))
        XCTAssertEqual(overlay.module, "Glibc")
        XCTAssertEqual(overlay.qualifiedMember, "open(_:_:)")
    }

    /// Foundation's URL loaders fetch an http: URL in a program with FoundationNetworking (`RemoteURLLoaders`): `fs`
    /// alone without it, `fs` and `net` with it; a member that reads only files stays `fs`.
    func testAURLLoaderNeedsNetOnlyWhereTheProgramCanFetch() throws {
        var catalog = try SinkCatalog.bundled()
        let load = try XCTUnwrap(SwiftSymbolName(demangled: "FoundationEssentials.Data.init(contentsOf: __shared FoundationEssentials.URL, options: FoundationEssentials.Data.ReadingOptions) throws -> FoundationEssentials.Data"))
        let file = try XCTUnwrap(SwiftSymbolName(demangled: "(extension in FoundationEssentials):Swift.String.init(contentsOfFile: __shared Swift.String, encoding: (extension in FoundationEssentials):Swift.String.Encoding) throws -> Swift.String"))
        XCTAssertEqual(catalog.classifyToolchain(load, usr: "s:load", isType: false)?.capabilities, [.fs])
        catalog.programFetchesURLs = true
        XCTAssertEqual(catalog.classifyToolchain(load, usr: "s:load", isType: false)?.capabilities, [.fs, .net])
        XCTAssertEqual(catalog.classifyToolchain(file, usr: "s:file", isType: false)?.capabilities, [.fs])
    }

    private func swiftNode(_ kind: SymbolKind = .instanceMethod) -> GraphNode {
        GraphNode(usr: "s:x", name: "x", kind: kind, language: .swift, package: nil, module: nil, location: nil, isFileMain: false)
    }

    private func cNode(_ name: String, kind: SymbolKind = .function) -> GraphNode {
        GraphNode(usr: "c:@F@" + name, name: name, kind: kind, language: .c, package: nil, module: nil, location: nil, isFileMain: false)
    }

    func testFoundationFamilyAndReexportsMatchOneEntry() throws {
        let catalog = try SinkCatalog.bundled()
        for module in ["Foundation", "FoundationEssentials"] {
            let match = catalog.toolchainMatch(swiftNode(), demangled: "\(module).FileManager.removeItem(atPath: Swift.String) throws -> ()")
            XCTAssertEqual(match?.capability, .fs, module)
        }
        XCTAssertEqual(catalog.toolchainMatch(swiftNode(.constructor), demangled: "(extension in FoundationEssentials):Swift.String.init(contentsOfFile: __shared Swift.String, encoding: (extension in FoundationEssentials):Swift.String.Encoding) throws -> Swift.String")?.capability, .fs)
        XCTAssertEqual(catalog.toolchainMatch(swiftNode(), demangled: "FoundationNetworking.URLSession.data(from: FoundationEssentials.URL) async throws -> (FoundationEssentials.Data, FoundationNetworking.URLResponse)")?.capability, .net)
        XCTAssertEqual(catalog.toolchainMatch(swiftNode(), demangled: "FoundationEssentials.ProcessInfo.environment.getter : [Swift.String : Swift.String]")?.capability, .env)
        XCTAssertEqual(catalog.toolchainMatch(swiftNode(), demangled: "Foundation.Process.run() throws -> ()")?.capability, .exec)
        // Found by the catalog sweep of 2026-11-29: making a session creates its cookie and cache folders, and the
        // current user's home and the search paths are read from files.
        for demangled in ["FoundationNetworking.URLSession.shared.unsafeMutableAddressor : FoundationNetworking.URLSession",
                          "FoundationNetworking.URLSession.shared.getter : FoundationNetworking.URLSession",
                          "FoundationNetworking.URLSessionConfiguration.default.getter : FoundationNetworking.URLSessionConfiguration",
                          "Foundation.NSHomeDirectory() -> Swift.String",
                          "FoundationEssentials.FileManager.urls(for: FoundationEssentials.FileManager.SearchPathDirectory, in: FoundationEssentials.FileManager.SearchPathDomainMask) -> [FoundationEssentials.URL]"] {
            XCTAssertEqual(catalog.toolchainMatch(swiftNode(), demangled: demangled)?.capability, .fs, demangled)
        }
    }

    func testPureAPIsMatchNothing() throws {
        let catalog = try SinkCatalog.bundled()
        let pure = [
            "static FoundationEssentials.FileManager.default.getter : FoundationEssentials.FileManager",
            "FoundationEssentials.JSONDecoder.decode<A where A: Swift.Decodable>(_: A.Type, from: FoundationEssentials.Data) throws -> A",
            "FoundationEssentials.Date.init() -> FoundationEssentials.Date",
            "FoundationEssentials.Data.count.getter : Swift.Int",
            "Swift.Array.append(__owned A) -> ()",
            "FoundationEssentials.ProcessInfo.processorCount.getter : Swift.Int",
            "FoundationEssentials.UUID.init() -> FoundationEssentials.UUID",
        ]
        for name in pure { XCTAssertNil(catalog.toolchainMatch(swiftNode(), demangled: name), name) }
        // A bare reference to a sink type is not a sink: its members are.
        XCTAssertNil(catalog.toolchainMatch(swiftNode(.class), demangled: "FoundationEssentials.FileManager"))
    }

    func testUnsafeAPI() throws {
        let catalog = try SinkCatalog.bundled()
        XCTAssertEqual(catalog.toolchainMatch(swiftNode(.struct), demangled: "Swift.UnsafeMutablePointer")?.name, "Swift.UnsafeMutablePointer")
        XCTAssertEqual(catalog.toolchainMatch(swiftNode(.function), demangled: "Swift.unsafeBitCast<A, B>(_: A, to: B.Type) -> B")?.capability, .unsafe)
        XCTAssertEqual(catalog.toolchainMatch(swiftNode(), demangled: "Swift.Array.withUnsafeBytes<A>((Swift.UnsafeRawBufferPointer) throws -> A) throws -> A")?.capability, .unsafe)
    }

    func testCFunctionsByUSRAndThroughTheSwiftOverlay() throws {
        let catalog = try SinkCatalog.bundled()
        XCTAssertEqual(catalog.toolchainMatch(cNode("socket"), demangled: nil)?.capability, .net)
        XCTAssertEqual(catalog.toolchainMatch(cNode("getenv"), demangled: nil)?.capability, .env)
        XCTAssertEqual(catalog.toolchainMatch(cNode("dlopen"), demangled: nil)?.capability, .ffi)
        XCTAssertEqual(catalog.toolchainMatch(cNode("dlopen"), demangled: nil)?.onlyFromSwift, false)
        XCTAssertNil(catalog.toolchainMatch(cNode("memcpy"), demangled: nil))
        XCTAssertNil(catalog.toolchainMatch(cNode("pthread_rwlock_init"), demangled: nil))
        let unknown = try XCTUnwrap(catalog.toolchainMatch(cNode("yaml_parser_initialize"), demangled: nil))
        XCTAssertEqual(unknown.capability, .ffi)
        XCTAssertTrue(unknown.onlyFromSwift)
        XCTAssertEqual(catalog.toolchainMatch(cNode("environ", kind: .variable), demangled: nil)?.capability, .env)
        for module in ["Glibc", "Musl", "Darwin"] {
            XCTAssertEqual(catalog.toolchainMatch(swiftNode(.function), demangled: "\(module).open(Swift.UnsafePointer<Swift.Int8>, Swift.Int32, Swift.UInt32) -> Swift.Int32")?.capability, .fs, module)
        }
    }

    func testUserSinksMatchByQualifiedPrefix() throws {
        let catalog = try SinkCatalog.bundled()
        let userSinks = UserSinks([("MyVault.Keychain.read", Capability("keychain"))])
        let defined = GraphNode(usr: "s:y", name: "read", kind: .instanceMethod, language: .swift, package: "myvault", module: "MyVault",
                                location: SourceLocation(file: "/k.swift", line: 1, column: 1), isFileMain: false)
        XCTAssertEqual(userSinks.match(defined, demangled: "MyVault.Keychain.read(account: Swift.String) -> Swift.String?")?.capability, "keychain")
        XCTAssertNil(userSinks.match(defined, demangled: "MyVault.Keychain.readable.getter : Swift.Bool"))
        XCTAssertNil(catalog.toolchainMatch(defined, demangled: "MyVault.Keychain.read(account: Swift.String) -> Swift.String?"))
    }
}

/// One API under every module name the toolchain gives it: Foundation's re-exports, the platform C modules.
final class ModuleAliasTests: XCTestCase {
    private func node(_ kind: SymbolKind = .instanceMethod) -> GraphNode {
        GraphNode(usr: "s:alias", name: "x", kind: kind, language: .swift, package: nil, module: nil, location: nil, isFileMain: false)
    }

    func testFoundationReexportsNameOneEntry() throws {
        let catalog = try SinkCatalog.bundled()
        for module in ["Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "FoundationInternationalization"] {
            let match = catalog.toolchainMatch(node(), demangled: "\(module).FileManager.removeItem(atPath: Swift.String) throws -> ()")
            XCTAssertEqual(match?.capability, .fs, module)
            XCTAssertEqual(match?.name, "Foundation.FileManager.removeItem(atPath:)", module)
            XCTAssertEqual(catalog.toolchainMatch(node(), demangled: "\(module).ProcessInfo.environment.getter : [Swift.String : Swift.String]")?.capability, .env, module)
        }
        // An extension in Foundation of a FoundationEssentials type, as the demangler prints it.
        XCTAssertEqual(catalog.toolchainMatch(node(), demangled: "(extension in Foundation):FoundationEssentials.FileManager.enumerator(atPath: Swift.String) -> Foundation.FileManager.DirectoryEnumerator?")?.capability, .fs)
        XCTAssertEqual(catalog.toolchainMatch(node(), demangled: "FoundationNetworking.URLSession.dataTask(with: FoundationEssentials.URL) -> FoundationNetworking.URLSessionDataTask")?.capability, .net)
        // A member default covers what another platform's Foundation adds to a sink type.
        XCTAssertEqual(catalog.toolchainMatch(node(), demangled: "Foundation.FileManager.evictUbiquitousItem(at: Foundation.URL) throws -> ()")?.capability, .fs)
        // ... but not the members of a type nested in it.
        XCTAssertNil(catalog.toolchainMatch(node(), demangled: "FoundationEssentials.FileManager.DirectoryEnumerationOptions.init(rawValue: Swift.UInt) -> FoundationEssentials.FileManager.DirectoryEnumerationOptions"))
    }

    func testGlibcMuslAndDarwinNamesOfOneCFunction() throws {
        let catalog = try SinkCatalog.bundled()
        for module in ["Glibc", "SwiftGlibc", "Musl", "Darwin"] {
            XCTAssertEqual(catalog.toolchainMatch(node(.function), demangled: "\(module).open(Swift.UnsafePointer<Swift.Int8>, Swift.Int32) -> Swift.Int32")?.capability, .fs, module)
            XCTAssertEqual(catalog.toolchainMatch(node(.function), demangled: "\(module).openat(Swift.Int32, Swift.UnsafePointer<Swift.Int8>, Swift.Int32, Swift.UInt32) -> Swift.Int32")?.capability, .fs, module)
            XCTAssertEqual(catalog.toolchainMatch(node(.variable), demangled: "\(module).environ : Swift.UnsafeMutablePointer<Swift.UnsafeMutablePointer<Swift.Int8>?>")?.capability, .env, module)
            XCTAssertNil(catalog.toolchainMatch(node(.function), demangled: "\(module).fcntl(Swift.Int32, Swift.Int32) -> Swift.Int32"), module)
        }
        for name in ["open", "getenv", "socket", "posix_spawn", "dlopen"] {
            let cNode = GraphNode(usr: "c:@F@" + name, name: name, kind: .function, language: .c, package: nil, module: nil, location: nil, isFileMain: false)
            XCTAssertNotNil(catalog.toolchainMatch(cNode, demangled: nil), name)
        }
    }

    func testStandardLibraryModulesShareTheSwiftFamily() throws {
        let catalog = try SinkCatalog.bundled()
        XCTAssertEqual(SinkCatalog.families["Synchronization"], "Swift")
        XCTAssertNil(catalog.toolchainMatch(node(), demangled: "Synchronization.Mutex.withLock<A, B where B: Swift.Error>((inout sending A) throws(B) -> sending A1) throws(B) -> sending A1"))
        XCTAssertEqual(catalog.toolchainMatch(node(.function), demangled: "_Concurrency.withUnsafeContinuation<A>(isolation: isolated Swift.Actor?, _: (Swift.UnsafeContinuation<A, Swift.Never>) -> ()) async -> A")?.capability, .unsafe)
        XCTAssertEqual(catalog.toolchainMatch(node(.struct), demangled: "Swift.UnsafeContinuation")?.name, "Swift.UnsafeContinuation")
        XCTAssertEqual(catalog.toolchainMatch(node(), demangled: "(extension in Foundation):Swift.UnsafeMutableRawPointer.someMember() -> ()")?.name, "Swift.UnsafeMutableRawPointer")
    }
}
