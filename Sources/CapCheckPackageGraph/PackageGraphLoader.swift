import CapCheckSupport
import CapCheckModel
import Foundation

/// Resolves a root package's graph with SwiftPM's own commands:
/// `swift package show-dependencies --format json` for packages and versions,
/// `swift package describe --type json` in each package for its targets (every trait enabled).
public struct PackageGraphLoader: Sendable {
    public let toolchain: Toolchain
    public let packagePath: URL
    public let scratchPath: URL
    /// Use exactly the versions in Package.resolved and fail if it is out of date (for `diff --base`).
    public var onlyResolvedVersions = false
    /// The SwiftPM that runs capcheck holds the scratch folder's lock (inside `swift package capcheck`, which builds
    /// nothing meanwhile): every `swift package` query passes `--ignore-lock` instead of waiting for it.
    public var swiftPMHoldsLock = false

    public init(toolchain: Toolchain, packagePath: URL, scratchPath: URL) {
        self.toolchain = toolchain
        self.packagePath = packagePath
        self.scratchPath = scratchPath
    }

    /// The graph from the cache under the scratch folder when still valid, else from SwiftPM (then cached).
    public func load() throws -> PackageGraph { try loadNoting().graph }

    /// The graph, and whether it changed since the cache was written (a manifest, a dependency, or the files of a
    /// target: SwiftPM's own build plan notices only the root package's, see `PackageBuilder.replan`). With
    /// `ignoringCache`, the graph is resolved afresh (and cached) even when the cache's key matches.
    public func loadNoting(ignoringCache: Bool = false) throws -> (graph: PackageGraph, changed: Bool) {
        let cache = PackageGraphCache(packagePath: packagePath, scratchPath: scratchPath, onlyResolvedVersions: onlyResolvedVersions,
                                      swift: toolchain.swiftExecutable)
        if !ignoringCache, let cached = cache.load() { return (cached, false) }
        let graph = try resolve()
        cache.store(graph)
        return (graph, true)
    }

    /// Where a package's code comes from: SwiftPM's `url` (a remote repository, or a local dependency's folder), unless
    /// its code is in a folder of its own outside the scratch folder's checkouts: then that folder (`swift package edit
    /// --path <fork>` swaps a remote dependency's code for the fork's while `url` still names the repository, so a grant
    /// bound by `source` to the repository matched the fork's code: the fourteenth sweep's). SwiftPM's own copies are
    /// under the scratch folder (`checkouts/`, `registry/downloads/`), compared with symbolic links resolved; a fork in
    /// any other folder is the fork, whatever its path spells (the eighteenth sweep's `forks/checkouts/yams`).
    package static func location(url: String?, path: String, scratch: URL) -> String? {
        guard let url, url != path else { return url }
        let folder = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let own = scratch.standardizedFileURL.resolvingSymlinksInPath().path
        return folder.hasPrefix(own + "/") ? url : path
    }

