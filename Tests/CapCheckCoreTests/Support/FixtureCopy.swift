@testable import CapCheckCore
import Foundation
import XCTest

/// A copy of a fixture package and of the local packages it depends on, in a temporary folder, for every test that
/// edits a fixture's files (or touches them) or relies on the build of an edited fixture: the committed fixtures are
/// never edited in place, and a failing or interrupted test cannot leave them edited. The copy keeps the fixtures'
/// relative layout (`<root>/Fixtures/<name>`, `<root>/Fixtures/Packages/<dependency>`), so `.package(path:)` resolves
/// inside it; its scratch folder is `<package>/.build`, inside the copy. The test's teardown removes it.
struct FixtureCopy {
    /// The temporary folder that holds the copy.
    let root: URL
    /// The fixture's name (`DemoApp`).
    let name: String

    /// The copied root package.
    var packagePath: URL { root.appendingPathComponent("Fixtures/\(name)") }
    /// Its scratch folder, inside the copy.
    var scratchPath: URL { packagePath.appendingPathComponent(".build") }

    /// A file or folder of the copy, named as under `Fixtures/` (`Packages/c-asm/Sources/CAsm/casm.c`).
    func path(_ relative: String) -> URL { root.appendingPathComponent("Fixtures/\(relative)") }

    /// Analyser options for the copy.
    func options(skipBuild: Bool, mode: Analyzer.Mode = .check) -> Analyzer.Options {
        var options = Analyzer.Options(mode: mode, packagePath: packagePath, scratchPath: scratchPath)
        options.skipBuild = skipBuild
        return options
    }

    /// Builds the copy (debug, which writes the index store).
    func build() throws {
        try PackageBuilder(toolchain: Toolchain.locate(), packagePath: packagePath, scratchPath: scratchPath)
            .build(includeTests: false, echoProgress: false)
    }

    /// Analyses the copy against its own capabilities.json (or, with `usePolicy` false, as `audit`).
    func analyse(skipBuild: Bool = true, usePolicy: Bool = true) throws -> AnalysisReport {
        try Analyzer(options: options(skipBuild: skipBuild, mode: usePolicy ? .check : .audit)).run()
    }
}

extension Fixtures {
    /// Copies the fixture `name` and every local package it depends on, directly or through another (the
    /// `.package(path: "…")` entries of their manifests), to a new temporary folder that `test`'s teardown removes.
    static func copy(_ name: String, for test: XCTestCase) throws -> FixtureCopy {
        let fixtures = repositoryRoot.appendingPathComponent("Fixtures").standardizedFileURL
        let copy = FixtureCopy(root: FileManager.default.temporaryDirectory.appendingPathComponent("capcheck-fixture-\(name)-\(UUID().uuidString)"),
                               name: name)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: copy.root) }
        for relative in try localPackages(of: name, under: fixtures) {
            let destination = copy.path(relative)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try copyWithoutBuildOutput(fixtures.appendingPathComponent(relative), to: destination)
        }
        return copy
    }

    /// `name` and the local packages it depends on, as paths relative to `fixtures` (sorted, `name` first), each
    /// folder once (nested ones, such as CatalogProbe's own `Packages/`, come with their parent).
    static func localPackages(of name: String, under fixtures: URL) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"\.package\(\s*path:\s*"([^"]+)""#)
        var found: [String] = [], queue = [name]
        while let relative = queue.popLast() {
            guard !found.contains(relative) else { continue }
            found.append(relative)
            let package = fixtures.appendingPathComponent(relative)
            let manifest = try String(contentsOf: package.appendingPathComponent("Package.swift"), encoding: .utf8)
            for match in pattern.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)) {
                let path = (manifest as NSString).substring(with: match.range(at: 1))
                let dependency = package.appendingPathComponent(path).standardizedFileURL.path
                guard dependency.hasPrefix(fixtures.path + "/") else {
                    throw CapCheckError(.usage, "\(relative) depends on \(path), outside Fixtures/: a copy of it would not resolve")
                }
                queue.append(String(dependency.dropFirst(fixtures.path.count + 1)))
            }
        }
        let outermost = found.filter { candidate in !found.contains { candidate.hasPrefix($0 + "/") } }
        return [name] + outermost.filter { $0 != name }.sorted()
    }

    /// Copies a package folder without build output a local run left in it (`.build`, `.swiftpm`: `swift run capcheck
    /// check --package-path Fixtures/DemoApp` builds into `Fixtures/DemoApp/.build`), which would not work elsewhere.
    private static func copyWithoutBuildOutput(_ source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name != ".build" && name != ".swiftpm" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
        }
    }
}
