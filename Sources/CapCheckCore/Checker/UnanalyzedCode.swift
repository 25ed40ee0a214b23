/// Code of the graph that capcheck cannot see into. Each is reported, never silently passed.
enum UnanalyzedCode {
    static func find(in graph: PackageGraph) -> [Unanalyzed] {
        graph.packages.flatMap { package in
            package.targets.filter { !$0.isTest }.compactMap { target -> Unanalyzed? in
                switch target.kind {
                case .binary:
                    return Unanalyzed(package: package.identity, reason: "binary target \(target.name): prebuilt code, no sources to analyse")
                case .systemLibrary:
                    return Unanalyzed(package: package.identity, reason: "system library target \(target.name): links a library from the system, not analysed")
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
