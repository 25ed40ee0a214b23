import CapCheckSupport
import CapCheckModel
import Foundation

/// `--format sarif`: SARIF 2.1.0 for code scanning (GitHub's `upload-sarif`). One result per violation, located
/// where its witness path leaves the root package's own files, with the whole path as a code flow; one warning
/// result per unused grant, located at the grant in the policy; unanalysed code as tool notifications.
/// Locations inside the root package are relative to the base id `PACKAGE_ROOT` (`originalUriBaseIds`).
public struct SARIFFormatter: ReportFormatter {
    public init() {}

    package static let baseID = "PACKAGE_ROOT"
    package static let unusedGrantRule = "unused-grant"

    public func format(_ report: AnalysisReport, mode: ReportMode) throws -> String {
        let violations = mode == .check ? report.violations : []
        let capabilities = Array(Set(violations.map(\.capability))).sorted()
        var rules = capabilities.map(rule(for:))
        if !report.unusedGrants.isEmpty { rules.append(unusedGrantRule()) }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1["id"] as! String, $0) })

        var results: [[String: Any]] = violations.map { violation in
            let id = "reaches-\(violation.capability)"
            let meaning = Capability(violation.capability).meaning.map { " — \($0)" } ?? ""
            var result: [String: Any] = [
                "ruleId": id, "ruleIndex": ruleIndex[id]!, "level": "error",
                "message": ["text": "\(violation.package) reaches \(violation.capability) through \(violation.sink), which its grant lacks\(meaning)"],
                "codeFlows": [["threadFlows": [["locations": violation.path.map { ["location": location(of: $0, in: report)] }]]]],
                "partialFingerprints": ["capcheckViolation/v1": "\(violation.package)|\(violation.capability)|\(violation.sink)"],
            ]
            if let hop = report.actionableHop(of: violation.path) { result["locations"] = [location(of: hop, in: report)] }
            return result
        }
        results += report.unusedGrants.map { grant in
            [
                "ruleId": Self.unusedGrantRule, "ruleIndex": ruleIndex[Self.unusedGrantRule]!, "level": "warning",
                "message": ["text": grant.message],
                "locations": [["physicalLocation": physicalLocation(file: grant.file, line: grant.line, column: grant.column, in: report)]],
                "partialFingerprints": ["capcheckUnusedGrant/v1": (grant.under + [grant.package, grant.capability]).joined(separator: "|")],
            ]
        }

        var run: [String: Any] = [
            "tool": ["driver": ["name": "capcheck", "rules": rules]],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "invocations": [[
                "executionSuccessful": true,
                "toolExecutionNotifications": report.unanalyzed.map { entry in
                    ["level": "warning", "message": ["text": "not analysed: \(entry.package): \(entry.reason)"]]
                },
            ]],
        ]
        if let root = report.packagePath, !root.isEmpty {
            run["originalUriBaseIds"] = [Self.baseID: ["uri": URL(fileURLWithPath: root, isDirectory: true).absoluteString,
                                                       "description": ["text": "The root package \(report.root)."]]]
        }
        let log: [String: Any] = [
            "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        let data = try JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func rule(for capability: String) -> [String: Any] {
        let meaning = Capability(capability).meaning ?? "a capability the policy declares"
        let help = "A dependency's code, reached from the root package's code, uses \(capability) without a grant for it "
            + "in capabilities.json. If the dependency needs it, grant it (with a reason); otherwise stop using the "
            + "code that reaches it, or replace the dependency. The code flow shows the path."
        return [
            "id": "reaches-\(capability)",
            "name": "Reaches" + capability.prefix(1).uppercased() + capability.dropFirst(),
            "shortDescription": ["text": "A dependency reaches \(capability) without a grant"],
            "fullDescription": ["text": "A package holding \(capability) \(meaning)."],
            "help": ["text": help],
            "defaultConfiguration": ["level": "error"],
            "properties": ["tags": ["security", "capability", capability]],
        ]
    }

    private func unusedGrantRule() -> [String: Any] {
        [
        "id": Self.unusedGrantRule,
        "name": "UnusedGrant",
        "shortDescription": ["text": "A policy grant that nothing reachable uses"],
        "fullDescription": ["text": "capabilities.json grants a capability that no code reachable from the root package uses; a later version of the dependency could start using it unnoticed."],
        "help": ["text": "Remove the capability from the grant; `capcheck init` writes the smallest policy for today's graph."],
        "defaultConfiguration": ["level": "warning"],
        "properties": ["tags": ["security", "policy"]],
        ]
    }

    private func location(of hop: PathHop, in report: AnalysisReport) -> [String: Any] {
        var location: [String: Any] = ["message": ["text": "\(hop.symbol) (\(hop.package))" + (hop.via.map { " [\($0)]" } ?? "")]]
        if !hop.file.isEmpty {
            location["physicalLocation"] = physicalLocation(file: hop.file, line: hop.line, column: hop.column, in: report)
        }
        return location
    }

    private func physicalLocation(file: String, line: Int, column: Int, in report: AnalysisReport) -> [String: Any] {
        let relative = report.relativePath(file)
        let artifact: [String: Any] = relative != file
            ? ["uri": relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative, "uriBaseId": Self.baseID]
            : ["uri": URL(fileURLWithPath: file).absoluteString]
        var location: [String: Any] = ["artifactLocation": artifact]
        if line > 0 { location["region"] = column > 0 ? ["startLine": line, "startColumn": column] : ["startLine": line] }
        return location
    }
}
