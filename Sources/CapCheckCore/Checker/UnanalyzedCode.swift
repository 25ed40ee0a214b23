/// Code of the graph that capcheck cannot see into. Each is reported, never silently passed.
enum UnanalyzedCode {
    static func find(in graph: PackageGraph) -> [Unanalyzed] {
        graph.packages.flatMap { package in
            package.targets.filter { !$0.isTest }.compactMap { target -> Unanalyzed? in
                switch target.kind {
                case .binary:
                    return Unanalyzed(package: package.identity, reason: "\(NativeGraphMerger.describe(target)): prebuilt code, no sources to analyse; ffi for \(package.identity) wherever its module is imported, and must be granted explicitly")
                case .systemLibrary:
                    return Unanalyzed(package: package.identity, reason: "\(NativeGraphMerger.describe(target)): a library from the system, not analysed; ffi for \(package.identity) wherever its module is imported")
                case .plugin:
                    return Unanalyzed(package: package.identity, reason: "plugin target \(target.name): runs inside SwiftPM (build-tool plugins at every build, command plugins on request); not analysed")
                case .macro:
                    return Unanalyzed(package: package.identity, reason: "macro target \(target.name): runs in the compiler at build time, not analysed")
                case .unknown:
                    return Unanalyzed(package: package.identity, reason: "target \(target.name) of a kind capcheck does not know")
                case .swift, .clang:
                    return nil
                }
            }
        }
    }
}
