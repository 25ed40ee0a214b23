@testable import CapCheckCore
import Foundation
import XCTest

/// A cache never changes an answer (issue 16). On a copy of `Fixtures/CacheApp`, a seeded random sequence of edits
/// — Swift and C files added to, removed from and renamed in the dependencies, bodies edited, a manifest's settings
/// and the policy changed — and of faults in capcheck's cache files (truncated, zeroed, a bit flipped, deleted,
/// replaced by a folder) is applied. After each step capcheck runs with its caches (building, as a user would) and
/// again from nothing (its caches set aside, the same build): the two JSON reports must be identical.
///
/// `CAPCHECK_DIFFERENTIAL_STEPS` sets the number of steps (8 in `.ci/run`; try 60 locally), `CAPCHECK_DIFFERENTIAL_SEED`
/// the seed (a failure message names both).
final class CacheDifferentialTests: XCTestCase {
    func testCachedAndFreshReportsAreIdentical() throws {
        let environment = ProcessInfo.processInfo.environment
        let steps = environment["CAPCHECK_DIFFERENTIAL_STEPS"].flatMap(Int.init) ?? 8
        let seed = environment["CAPCHECK_DIFFERENTIAL_SEED"].flatMap(UInt64.init) ?? 16
        var world = CacheWorld(seed: seed, copy: try Fixtures.copy("CacheApp", for: self))
        try world.write()
        XCTAssertEqual(try world.cachedReport(), try world.freshReport(), "seed \(seed), before any step")
        for step in 1...steps {
            let what = try world.randomStep()
            let cached = try world.cachedReport()
            let fresh = try world.freshReport()
            XCTAssertEqual(cached, fresh, "seed \(seed), step \(step): \(what)")
            if cached != fresh { break }
            for file in Self.files(in: cached) {
                XCTAssertTrue(FileManager.default.fileExists(atPath: file), "seed \(seed), step \(step): a report names \(file), which is gone")
            }
        }
        XCTAssertGreaterThan(world.distinctReports.count, 2, "the edits changed what capcheck reports: \(world.log)")
    }

    /// Every `file` a JSON report names (path hops, unanalysed entries).
    private static func files(in report: String) -> Set<String> {
        var found = Set<String>()
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let file = object["file"] as? String, !file.isEmpty { found.insert(file) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        if let object = try? JSONSerialization.jsonObject(with: Data(report.utf8)) { walk(object) }
        return found
    }
}

/// The copy of CacheApp the test edits, and a model of what its generated files hold.
private struct CacheWorld {
    /// The copy of CacheApp and its two dependencies (`Fixtures.copy`; the test's teardown removes it).
    let copy: FixtureCopy
    private var random: SplitMix64
    /// Added Swift files of cache-swift-dep: file stem → (sink index, called from `swiftEntry`).
    private var swiftFiles: [String: (sink: Int, called: Bool)] = [:]
    /// Added C files of cache-c-dep: file stem → (sink index, called from `ccache_entry`).
    private var cFiles: [String: (sink: Int, called: Bool)] = [:]
    private var defineFlag = false
    private var grants: Set<String> = []
    private var counter = 0
    private(set) var log: [String] = []
    private(set) var distinctReports = Set<String>()

