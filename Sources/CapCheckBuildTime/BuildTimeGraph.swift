import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import Foundation

/// Adds the build to a call graph, so the ordinary search decides `build` like any other capability:
///
/// - `swift build`, a node of the root (at its `Package.swift`), reaches every target the build starts from (every
///   target of the root, and of every library or executable product of the graph: `BuildTargetResolver.startingTargets`);
/// - a target reaches the targets it depends on (in its package, or the targets of a product it uses), the
///   build-tool plugins it uses and the macros it depends on;
/// - a running build-tool plugin reaches the executables it runs, and a tool or macro what it depends on (built for
///   the host, with their plugins);
/// - a running plugin, plugin tool or macro reaches a sink of capability `build` named after it, checked under its
///   own package's context: `build` is a code property.
///
/// Target, plugin and macro nodes are located at their `name:` in their package's `Package.swift`.
package struct BuildTimeGraph: GraphPass {
    package let code: BuildTimeCode

    package func apply(to graph: GraphBuilder) -> [Unanalyzed] {
        add(to: graph)
        return []
    }

    package func add(to graph: GraphBuilder) {
        let running = Dictionary(code.running.map { (Key($0.package, $0.target.name), $0) }, uniquingKeysWith: { first, _ in first })
        guard !running.isEmpty else { return }
        let resolver = BuildTargetResolver(graph: code.graph)
        let manifests = ManifestLines()
        var ids: [Key: Int32] = [:]
        func node(_ package: Package, _ target: Target) -> Int32 {
            let key = Key(package.identity, target.name)
            if let id = ids[key] { return id }
            let label = running[key]?.kind.rawValue ?? "target"
            let usr = GraphNode.buildTimePrefix + "\(package.identity)|\(target.name)"
            let id = graph.addNode(key: usr, GraphNode(
                usr: usr, name: "\(label) \(target.name)", kind: .module, language: .swift,
                package: package.identity, module: target.moduleName,
                location: manifests.location(of: target.name, in: package), isFileMain: false))
            ids[key] = id
            return id
        }

        let root = code.graph.root
        let start = graph.addNode(key: GraphNode.buildTimePrefix + "start", GraphNode(
            usr: GraphNode.buildTimePrefix + "start", name: "swift build (build-time code of the graph)", kind: .function, language: .swift,
            package: root.identity, module: nil,
            location: SourceLocation(file: URL(fileURLWithPath: root.path).appendingPathComponent("Package.swift").path, line: 1, column: 1),
            isFileMain: false))

        // Each target is reached along its dependency chain from the root, so nested policy entries apply; the
        // targets of products nothing there uses are built all the same, reached from the start under their own
        // package's top-level entry.
        var reached = Set<Key>()
        func walk(from starts: [(package: Package, target: Target)]) {
            for (package, target) in starts { graph.addEdge(from: start, to: node(package, target), kind: .builtTarget, site: nil) }
            var queue = starts
            while let (package, target) = queue.popLast() {
                guard reached.insert(Key(package.identity, target.name)).inserted else { continue }
                let from = node(package, target)
                for dependency in resolver.dependencies(of: target, in: package) {
                    let isRunning = running[Key(dependency.package.identity, dependency.target.name)] != nil
                    // Plugins and macros that do not run, and a non-running plugin's tools, stay out of the graph.
                    if dependency.target.kind == .plugin || dependency.target.kind == .macro, !isRunning { continue }
                    let to = node(dependency.package, dependency.target)
                    graph.addEdge(from: from, to: to, kind: dependency.target.kind == .plugin ? .runsPlugin : .buildDependency,
                                  site: graph.nodes[Int(to)].location)
                    // What a running plugin or macro depends on (its tools, its libraries) is built too.
                    queue.append(dependency)
                }
            }
        }
        walk(from: root.targets.map { (root, $0) })
        // A tool is built as a product too, but runs only through its plugin: start from what it depends on.
        let unreached = resolver.startingTargets.filter { !reached.contains(Key($0.package.identity, $0.target.name)) }
        walk(from: unreached.flatMap { running[Key($0.package.identity, $0.target.name)] == nil ? [$0] : resolver.dependencies(of: $0.target, in: $0.package) })
        for entry in running.values.sorted(by: { ($0.package, $0.sinkName) < ($1.package, $1.sinkName) }) {
            guard let package = code.graph.package(entry.package) else { continue }
            let from = node(package, entry.target)
            graph.addEdge(from: from, to: sink(entry, graph), kind: .buildTimeCode, site: graph.nodes[Int(from)].location)
        }
    }

    private struct Key: Hashable {
        package let package: String
        package let target: String
        package init(_ package: String, _ target: String) { self.package = package; self.target = target }
    }

    private func sink(_ entry: BuildTimeCode.Entry, _ graph: GraphBuilder) -> Int32 {
        let key = "build-sink|\(entry.package)|\(entry.sinkName)"
        if let existing = graph.id(forKey: key) { return existing }
        let id = graph.addNode(key: key, GraphNode(usr: key, name: entry.sinkName, kind: .function, language: .swift, package: entry.package,
                                                   module: entry.target.moduleName, location: nil, isFileMain: false))
        graph.fixedSinks[id] = SinkMatch(capability: .build, name: entry.sinkName, onlyFromSwift: false)
        return id
    }

    package init(code: BuildTimeCode) {
        self.code = code
    }
}

/// Where a target is declared: the line of `name: "<target>"` in its package's manifest (line 1 when not found).
package final class ManifestLines {
    private var lines: [String: [Substring]] = [:]
    private static let targetCalls = ["target(", "Target(", ".plugin(", ".macro(", ".systemLibrary(", ".binaryTarget("]

    package func location(of target: String, in package: Package) -> SourceLocation {
        let file = URL(fileURLWithPath: package.path).appendingPathComponent("Package.swift").path
        if lines[file] == nil {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            lines[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let needle = "\"\(target)\""
        let text = lines[file]!
        var fallback: SourceLocation?
        for (index, line) in text.enumerated() {
            guard let quote = line.range(of: needle), let name = line.range(of: "name:"), name.upperBound <= quote.lowerBound else { continue }
            let location = SourceLocation(file: file, line: index + 1, column: line.distance(from: line.startIndex, to: name.lowerBound) + 1)
            // A target's declaration, not a product of the same name: `.target(name: "X"` (on this line or the one
            // before), never with a `targets:` list.
            let opening = line[..<name.lowerBound].contains("(") ? line : (index > 0 ? text[index - 1] : "")
            if !line.contains("targets:"), Self.targetCalls.contains(where: { opening.contains($0) }) { return location }
            fallback = fallback ?? location
        }
        return fallback ?? SourceLocation(file: file, line: 1, column: 1)
    }
}
