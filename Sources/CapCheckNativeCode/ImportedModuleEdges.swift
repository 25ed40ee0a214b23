import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

extension NativeGraphMerger {
    /// Every declaration of a Swift file that imports a module of a system-library or binary target reaches
    /// that module's node, which reaches the target's `ffi` pseudo-sink.
    func addImportedNativeModules(records: [IndexRecord], to graph: GraphBuilder) {
        var providers: [String: (package: Package, target: Target)] = [:]
        for package in packageGraph.packages {
            for target in package.targets where target.kind == .systemLibrary || target.kind == .binary {
                providers[target.moduleName] = (package, target)
                for module in ModuleMapFile.read(target)?.modules ?? [] { providers[module] = (package, target) }
            }
        }
        guard !providers.isEmpty else { return }
        var imports: [String: [(module: String, site: SourceLocation)]] = [:]
        for record in records where record.filePath.hasSuffix(".swift") {
            for occurrence in record.occurrences where occurrence.roles.contains(.reference) {
                let symbol = record.symbols[Int(occurrence.symbol)]
                guard symbol.kind == .module, providers[symbol.name] != nil else { continue }
                imports[record.filePath, default: []].append(
                    (symbol.name, SourceLocation(file: record.filePath, line: Int(occurrence.line), column: Int(occurrence.column))))
            }
        }
        guard !imports.isEmpty else { return }
        var declarations: [String: [Int32]] = [:]
        for (index, node) in graph.nodes.enumerated() where node.language == .swift {
            if let file = node.location?.file, imports[file] != nil { declarations[file, default: []].append(Int32(index)) }
        }
        for (file, modules) in imports {
            for (module, site) in modules {
                let provider = providers[module]!
                let moduleNode = nativeModule(module, of: provider.package, provider.target, graph)
                for declaration in declarations[file] ?? [] {
                    graph.addEdge(from: declaration, to: moduleNode, kind: .moduleImport, site: site)
                }
            }
        }
    }

    func nativeModule(_ module: String, of package: Package, _ target: Target, _ graph: GraphBuilder) -> Int32 {
        let key = "native-module|\(package.identity)|\(target.moduleName)|\(module)"
        if let existing = graph.id(forKey: key) { return existing }
        let moduleMap = URL(fileURLWithPath: target.path).appendingPathComponent("module.modulemap").path
        let location = SourceLocation(file: FileManager.default.fileExists(atPath: moduleMap) ? moduleMap : target.path, line: 1, column: 1)
        let id = graph.addNode(key: key, GraphNode(usr: key, name: "module \(module)", kind: .module, language: .c,
                                                   package: package.identity, module: target.moduleName, location: location,
                                                   isFileMain: false))
        let sinkNode = sink(target.nativeDescription, .ffi, graph, explicit: target.kind == .binary)
        graph.addEdge(from: id, to: sinkNode, kind: .nativeCode, site: location)
        if target.kind == .systemLibrary {
            for library in ModuleMapFile.read(targetFolder: target.path)?.linkedLibraries ?? [] {
                for effect in systemLibraries[library] ?? [] {
                    graph.addEdge(from: id, to: sink("library \(library): \(effect.does)", effect.capability, graph), kind: .nativeCode,
                                  site: location)
                }
            }
        }
        return id
    }
}
