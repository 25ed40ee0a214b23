import CapCheckSupport

extension PackageGraph {
    /// This graph with the linker flags a target's objects place in their autolink sections (by `identity|module`) added
    /// as the target's own `unsafeFlags` for the linker: SwiftPM hands them to the linker unread, even from a dependency
    /// fetched by version, so `--ld-path=<the package's program>` there runs it at build time as the same flag in a
    /// setting would (the fifteenth sweep). Libraries named by a lone `-l<name>` are left out: linking one runs nothing at
    /// build time (they stay listed as unanalysed); an entry is split as the link step splits it (`LinkerArguments`).
    public func addingLinkerFlags(_ flags: [String: [String]]) -> PackageGraph {
        let placed = flags.mapValues(LinkerArguments.flags(in:)).filter { !$0.value.isEmpty }
        guard !placed.isEmpty else { return self }
        let packages = packages.map { package -> Package in
            let targets = package.targets.map { target -> Target in
                guard let values = placed[package.identity + "|" + target.moduleName] else { return target }
                var target = target
                target.nativeSettings = (target.nativeSettings ?? []) + [Target.NativeSetting(kind: "unsafeFlags", tool: "linker", values: values)]
                return target
            }
            return Package(identity: package.identity, name: package.name, path: package.path, version: package.version,
                           targets: targets, products: package.products, location: package.location)
        }
        return PackageGraph(root: packages[0], packages: packages, dependencies: dependencies)
    }
}
