import CapCheckSupport

extension PackageGraph {
    /// The modules the root's programs may link: every module the root's targets (its tests too with `includeTests`)
    /// depend on, through targets and products, transitively, themselves included. A module a dependency builds but
    /// nothing of the root's uses (a package's other library product) is not among them; a plugin's or macro's
    /// dependencies are (over-approximated: they run on the host, not in the program).
    public func linkedModules(includeTests: Bool) -> Set<String> {
        modules(reachedFromRoot: includeTests, throughBuildTools: true)
    }

    /// The modules the root's programs link: as `linkedModules(includeTests:)`, but not through a macro or plugin target,
    /// whose code and dependencies run on the host while the package builds. The difference of the two is the host-only
    /// modules (swift-syntax under a macro), which no program's code can reach at run time.
    public func programModules(includeTests: Bool) -> Set<String> {
        modules(reachedFromRoot: includeTests, throughBuildTools: false)
    }

    /// The modules of the targets the root's targets depend on, transitively, themselves included; through macro and
    /// plugin targets only when `throughBuildTools`.
    private func modules(reachedFromRoot includeTests: Bool, throughBuildTools: Bool) -> Set<String> {
        func followed(_ target: Target) -> Bool { throughBuildTools || (target.kind != .macro && target.kind != .plugin) }
        var seen = Set<String>()
        var stack = root.targets.filter { (includeTests || !$0.isTest) && followed($0) }.map { (root, $0) }
        while let (package, target) = stack.popLast() {
            guard seen.insert(package.identity + "|" + target.name).inserted else { continue }
            stack += dependencies(of: target, in: package).filter { followed($0.target) }
        }
        var modules = Set<String>()
        for package in packages {
            for target in package.targets where seen.contains(package.identity + "|" + target.name) { modules.insert(target.moduleName) }
        }
        return modules
    }
}
