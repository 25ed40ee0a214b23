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
import Foundation

/// The merged call graph, the catalog's classification of its nodes and what else the checker needs, kept under
/// `<scratch>/capcheck/analysis` for the next run with the same inputs (`AnalysisInputs`): such a run reads no
/// record, parses nothing and merges nothing. One snapshot is kept, the last one written, in a `CacheFile` (checked
/// whole before it is used).
package struct AnalysisSnapshot: Sendable {
    package var graph: CallGraph
    /// What the libclang pass and the Swift source scan could not analyse.
    package var unanalyzed: [Unanalyzed]
    /// Lines of inactive `#if` branches, per package.
    package var inactiveLines: [String: Int]
    /// The catalog's classification of the graph's nodes.
    package var catalogSinks: CatalogSinks

    package static func file(in scratch: URL, configuration: String = "debug") -> CacheFile {
        CacheFile(url: ScratchLayout(scratch: scratch).analysis(configuration: configuration), format: "analysis-4")
    }

    /// The last snapshot written for `configuration`, with the digest of the key it was written under
    /// (`CacheFile.Contents.matches`); nil when there is none or it is damaged.
    package static func load(scratch: URL, configuration: String = "debug") -> (written: CacheFile.Contents, snapshot: AnalysisSnapshot)? {
        let file = file(in: scratch, configuration: configuration)
        guard let contents = file.read() else { return nil }
        var reader = CompactReader(contents.payload)
        guard let snapshot = try? read(from: &reader) else {
            file.discardUndecodable()
            return nil
        }
        return (contents, snapshot)
    }

    /// Writes the snapshot under `key`, replacing the previous one of `configuration`; failures are ignored (it is only
    /// a cache).
    package func store(key: String, scratch: URL, configuration: String = "debug") {
        var writer = CompactWriter()
        CallGraphCoding.write(graph, to: &writer)
        writer.array(unanalyzed) { writer, entry in
            writer.string(entry.package)
            writer.string(entry.reason)
            writer.optionalString(entry.file)
            writer.int(entry.line ?? -1)
            writer.optionalString(entry.condition)
            writer.optionalString(entry.reference)
            writer.optionalString(entry.capability)
            writer.optionalString(entry.kind?.rawValue)
            writer.optionalString(entry.target)
        }
        writer.array(inactiveLines.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.int(entry.value)
        }
        writer.array(catalogSinks.matches.enumerated().compactMap { index, match in match.map { (index, $0) } }) { writer, entry in
            writer.int(entry.0)
            writer.sink(entry.1)
        }
        Self.file(in: scratch, configuration: configuration).write(writer, key: key)
    }

    private static func read(from reader: inout CompactReader) throws -> AnalysisSnapshot {
        let graph = try CallGraphCoding.read(from: &reader)
        let unanalyzed = try reader.array { reader in
            let package = try reader.string(), reason = try reader.string(), file = try reader.optionalString(), line = try reader.int()
            let condition = try reader.optionalString(), reference = try reader.optionalString(), capability = try reader.optionalString()
            return Unanalyzed(package: package, reason: reason, kind: try reader.optionalString().flatMap(Unanalyzed.Kind.init(rawValue:)),
                              target: try reader.optionalString(), file: file, line: line < 0 ? nil : line,
                              condition: condition, reference: reference, capability: capability)
        }
        let inactive = try reader.array { reader in (try reader.string(), try reader.int()) }
        var matches = [SinkMatch?](repeating: nil, count: graph.nodes.count)
        for (index, match) in try reader.array({ reader in (try reader.int(), try reader.sink()) }) {
            guard matches.indices.contains(index) else { throw CompactReader.Malformed() }
            matches[index] = match
        }
        guard reader.isAtEnd else { throw CompactReader.Malformed() }
        return AnalysisSnapshot(graph: graph, unanalyzed: unanalyzed,
                                inactiveLines: Dictionary(inactive, uniquingKeysWith: { first, _ in first }),
                                catalogSinks: CatalogSinks(matches: matches))
    }
}
