import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import CapCheckGraph

extension NativeGraphMerger {
    /// A Swift module compiled with C++ interoperability runs C++ that no index record names: operators (`a + b`,
    /// `==`, `!`, `.pointee`), conversions, copy constructors and destructors of C++ values, getters and setters
    /// imported as properties, `begin()`/`end()` of a `for … in`, template instances, a reference type's retain and
    /// release functions, default arguments. So every declaration of such a module reaches one node standing for those
    /// implicit calls, which reaches every C-family function defined in the targets the module depends on (its whole
    /// target closure: Swift finds members and operators of modules it loads only indirectly), kind `may call C++
    /// through interoperability`. An over-approximation confined to the modules that turn interoperability on.
    func addCxxInteropSurfaces(to graph: GraphBuilder) {
        let modules = findings.cxxInteropModules
        var functions: [String: [Int32]] = [:]
        var declarations: [String: [Int32]] = [:]
        for (index, node) in graph.nodes.enumerated() {
            guard let package = node.package, let module = node.module else { continue }
            if node.language.isClang, node.isDefined, node.kind.isFunction {
                functions[package + "|" + module, default: []].append(Int32(index))
            } else if node.language == .swift, modules?.contains(module) ?? true {
                declarations[package + "|" + module, default: []].append(Int32(index))
            }
        }
        guard !functions.isEmpty, !declarations.isEmpty else { return }
        for package in packageGraph.packages {
            for target in package.targets where target.kind == .swift && (includeTests || !target.isTest) {
                guard let members = declarations[package.identity + "|" + target.moduleName] else { continue }
                let callees = visibleTargets(of: target, in: package).flatMap { functions[$0] ?? [] }
                guard !callees.isEmpty else { continue }
                let key = "cxx-interop|\(package.identity)|\(target.moduleName)"
                let location = SourceLocation(file: target.path, line: 1, column: 1)
                let hub = graph.addNode(key: key, GraphNode(
                    usr: key, name: "C++ called implicitly by module \(target.moduleName)", kind: .function, language: .swift,
                    package: package.identity, module: target.moduleName, location: location, isFileMain: false))
                for member in members { graph.addEdge(from: member, to: hub, kind: .cxxInterop, site: graph.nodes[Int(member)].location) }
                for callee in callees { graph.addEdge(from: hub, to: callee, kind: .cxxInterop, site: graph.nodes[Int(callee)].location) }
            }
        }
    }

    /// `package|module` of every C-family target in the dependency closure of `target`, in a fixed order.
    private func visibleTargets(of target: Target, in package: Package) -> [String] {
        var seen = Set<String>(), found: [String] = []
        var stack = packageGraph.dependencies(of: target, in: package)
        while let (owner, next) = stack.popLast() {
            let key = owner.identity + "|" + next.moduleName
            guard seen.insert(key).inserted, next.kind != .plugin, next.kind != .macro else { continue }
            if next.kind == .clang { found.append(key) }
            stack += packageGraph.dependencies(of: next, in: owner)
        }
        return found.sorted()
    }
}
