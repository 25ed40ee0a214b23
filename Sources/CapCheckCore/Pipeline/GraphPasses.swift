import CapCheckBuildTime
import CapCheckCatalog
import CapCheckGraph
import CapCheckIndexStore
import CapCheckModel
import CapCheckNativeCode
import CapCheckPackageGraph
import CapCheckSwiftSource

/// Every pass that completes the graph the index store gives, in the one order they run. Each adds edges only; the
/// order decides which of two equally short paths a report shows (a node's edges are searched in the order they were
/// added), so it is fixed, and a run's reports never depend on timing.
enum GraphPasses {
    static func ordered(facts: DeclarationFacts, packageGraph: PackageGraph, includeTests: Bool, catalog: SinkCatalog,
                        native: NativeFindings, scanned: SwiftSourceFindings, records: [IndexRecord],
                        mangledDefinitions: [MangledRuntimeDefinitions.InObject] = []) -> [any GraphPass] {
        [
            // Swift's implicit calls (witnesses, accessors, deinit, wrappers, …): over the index's own nodes only.
            ImplicitEdgeRules(facts: facts),
            // C-family code: its definitions and edges, load-time code from program start, system libraries' modules,
            // a package's native code as its `ffi`. After the rules, whose facts are Swift declarations.
            {
                var merger = NativeGraphMerger(packageGraph: packageGraph, includeTests: includeTests, systemLibraries: catalog.systemLibraries,
                                               findings: native, records: records)
                merger.isCLibraryEffect = { catalog.isCLibraryName($0) && !catalog.isPureC($0) }
                return merger
            }(),
            // A package's own definition of a C library function (or of a runtime library's mangled C++ export)
            // replaces it for every caller: from program start.
            CLibraryInterposition(packageGraph: packageGraph, includeTests: includeTests,
                                  isLibraryName: { catalog.isCLibraryName($0) || RuntimeExports.contains($0) },
                                  mangledDefinitions: mangledDefinitions,
                                  labels: native.definitions.compactMapValues { $0.definition.asmLabel }),
            // A package's C calling a library function the catalog does not classify: listed as not analysed.
            UnclassifiedNativeCalls(packageGraph: packageGraph, includeTests: includeTests,
                                    isClassified: { catalog.isCLibraryName($0) || catalog.isPureC($0) }),
            // The build itself: plugins and macros as `build` sinks.
            BuildTimeGraph(code: BuildTimeCode(graph: packageGraph)),
            // Last: the scan's findings attach to nodes the earlier passes made (program start, C definitions).
            SwiftSourceMerger(packageGraph: packageGraph, includeTests: includeTests, scanned: scanned, records: records),
        ]
    }
}
