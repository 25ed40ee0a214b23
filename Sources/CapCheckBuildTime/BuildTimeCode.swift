import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph

/// The code of a package graph that runs on the building machine while `swift build` builds it: build-tool
/// plugins, the executables they run, and macros. Worked out from the package graph alone (SwiftPM's `describe`
/// evaluates manifests only), so it is known before anything is built.
///
/// Which targets the build covers (`BuildTargetResolver.plannedTargets`): every target of the root (tests included:
/// SwiftPM applies the build-tool plugins they use even when it does not compile them), every target of every library
/// or executable product of every package of the graph, used or not, and every target those depend on, directly or
/// through products, whatever the dependency's platform condition, the tools of the build-tool plugins they use and
/// what those tools and their macros depend on (built for the host, plugins applied). A build-tool plugin runs when
/// such a target uses it; a macro when such a target depends on it. A command plugin never runs during a build (only
/// on `swift package <verb>`), nor does a plugin or macro only other targets use (a dependency's tests, a target in
/// no product nothing depends on): those are declared only. (Seen with SwiftPM 6.3, which plans the products of every
/// package; an evasion sweep's plugin on a product nothing uses ran.)
public struct BuildTimeCode: Sendable {
    /// One plugin or macro target, or an executable a plugin runs.
    public struct Entry: Sendable, Hashable {
        public enum Kind: String, Sendable {
            case buildToolPlugin = "build-tool plugin"
            case commandPlugin = "command plugin"
            case macro
            case pluginTool = "executable run by a plugin"
            /// A Swift or C target whose `unsafeFlags` make a compiler or the linker load or run a program of the
            /// package's choosing (`Target.runsProgramsAtBuildTime`: `-load-plugin-executable`, `-fplugin=`, `-fuse-ld=`, …).
            case toolFlags = "program run by the unsafe flags of"
        }

        public let package: String
        public let target: Target
        public let kind: Kind
        /// Planned targets (`package/target`) that use the plugin or depend on the macro, or plugins running the tool.
        public let users: [String]
        /// Whether it runs during `swift build`.
        public var runs: Bool { kind != .commandPlugin && !users.isEmpty }

        /// `build-tool plugin ProbePlugin`: the sink reports name (its package is the violation's).
        public var sinkName: String { "\(kind.rawValue) \(target.name)" }
    }

    public let graph: PackageGraph
    /// Every plugin and macro target of the graph, and every tool of a running plugin, in package order.
    public let entries: [Entry]

    public init(graph: PackageGraph) {
        self.graph = graph
        let resolver = BuildTargetResolver(graph: graph)
        var users: [BuildTargetResolver.Key: [String]] = [:]
        for (package, target) in resolver.plannedTargets {
            for dependency in resolver.dependencies(of: target, in: package) {
                users[BuildTargetResolver.Key(package: dependency.package.identity, target: dependency.target.name), default: []]
                    .append("\(package.identity)/\(target.name)")
            }
        }
        var entries: [Entry] = []
        for package in graph.packages {
            for target in package.targets {
                let key = BuildTargetResolver.Key(package: package.identity, target: target.name)
                switch target.kind {
                case .plugin:
                    let kind: Entry.Kind = target.pluginCapability == "command" ? .commandPlugin : .buildToolPlugin
                    let entry = Entry(package: package.identity, target: target, kind: kind, users: users[key] ?? [])
                    entries.append(entry)
                    guard entry.runs else { continue }
                    for tool in resolver.dependencies(of: target, in: package) {
                        entries.append(Entry(package: tool.package.identity, target: tool.target, kind: .pluginTool,
                                             users: ["\(package.identity)/\(target.name)"]))
                    }
                case .macro:
                    entries.append(Entry(package: package.identity, target: target, kind: .macro, users: users[key] ?? []))
                case .swift, .clang, .systemLibrary, .binary, .unknown:
                    // A system library's or binary target's module map can ask for linker flags too (`link "m --ld-path=…"`).
                    guard target.runsProgramsAtBuildTime else { continue }
                    let planned = resolver.plannedKeys.contains(key)
                    entries.append(Entry(package: package.identity, target: target, kind: .toolFlags,
                                         users: planned ? ["\(package.identity)/\(target.name)"] : []))
                }
            }
        }
        self.entries = entries
    }

    /// The entries that run during the build.
    public var running: [Entry] { entries.filter(\.runs) }
}

/// Resolves a target's dependencies (targets of its own package, products of the packages it depends on, the
/// plugins it uses) to the targets they name.
package struct BuildTargetResolver {
    package struct Key: Hashable { package let package: String; package let target: String }

    package let graph: PackageGraph

    /// The keys of `plannedTargets`.
    package var plannedKeys: Set<Key> {
        Set(plannedTargets.map { Key(package: $0.package.identity, target: $0.target.name) })
    }

    /// Where the build starts: every target of the root, and every target of every library or executable product of
    /// every package (SwiftPM 6.3 plans them all, used or not). Of a macro product, what the macro depends on: it is
    /// built, but the macro runs only where a target depends on it.
    package var startingTargets: [(package: Package, target: Target)] {
        var result = graph.root.targets.map { (package: graph.root, target: $0) }
        for package in graph.packages where package.identity != graph.root.identity {
            let named = Set(package.products.flatMap(\.targets))
            for target in package.targets where named.contains(target.name) && target.kind != .plugin {
                result += target.kind == .macro ? dependencies(of: target, in: package) : [(package, target)]
            }
        }
        return result
    }

    /// Whether the build builds what `target` depends on: every target's, a build-tool plugin's (its tools) and a
    /// macro's too (built for the host, the build-tool plugins of those targets applied: an evasion sweep's F1); not a
    /// command plugin's.
    package static func buildsDependencies(of target: Target) -> Bool {
        !(target.kind == .plugin && target.pluginCapability == "command")
    }

    /// Every target `swift build` of the root covers: `startingTargets` and their dependency closure (see
    /// `BuildTimeCode`), in breadth-first order.
    package var plannedTargets: [(package: Package, target: Target)] {
        var result: [(package: Package, target: Target)] = []
        var seen = Set<Key>()
        var queue = startingTargets
        var next = 0
        while next < queue.count {
            let (package, target) = queue[next]
            next += 1
            guard seen.insert(Key(package: package.identity, target: target.name)).inserted else { continue }
            result.append((package, target))
            if Self.buildsDependencies(of: target) { queue += dependencies(of: target, in: package) }
        }
        return result
    }

    /// The targets `target` of `package` depends on or uses as plugins (`PackageGraph.dependencies(of:in:)`).
    package func dependencies(of target: Target, in package: Package) -> [(package: Package, target: Target)] {
        graph.dependencies(of: target, in: package)
    }
}
