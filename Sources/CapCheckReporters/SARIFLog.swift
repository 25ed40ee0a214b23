import CapCheckSupport
import CapCheckModel

/// The part of SARIF 2.1.0 that capcheck writes, as `Encodable` values (nil properties are left out). Names follow
/// the specification's property names.
package enum SARIF {
    package static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    package struct Log: Encodable {
        package var version = "2.1.0"
        package var runs: [Run]

        private enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(SARIF.schema, forKey: .schema)
            try container.encode(version, forKey: .version)
            try container.encode(runs, forKey: .runs)
        }
    }

    package struct Run: Encodable {
        package var tool: Tool
        package var results: [Result]
        package var columnKind = "unicodeCodePoints"
        package var invocations: [Invocation]
        /// Base ids of relative artifact URIs (`PACKAGE_ROOT`).
        package var originalUriBaseIds: [String: ArtifactLocation]?
    }

    package struct Tool: Encodable {
        package var driver: ToolComponent
    }

    package struct ToolComponent: Encodable {
        package var name: String
        package var version: String
        package var semanticVersion: String
        package var rules: [ReportingDescriptor]
    }

    /// A rule.
    package struct ReportingDescriptor: Encodable {
        package var id: String
        package var name: String
        package var shortDescription: Message
        package var fullDescription: Message
        package var help: Message
        package var defaultConfiguration: Configuration
        package var properties: Properties
    }

    package struct Configuration: Encodable {
        package var level: String
    }

    package struct Properties: Encodable {
        package var tags: [String]
    }

    package struct Message: Encodable {
        package var text: String

        package init(_ text: String) { self.text = text }
    }

    package struct Result: Encodable {
        package var ruleId: String
        package var ruleIndex: Int
        package var level: String
        package var message: Message
        package var locations: [Location]?
        package var codeFlows: [CodeFlow]?
        package var partialFingerprints: [String: String]
    }

    package struct CodeFlow: Encodable {
        package var threadFlows: [ThreadFlow]
    }

    package struct ThreadFlow: Encodable {
        package var locations: [ThreadFlowLocation]
    }

    package struct ThreadFlowLocation: Encodable {
        package var location: Location
    }

    package struct Location: Encodable {
        package var message: Message?
        package var physicalLocation: PhysicalLocation?
    }

    package struct PhysicalLocation: Encodable {
        package var artifactLocation: ArtifactLocation
        package var region: Region?
    }

    package struct ArtifactLocation: Encodable {
        package var uri: String
        package var uriBaseId: String?
        package var description: Message?
    }

    package struct Region: Encodable {
        package var startLine: Int
        package var startColumn: Int?
    }

    package struct Invocation: Encodable {
        package var executionSuccessful: Bool
        package var toolExecutionNotifications: [Notification]
    }

    package struct Notification: Encodable {
        package var level: String
        package var message: Message
    }
}
