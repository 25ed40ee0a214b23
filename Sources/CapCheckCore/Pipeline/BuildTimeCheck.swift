import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckBuild
import CapCheckCatalog
import CapCheckPolicy
import CapCheckGraph
import CapCheckNativeCode
import CapCheckSwiftSource
import CapCheckBuildTime
import CapCheckChecker
import CapCheckReporters

/// The check `capcheck check` runs before building: the build graph alone (`BuildTimeGraph`), searched under the
/// policy like the whole program later is. Its violations are the build-time code that would run without a
/// `build` grant; when there are any, capcheck does not build.
public struct BuildTimeCheck {
    public let packageGraph: PackageGraph
    public let catalog: SinkCatalog
    public let naming: SymbolNaming

    public init(packageGraph: PackageGraph, catalog: SinkCatalog, naming: SymbolNaming) {
        self.packageGraph = packageGraph
        self.catalog = catalog
        self.naming = naming
    }

    /// The report of the build graph under `policy`: violations and reach of `build` only, unused grants of `build`
    /// only (nothing else has been looked at yet), and the unanalysed targets.
    public func run(policy: Policy) -> AnalysisReport {
        let builder = GraphBuilder()
        BuildTimeGraph(code: BuildTimeCode(graph: packageGraph)).add(to: builder)
        var checker = Checker(graph: builder.freeze(), packageGraph: packageGraph, ownership: SourceOwnership(graph: packageGraph),
                              catalog: catalog, naming: naming, includeTests: true)
        checker.unanalyzed = UnanalyzedCode.find(in: packageGraph)
        var report = checker.run(policy: policy, collectViolations: true)
        report.unusedGrants = report.unusedGrants.filter { $0.capability == Capability.build.name }
        return report
    }
}