    private func resolve() throws -> PackageGraph {
        let pinned = onlyResolvedVersions ? ["--force-resolved-versions"] : []
        let describeScratch = ScratchLayout(scratch: scratchPath).describe
        // The root's description needs no resolution: it runs beside `show-dependencies`, which keeps one core busy.
        let root = packagePath.standardizedFileURL.resolvingSymlinksInPath(), rootFolder = root.lastPathComponent.lowercased()
        let (resolved, rootDescription) = concurrently(
            { Result { try json(try swiftPackage(pinned + ["show-dependencies", "--format", "json"], at: packagePath, scratch: scratchPath),
                                what: "show-dependencies") } },
            { Result { try targets(of: root, scratch: describeScratch.appendingPathComponent(rootFolder), mayUseUnsafeFlags: true) } })
        let tree = try resolved.get()
        var order: [(identity: String, name: String, path: String, version: String?, location: String?)] = []
        var dependencies: [String: [String]] = [:]
        var queue: [[String: Any]] = [tree]
        while !queue.isEmpty {
            let node = queue.removeFirst()
            guard let identity = node["identity"] as? String, let path = node["path"] as? String else { continue }
            let children = node["dependencies"] as? [[String: Any]] ?? []
            dependencies[identity] = children.compactMap { $0["identity"] as? String }
            if order.contains(where: { $0.identity == identity }) { continue }
            let version = (node["version"] as? String).flatMap { $0 == "unspecified" ? nil : $0 }
            order.append((identity, node["name"] as? String ?? identity, path, version, Self.location(url: node["url"] as? String, path: path, scratch: scratchPath)))
            queue.append(contentsOf: children)
        }
        // `describe` evaluates only the manifest; run the packages two at a time. The root (the tree's first package,
        // always; its `path` is the package path SwiftPM resolved) was described already.
        let found = order
        // A root SwiftPM names by another path than its resolved one is described again there: targets' paths are made
        // from it.
        let rootAsNamed = found.first.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path == root.path } ?? true
        let described = (rootAsNamed ? [rootDescription] : []) + concurrentMap(max(0, found.count - (rootAsNamed ? 1 : 0))) { number in
            let index = number + (rootAsNamed ? 1 : 0)
            return Result {
                try targets(of: URL(fileURLWithPath: found[index].path), scratch: describeScratch.appendingPathComponent(found[index].identity),
                            mayUseUnsafeFlags: found[index].version == nil)
            }
        }
        let packages = try zip(order, described).map { entry, description in
            let (targets, products) = try description.get()
            return Package(identity: entry.identity, name: entry.name, path: entry.path, version: entry.version, targets: targets,
                           products: products, location: entry.location)
        }
        return PackageGraph(root: packages[0], packages: packages, dependencies: dependencies)
    }

    private func targets(of package: URL, scratch: URL, mayUseUnsafeFlags: Bool) throws -> ([Target], [Product]) {
        var (targets, products) = try describedTargets(of: package, scratch: scratch)
        let settings = try nativeSettings(of: package, scratch: scratch, always: mayUseUnsafeFlags)
        for index in targets.indices {
            if let found = settings[targets[index].name], !found.isEmpty { targets[index].nativeSettings = found }
            // A module map's `link "name"` reaches the link step as the autolink entry `-l<name>` of every Swift object
            // that imports the module: a name with more than a library in it is the target's own linker flags.
            let links = ModuleMapFile.linkingFiles(of: targets[index]).flatMap { path in
                (try? String(contentsOfFile: path, encoding: .utf8)).map { ModuleMapFile.parse($0).linkedLibraries } ?? []
            }
            let flags = LinkerArguments.flags(in: links.map { "-l" + $0 })
            if !flags.isEmpty {
                targets[index].nativeSettings = (targets[index].nativeSettings ?? [])
                    + [Target.NativeSetting(kind: "unsafeFlags", tool: "linker", values: flags)]
            }
        }
        return (targets, products)
    }

    /// Per target, its `linkedLibrary`, `linkedFramework` and `unsafeFlags` settings, which `describe` does not show:
    /// from `dump-package`. Run `always` for a package SwiftPM lets use `unsafeFlags` (the root, and a dependency with
    /// no version: local, branch or revision), whose manifest can make a setting's name at run time (an evasion
    /// sweep's `unsafeBitCast` of a `define` rebound to `("unsafe" + "Flags", …)`); for a versioned one, only when its
    /// manifests spell one of the names.
    private func nativeSettings(of package: URL, scratch: URL, always: Bool) throws -> [String: [Target.NativeSetting]] {
        let names = ["linkedLibrary", "linkedFramework", "unsafeFlags"]
        let manifests = ((try? FileManager.default.contentsOfDirectory(atPath: package.path)) ?? [])
            .filter { $0.hasPrefix("Package") && $0.hasSuffix(".swift") }
        let spelt = manifests.contains { manifest in
            let text = (try? String(contentsOf: package.appendingPathComponent(manifest), encoding: .utf8)) ?? names.joined()
            return names.contains { text.contains($0) }
        }
        guard always || spelt else { return [:] }
        let dump = try json(try swiftPackage(["dump-package"], at: package, scratch: scratch), what: "dump-package of \(package.path)")
        var result: [String: [Target.NativeSetting]] = [:]
        for target in dump["targets"] as? [[String: Any]] ?? [] {
            guard let name = target["name"] as? String else { continue }
            for setting in target["settings"] as? [[String: Any]] ?? [] {
                guard let kind = setting["kind"] as? [String: Any], let tool = setting["tool"] as? String else { continue }
                for key in names {
                    guard let payload = kind[key] as? [String: Any] else { continue }
                    let values = (payload["_0"] as? [String]) ?? (payload["_0"] as? String).map { [$0] } ?? []
                    result[name, default: []].append(Target.NativeSetting(kind: key, tool: tool, values: values))
                }
            }
        }
        return result
    }

    private func describedTargets(of package: URL, scratch: URL) throws -> ([Target], [Product]) {
        // `describe` in the package's own folder sees its default traits, not the ones the graph enables: with every
        // trait enabled, each trait-conditioned dependency is listed (an evasion sweep's F2 hid one behind `Fast`).
        let description = try json(try swiftPackage(["--enable-all-traits", "describe", "--type", "json"], at: package, scratch: scratch),
                                   what: "describe of \(package.path)")
        let targets = description["targets"] as? [[String: Any]] ?? []
        let products = (description["products"] as? [[String: Any]] ?? []).map { product in
            Product(name: product["name"] as? String ?? "", targets: product["targets"] as? [String] ?? [])
        }
        return (targets.map { target in
            let type = target["type"] as? String ?? ""
            let moduleType = target["module_type"] as? String ?? ""
            let kind: Target.Kind
            switch (moduleType, type) {
            case (_, "macro"): kind = .macro
            case ("PluginTarget", _), (_, "plugin"): kind = .plugin
            case ("BinaryTarget", _), (_, "binary"): kind = .binary
            case ("SystemLibraryTarget", _), (_, "system-target"): kind = .systemLibrary
            case ("ClangTarget", _): kind = .clang
            case ("SwiftTarget", _): kind = .swift
            default: kind = .unknown
            }
            let relative = target["path"] as? String ?? ""
            let name = target["name"] as? String ?? ""
            return Target(name: name, moduleName: target["c99name"] as? String ?? name, kind: kind,
                          path: package.appendingPathComponent(relative).standardizedFileURL.path,
                          isTest: type == "test",
                          targetDependencies: target["target_dependencies"] as? [String] ?? [],
                          productDependencies: target["product_dependencies"] as? [String] ?? [],
                          pluginCapability: (target["plugin_capability"] as? [String: Any])?["type"] as? String,
                          sources: target["sources"] as? [String] ?? [])
        }, products)
    }

    private func swiftPackage(_ arguments: [String], at package: URL, scratch: URL) throws -> String {
        let ignoreLock = swiftPMHoldsLock ? ["--ignore-lock"] : []
        let command = toolchain.packageCommand(["--package-path", package.path, "--scratch-path", scratch.path] + ignoreLock + arguments)
        let result = try ProcessRunner.run(command.executable, command.arguments, environment: toolchain.driverEnvironment())
        guard result.status == 0 else {
            throw CapCheckError(.packageGraph, """
                `swift package \(arguments.joined(separator: " "))` failed in \(package.path):
                \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
                Fix the manifest (or run `swift package resolve`) and try again.
                """)
        }
        return result.stdout
    }

    private func json(_ text: String, what: String) throws -> [String: Any] {
        // SwiftPM may print warnings before the JSON document.
        let start = text.firstIndex(of: "{") ?? text.startIndex
        guard let object = try? JSONSerialization.jsonObject(with: Data(text[start...].utf8)) as? [String: Any] else {
            throw CapCheckError(.packageGraph, "could not parse the output of `swift package \(what)`")
        }
        return object
    }
}
