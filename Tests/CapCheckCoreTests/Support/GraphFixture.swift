@testable import CapCheckCore
import Foundation

/// A whole-program graph made in memory — packages and their dependencies, declarations owned by packages, edges, and
/// sinks fixed on nodes — so the grant rules (effective grants along a path, nesting, `unlisted`, blame) are tested in
/// milliseconds, without a toolchain or a build.
struct GraphFixture {
    private let packages: [Package]
    private let dependencies: [String: [String]]
    private let builder = GraphBuilder()

    /// `packages`: each identity with the identities it depends on; the first is the root.
    init(_ packages: [(identity: String, dependsOn: [String])]) {
        self.packages = packages.map { entry in
            Package(identity: entry.identity, name: entry.identity, path: "/virtual/\(entry.identity)", version: nil, targets: [
                Target(name: entry.identity.capitalized, moduleName: entry.identity.capitalized, kind: .swift,
                       path: "/virtual/\(entry.identity)/Sources", isTest: false),
            ])
        }
        dependencies = Dictionary(uniqueKeysWithValues: packages.map { ($0.identity, $0.dependsOn) })
    }

    /// A Swift declaration of `package`, named `name`.
    func declaration(_ name: String, in package: String) -> Int32 {
        builder.addNode(key: "\(package).\(name)", GraphNode(
            usr: "\(package).\(name)", name: name, kind: .function, language: .swift, package: package,
            module: package.capitalized, location: SourceLocation(file: "/virtual/\(package)/Sources/\(name).swift", line: 1, column: 1),
            isFileMain: false))
    }

    /// A C function `package` defines, named `name`.
    func cFunction(_ name: String, in package: String) -> Int32 {
        builder.addNode(key: "\(package)|c:@F@\(name)", GraphNode(
            usr: "c:@F@\(name)", name: name, kind: .function, language: .c, package: package, module: "C" + package.capitalized,
            location: SourceLocation(file: "/virtual/\(package)/Sources/C\(package.capitalized)/\(name).c", line: 1, column: 1),
            isFileMain: false))
    }

    /// A node of the build (`GraphNode.buildTimePrefix`): `package`'s target `name` as `swift build` builds or runs it.
    func buildTarget(_ name: String, in package: String) -> Int32 {
        let usr = GraphNode.buildTimePrefix + "\(package)|\(name)"
        return builder.addNode(key: usr, GraphNode(
            usr: usr, name: "target \(name)", kind: .module, language: .swift, package: package, module: name,
            location: SourceLocation(file: "/virtual/\(package)/Package.swift", line: 1, column: 1), isFileMain: false))
    }

    /// A toolchain symbol that is a sink of `capability`.
    func sink(_ name: String, _ capability: Capability) -> Int32 {
        let id = builder.addNode(key: "sink.\(name)", GraphNode(usr: "sink.\(name)", name: name, kind: .function, language: .c,
                                                               package: nil, module: nil, location: nil, isFileMain: false))
        builder.fixedSinks[id] = SinkMatch(capability: capability, name: name, onlyFromSwift: false)
        return id
    }

    /// `from` refers to (calls) each of `to`, in order.
    func calls(_ from: Int32, _ to: Int32...) {
        for target in to {
            builder.addEdge(from: from, to: target, kind: .reference,
                            site: SourceLocation(file: builder.nodes[Int(from)].location?.file ?? "", line: 2, column: 1))
        }
    }

    /// `from` reaches `to` by an implicit edge of `kind` (a protocol witness by default): dispatch, not a name in the code.
    func dispatches(_ from: Int32, _ to: Int32, kind: EdgeKind = .witness) {
        builder.addEdge(from: from, to: to, kind: kind, site: SourceLocation(file: builder.nodes[Int(from)].location?.file ?? "", line: 2, column: 1))
    }

    /// `check` (or `audit`, without violations) of the graph under the policy `json`.
    func check(policy json: String, collectViolations: Bool = true) throws -> AnalysisReport {
        let packageGraph = PackageGraph(root: packages[0], packages: packages, dependencies: dependencies)
        let policy = try PolicyLoader.parse(Data(json.utf8), file: "capabilities.json")
        let checker = Checker(graph: builder.freeze(), packageGraph: packageGraph, ownership: SourceOwnership(graph: packageGraph),
                              catalog: try SinkCatalog.bundled(), naming: SymbolNaming(demangle: { _ in nil }), includeTests: false)
        return checker.run(policy: policy, collectViolations: collectViolations)
    }
}
