import Foundation

/// The merged call graph, the catalog's classification of its nodes and what else the checker needs, kept under
/// `<scratch>/capcheck/analysis` for the next run with the same inputs (`AnalysisInputs`): such a run reads no
/// record, parses nothing and merges nothing. One snapshot is kept, the last one written; it is trusted like the
/// build folder it lives in.
struct AnalysisSnapshot {
    var graph: CallGraph
    /// What the libclang pass and the Swift source scan could not analyse.
    var unanalyzed: [Unanalyzed]
    /// Lines of inactive `#if` branches, per package.
    var inactiveLines: [String: Int]
    /// The catalog's classification of the graph's nodes.
    var catalogSinks: CatalogSinks

    private static let format = "analysis 2"

    static func file(in scratch: URL) -> URL { scratch.appendingPathComponent("capcheck/analysis") }

    /// The last snapshot written and its key; nil when there is none or it cannot be read.
    static func load(scratch: URL) -> (key: String, snapshot: AnalysisSnapshot)? {
        guard let data = FileManager.default.contents(atPath: file(in: scratch).path) else { return nil }
        var reader = CompactReader(data)
        guard (try? reader.string()) == format, let key = try? reader.string(), let snapshot = try? read(from: &reader) else { return nil }
        return (key, snapshot)
    }

    /// Writes the snapshot under `key`, replacing the previous one; failures are ignored (it is only a cache).
    func store(key: String, scratch: URL) {
        var writer = CompactWriter()
        writer.string(Self.format)
        writer.string(key)
        CallGraphCoding.write(graph, to: &writer)
        writer.array(unanalyzed) { writer, entry in
            writer.string(entry.package)
            writer.string(entry.reason)
            writer.optionalString(entry.file)
            writer.int(entry.line ?? -1)
            writer.optionalString(entry.condition)
            writer.optionalString(entry.reference)
            writer.optionalString(entry.capability)
        }
        writer.array(inactiveLines.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.int(entry.value)
        }
        writer.array(catalogSinks.matches.enumerated().compactMap { index, match in match.map { (index, $0) } }) { writer, entry in
            writer.int(entry.0)
            writer.sink(entry.1)
        }
        let url = Self.file(in: scratch)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? TemporaryFiles.shared.write(writer.data, to: url)
    }

    private static func read(from reader: inout CompactReader) throws -> AnalysisSnapshot {
        let graph = try CallGraphCoding.read(from: &reader)
        let unanalyzed = try reader.array { reader in
            let package = try reader.string(), reason = try reader.string(), file = try reader.optionalString(), line = try reader.int()
            return Unanalyzed(package: package, reason: reason, file: file, line: line < 0 ? nil : line,
                              condition: try reader.optionalString(), reference: try reader.optionalString(),
                              capability: try reader.optionalString())
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
