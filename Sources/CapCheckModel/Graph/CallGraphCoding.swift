import CapCheckSupport

/// Writes a call graph in `CompactWriter`'s encoding and reads it back (for `AnalysisSnapshot`): every node with
/// its key, every edge with its site, the witness types and the fixed sinks. Reading gives a graph equal to the one
/// written, node for node and edge for edge, so every report made from it is the same.
package enum CallGraphCoding {
    private static let edgeKinds = EdgeKind.allCases
    private static let edgeKindNumbers = Dictionary(uniqueKeysWithValues: edgeKinds.enumerated().map { ($1, $0) })

    package static func write(_ graph: CallGraph, to writer: inout CompactWriter) {
        writer.array(Array(graph.nodes.indices)) { writer, index in
            let node = graph.nodes[index], key = graph.keys[index]
            writer.uniqueString(key)
            writer.bool(node.usr == key)  // most nodes are keyed by their USR
            if node.usr != key { writer.uniqueString(node.usr) }
            writer.string(node.name)
            writer.int(Int(node.kind.rawValue))
            writer.int(Int(node.language.rawValue))
            writer.optionalString(node.package)
            writer.optionalString(node.module)
            writer.location(node.location)
            writer.bool(node.isFileMain)
        }
        writer.array(graph.edges) { writer, list in
            writer.array(list) { writer, edge in
                writer.int(Int(edge.target))
                writer.int(edgeKindNumbers[edge.kind]!)
                writer.location(edge.site)
            }
        }
        writer.array(graph.witnessTypes.sorted { $0.key < $1.key }) { writer, entry in
            writer.int(Int(entry.key))
            writer.int(Int(entry.value))
        }
        writer.array(graph.fixedSinks.sorted { $0.key < $1.key }) { writer, entry in
            writer.int(Int(entry.key))
            writer.sink(entry.value)
        }
    }

    package static func read(from reader: inout CompactReader) throws -> CallGraph {
        var keys: [String] = []
        let nodes = try reader.array { reader -> GraphNode in
            let key = try reader.string()
            keys.append(key)
            let usr = try reader.bool() ? key : try reader.string()
            let name = try reader.string()
            guard let kind = SymbolKind(rawValue: UInt32(try reader.int())),
                  let language = SymbolLanguage(rawValue: UInt32(try reader.int())) else { throw CompactReader.Malformed() }
            return GraphNode(usr: usr, name: name, kind: kind, language: language, package: try reader.optionalString(),
                             module: try reader.optionalString(), location: try reader.location(), isFileMain: try reader.bool())
        }
        let count = nodes.count
        func node(_ value: Int) throws -> Int32 {
            guard value >= 0, value < count else { throw CompactReader.Malformed() }
            return Int32(value)
        }
        let edges = try reader.array { reader in
            try reader.array { reader -> GraphEdge in
                let target = try node(try reader.int()), kind = try reader.int()
                guard edgeKinds.indices.contains(kind) else { throw CompactReader.Malformed() }
                return GraphEdge(target: target, kind: edgeKinds[kind], site: try reader.location())
            }
        }
        guard edges.count == count else { throw CompactReader.Malformed() }
        let witnessTypes = try reader.array { reader in (try node(try reader.int()), try node(try reader.int())) }
        let fixedSinks = try reader.array { reader in (try node(try reader.int()), try reader.sink()) }
        return CallGraph(nodes: nodes, keys: keys, edges: edges,
                         witnessTypes: Dictionary(witnessTypes, uniquingKeysWith: { first, _ in first }),
                         fixedSinks: Dictionary(fixedSinks, uniquingKeysWith: { first, _ in first }))
    }
}

extension CompactWriter {
    /// A string or its absence.
    package mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    package mutating func sink(_ value: SinkMatch) {
        string(value.capability.name)
        string(value.name)
        bool(value.onlyFromSwift)
        bool(value.needsExplicitGrant)
        array(value.alsoNeeds) { writer, capability in writer.string(capability.name) }
    }

    /// A source location or its absence.
    package mutating func location(_ value: SourceLocation?) {
        bool(value != nil)
        guard let value else { return }
        string(value.file)
        int(value.line)
        int(value.column)
    }
}

extension CompactReader {
    package mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    package mutating func sink() throws -> SinkMatch {
        var sink = SinkMatch(capability: Capability(try string()), name: try string(), onlyFromSwift: try bool(), needsExplicitGrant: try bool())
        sink.alsoNeeds = try array { reader in Capability(try reader.string()) }
        return sink
    }

    package mutating func location() throws -> SourceLocation? {
        guard try bool() else { return nil }
        return SourceLocation(file: try string(), line: try int(), column: try int())
    }
}
