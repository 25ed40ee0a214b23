import CapCheckSupport
import CapCheckModel
import Foundation

/// `--format sarif`: SARIF 2.1.0 for code scanning (GitHub's `upload-sarif`). One result per violation, located
/// where its witness path leaves the root package's own files, with the whole path as a code flow; one warning
/// result per unused grant, located at the grant in the policy; unanalysed code as tool notifications.
/// Locations inside the root package are relative to the base id `PACKAGE_ROOT` (`originalUriBaseIds`).
/// The driver's `version` and `semanticVersion` are capcheck's.
public struct SARIFFormatter: ReportFormatter {
    public init() {}

    package static let baseID = "PACKAGE_ROOT"
    package static let unusedGrantRule = "unused-grant"

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        let violations = mode == .check ? report.violations : []
        var rules = Set(violations.map(\.capability)).sorted().map(rule(for:))
        if !report.unusedGrants.isEmpty { rules.append(unusedGrantRule()) }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })

        var results: [SARIF.Result] = violations.map { violation in
            let id = "reaches-\(violation.capability)"
            return SARIF.Result(
                ruleId: id, ruleIndex: ruleIndex[id]!, level: "error",
                message: SARIF.Message(Wording.violation(violation, .plain, PathDisplay(report.folders, absolute: false))),
                locations: report.actionableHop(of: violation.path).map { [location(of: $0, in: report)] },
                codeFlows: [SARIF.CodeFlow(threadFlows: [SARIF.ThreadFlow(locations: violation.path.map {
                    SARIF.ThreadFlowLocation(location: location(of: $0, in: report))
                })])],
                partialFingerprints: ["capcheckViolation/v1": Self.fingerprint(violation)])
        }
        results += report.unusedGrants.map { grant in
            SARIF.Result(
                ruleId: Self.unusedGrantRule, ruleIndex: ruleIndex[Self.unusedGrantRule]!, level: "warning",
                message: SARIF.Message(Wording.unusedGrant(grant)),
                locations: [SARIF.Location(physicalLocation: physicalLocation(file: grant.file, line: grant.line, column: grant.column, in: report))],
                partialFingerprints: ["capcheckUnusedGrant/v1": (grant.under + [grant.package, grant.capability]).joined(separator: "|")])
        }

        let version = report.capcheckVersion ?? CapCheckVersion.current
        var run = SARIF.Run(
            tool: SARIF.Tool(driver: SARIF.ToolComponent(name: "capcheck", version: version, semanticVersion: version, rules: rules)),
            results: results,
            invocations: [SARIF.Invocation(executionSuccessful: true, toolExecutionNotifications: report.unanalyzed.map { entry in
                SARIF.Notification(level: "warning", message: SARIF.Message("not analysed: " + Wording.unanalysed(.entry(entry), .absolute)))
            })])
        if let root = report.packagePath, !root.isEmpty {
            run.originalUriBaseIds = [Self.baseID: SARIF.ArtifactLocation(
                uri: URL(fileURLWithPath: root, isDirectory: true).absoluteString,
                description: SARIF.Message("The root package \(report.root)."))]
        }
        return try JSONText.encode(SARIF.Log(runs: [run]))
    }

    private func rule(for capability: String) -> SARIF.ReportingDescriptor {
        let meaning = Capability(capability).meaning ?? "a capability the policy declares"
        let help = "A dependency's code, reached from the root package's code, uses \(capability) without a grant for it "
            + "in capabilities.json. If the dependency needs it, grant it (with a reason); otherwise stop using the "
            + "code that reaches it, or replace the dependency. The code flow shows the path."
        return SARIF.ReportingDescriptor(
            id: "reaches-\(capability)",
            name: "Reaches" + capability.prefix(1).uppercased() + capability.dropFirst(),
            shortDescription: SARIF.Message("A dependency reaches \(capability) without a grant"),
            fullDescription: SARIF.Message("A package holding \(capability) \(meaning)."),
            help: SARIF.Message(help),
            defaultConfiguration: SARIF.Configuration(level: "error"),
            properties: SARIF.Properties(tags: ["security", "capability", capability]))
    }

    private func unusedGrantRule() -> SARIF.ReportingDescriptor {
        SARIF.ReportingDescriptor(
            id: Self.unusedGrantRule,
            name: "UnusedGrant",
            shortDescription: SARIF.Message("A policy grant that nothing reachable uses"),
            fullDescription: SARIF.Message("capabilities.json grants a capability that no code reachable from the root package uses; a later version of the dependency could start using it unnoticed."),
            help: SARIF.Message("Remove the capability from the grant; `capcheck init` writes the smallest policy for today's graph."),
            defaultConfiguration: SARIF.Configuration(level: "warning"),
            properties: SARIF.Properties(tags: ["security", "policy"]))
    }

    private func location(of hop: PathHop, in report: AnalysisReport) -> SARIF.Location {
        SARIF.Location(message: SARIF.Message(Wording.hopMessage(hop)),
                       physicalLocation: hop.file.isEmpty ? nil : physicalLocation(file: hop.file, line: hop.line, column: hop.column, in: report))
    }

    private func physicalLocation(file: String, line: Int, column: Int, in report: AnalysisReport) -> SARIF.PhysicalLocation {
        let relative = report.relativePath(file)
        let artifact = relative != file
            ? SARIF.ArtifactLocation(uri: relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative, uriBaseId: Self.baseID)
            : SARIF.ArtifactLocation(uri: URL(fileURLWithPath: file).absoluteString)
        return SARIF.PhysicalLocation(artifactLocation: artifact,
                                      region: line > 0 ? SARIF.Region(startLine: line, startColumn: column > 0 ? column : nil) : nil)
    }

    /// What identifies a violation across runs: the package, capability and sink, and for a narrowed grant the values it
    /// does not cover (a new hard-coded host at a sink already alerted on is a new alert, not the dismissed old one).
    package static func fingerprint(_ violation: Violation) -> String {
        let values = (violation.values ?? []).map { [$0.kind, $0.value ?? "", $0.note ?? ""].joined(separator: " ") }.sorted()
        return ([violation.package, violation.capability, violation.sink] + values).joined(separator: "|")
    }
}