    /// Sinks a generated Swift function can reach (each a statement), and C ones.
    private static let swiftSinks = [
        #"_ = FileManager.default.contents(atPath: "/etc/hostname")"#,
        #"_ = ProcessInfo.processInfo.environment["HOME"]"#,
        #"let p = Process(); p.executableURL = URL(fileURLWithPath: "/bin/true")"#,
        "_ = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)",
        "let q = UnsafeMutablePointer<Int>.allocate(capacity: 1); q.deallocate()",
        "_ = 1 + 1",
    ]
    private static let cSinks = [#"return getenv("HOME") != 0;"#, #"return access("/etc/hostname", 0);"#, "return 7;",
                                 #"return system("true");"#]

    init(seed: UInt64, copy: FixtureCopy) {
        random = SplitMix64(seed: seed)
        self.copy = copy
    }

    private var package: URL { copy.packagePath }
    private var scratch: URL { copy.scratchPath }
    private var swiftFolder: URL { copy.path("Packages/cache-swift-dep/Sources/CacheSwiftDep") }
    private var cFolder: URL { copy.path("Packages/cache-c-dep/Sources/CCacheDep") }

    // MARK: Steps

    /// One random edit, then (sometimes) faults in the cache files; returns what it did.
    mutating func randomStep() throws -> String {
        var done: [String] = []
        switch random.next(below: 9) {
        case 0, 1: done.append(addSwiftFile())
        case 2: done.append(removeOrRenameSwiftFile())
        case 3: done.append(addCFile())
        case 4: done.append(removeOrRenameCFile())
        case 5: done.append(editABody())
        case 6:
            defineFlag.toggle()
            done.append("manifest: CACHE_FLAG \(defineFlag ? "defined" : "undefined")")
        case 7:
            let grant = ["fs", "env", "exec", "net"][random.next(below: 4)]
            if !grants.insert(grant).inserted { grants.remove(grant) }
            done.append("policy: cache-swift-dep holds \(grants.sorted())")
        default: done.append("no edit")
        }
        try write()
        if random.next(below: 2) == 0 { done.append(contentsOf: try damageCaches()) }
        log.append(done.joined(separator: "; "))
        return done.joined(separator: "; ")
    }

    private mutating func name(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    private mutating func addSwiftFile() -> String {
        let stem = name("Added")
        swiftFiles[stem] = (random.next(below: Self.swiftSinks.count), random.next(below: 3) > 0)
        return "add \(stem).swift (\(swiftFiles[stem]!))"
    }

    private mutating func removeOrRenameSwiftFile() -> String {
        guard let stem = swiftFiles.keys.sorted().randomElement(using: &random) else { return addSwiftFile() }
        let entry = swiftFiles.removeValue(forKey: stem)!
        if random.next(below: 2) == 0 { return "remove \(stem).swift" }
        let renamed = name("Renamed")
        swiftFiles[renamed] = entry
        return "rename \(stem).swift to \(renamed).swift"
    }

    private mutating func addCFile() -> String {
        let stem = name("added_")
        cFiles[stem] = (random.next(below: Self.cSinks.count), random.next(below: 3) > 0)
        return "add \(stem).c (\(cFiles[stem]!))"
    }

    private mutating func removeOrRenameCFile() -> String {
        guard let stem = cFiles.keys.sorted().randomElement(using: &random) else { return addCFile() }
        let entry = cFiles.removeValue(forKey: stem)!
        if random.next(below: 2) == 0 { return "remove \(stem).c" }
        let renamed = name("renamed_")
        cFiles[renamed] = entry
        return "rename \(stem).c to \(renamed).c"
    }

    private mutating func editABody() -> String {
        if let stem = swiftFiles.keys.sorted().randomElement(using: &random), random.next(below: 2) == 0 {
            swiftFiles[stem]!.sink = random.next(below: Self.swiftSinks.count)
            swiftFiles[stem]!.called.toggle()
            return "edit \(stem).swift (\(swiftFiles[stem]!))"
        }
        if let stem = cFiles.keys.sorted().randomElement(using: &random) {
            cFiles[stem]!.sink = random.next(below: Self.cSinks.count)
            cFiles[stem]!.called.toggle()
            return "edit \(stem).c (\(cFiles[stem]!))"
        }
        return addSwiftFile()
    }

    /// Damages one to three of capcheck's cache files in one of the ways a torn write or a bad restore would.
    private mutating func damageCaches() throws -> [String] {
        let folder = ScratchLayout(scratch: scratch).folder
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasPrefix("describe") || relative == "layout" { continue }
            if !FileStamp.isDirectory(folder.appendingPathComponent(relative).path) { files.append(relative) }
        }
        files.sort()
        var done: [String] = []
        for _ in 0..<(1 + random.next(below: 3)) {
            guard let relative = files.randomElement(using: &random) else { break }
            let url = folder.appendingPathComponent(relative)
            guard var bytes = FileManager.default.contents(atPath: url.path).map([UInt8].init) else { continue }
            switch random.next(below: 5) {
            case 0:
                bytes = Array(bytes.prefix(random.next(below: max(bytes.count, 1))))
                done.append("truncate \(relative)")
            case 1:
                bytes = [UInt8](repeating: 0, count: bytes.count)
                done.append("zero \(relative)")
            case 2 where !bytes.isEmpty:
                bytes[random.next(below: bytes.count)] ^= UInt8(1 << random.next(below: 8))
                done.append("flip a bit of \(relative)")
            case 3:
                try FileManager.default.removeItem(at: url)
                done.append("delete \(relative)")
                continue
            default:
                try FileManager.default.removeItem(at: url)
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
                done.append("replace \(relative) with a folder")
                continue
            }
            try Data(bytes).write(to: url)
        }
        return done
    }

    // MARK: Files

    /// Writes every generated file from the model (files no longer in it are removed).
    func write() throws {
        for folder in [swiftFolder, cFolder] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("Added") || name.hasPrefix("Renamed")
                || name.hasPrefix("added_") || name.hasPrefix("renamed_") {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        for (stem, entry) in swiftFiles {
            try """
                import Foundation
                #if canImport(Glibc)
                import Glibc
                #endif

                func \(stem.lowercased())() {
                    \(Self.swiftSinks[entry.sink])
                }

                """.write(to: swiftFolder.appendingPathComponent(stem + ".swift"), atomically: true, encoding: .utf8)
        }
        let calls = swiftFiles.filter(\.value.called).keys.sorted().map { "    \($0.lowercased())()" }.joined(separator: "\n")
        try """
            // The differential test rewrites this file and adds others beside it.
            import Foundation

            public func swiftEntry() {
            \(calls)
            #if CACHE_FLAG
                _ = FileManager.default.createFile(atPath: "/tmp/capcheck-flag", contents: nil)
            #endif
            }

            """.write(to: swiftFolder.appendingPathComponent("Entry.swift"), atomically: true, encoding: .utf8)
        for (stem, entry) in cFiles {
            try "#include <stdlib.h>\n#include <unistd.h>\nint \(stem)(void) { \(Self.cSinks[entry.sink]) }\n"
                .write(to: cFolder.appendingPathComponent(stem + ".c"), atomically: true, encoding: .utf8)
        }
        let cCalled = cFiles.filter(\.value.called).keys.sorted()
        try ("/* The differential test rewrites this file and adds others beside it. */\n#include \"ccachedep.h\"\n"
             + cCalled.map { "int \($0)(void);\n" }.joined()
             + "int ccache_entry(void) { return 0" + cCalled.map { " + \($0)()" }.joined() + "; }\n")
            .write(to: cFolder.appendingPathComponent("entry.c"), atomically: true, encoding: .utf8)
        let settings = defineFlag ? #", swiftSettings: [.define("CACHE_FLAG")]"# : ""
        try """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "CacheSwiftDep",
                products: [.library(name: "CacheSwiftDep", targets: ["CacheSwiftDep"])],
                targets: [.target(name: "CacheSwiftDep"\(settings))],
                swiftLanguageModes: [.v5]
            )

            """.write(to: swiftFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Package.swift"),
                      atomically: true, encoding: .utf8)
        let allow = grants.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        try #"{ "version": 1, "packages": { "cache-swift-dep": { "allow": [\#(allow)] } } }"#
            .write(to: package.appendingPathComponent("capabilities.json"), atomically: true, encoding: .utf8)
    }

    // MARK: Runs

    /// `check` with capcheck's caches, building first (as a user's run would).
    mutating func cachedReport() throws -> String {
        let report = try run(skipBuild: false)
        distinctReports.insert(report)
        return report
    }

    /// `check` from nothing on the same build: the caches are set aside for the run and put back afterwards, so the
    /// next step's cached run continues from them.
    func freshReport() throws -> String {
        let caches = ScratchLayout(scratch: scratch).folder
        let aside = scratch.appendingPathComponent("capcheck-aside")
        try? FileManager.default.removeItem(at: aside)
        try FileManager.default.moveItem(at: caches, to: aside)
        defer {
            try? FileManager.default.removeItem(at: caches)
            try? FileManager.default.moveItem(at: aside, to: caches)
        }
        return try run(skipBuild: true)
    }

    private func run(skipBuild: Bool) throws -> String {
        var options = Analyzer.Options(mode: .check, packagePath: package, scratchPath: scratch)
        options.skipBuild = skipBuild
        let report = try Analyzer(options: options).run()
        return try JSONFormatter().format(report, mode: .check)
    }
}

