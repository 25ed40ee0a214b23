import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import Foundation

/// Ties what the Swift source scan found to the call graph, so that reachability decides:
///
/// - a finding in compiled code becomes an edge from its enclosing declaration's node (the node defined at the
///   declaration's name; else the symbol the index names there, as for an extension; else, for top-level code,
///   the file's `main`) to a sink of the finding's capability, at the finding's place;
/// - what runs outside Swift's calls (`@_cdecl`, init sections, dynamic replacements) is also reached from
///   `program start`;
/// - a finding in an inactive `#if` branch is listed under `unanalyzed` with its file, line, branch and capability;
///   so is a finding no declaration of the graph could be found for.
package struct SwiftSourceMerger: GraphPass {
    package let packageGraph: PackageGraph
    package let includeTests: Bool
    /// What the scan found.
    package let scanned: SwiftSourceFindings
    /// The index records (to tie a finding to the declaration the index names at its place).
    package let records: [IndexRecord]

    package init(packageGraph: PackageGraph, includeTests: Bool, scanned: SwiftSourceFindings, records: [IndexRecord]) {
        self.packageGraph = packageGraph
        self.includeTests = includeTests
        self.scanned = scanned
        self.records = records
    }

    package func apply(to graph: GraphBuilder) -> [Unanalyzed] {
        let ownership = SourceOwnership(graph: packageGraph)
        var unanalyzed = scanned.unreadable.map { entry in
            var entry = entry
            entry.target = entry.file.flatMap { target(of: $0, ownership) }
            return entry
        }
        var seenInactive = Set<String>()
        // Declarations by place, in the files with a finding in compiled code only.
        let files = Set(scanned.findings.filter { $0.inactiveBranch == nil }.map(\.file))
        var definitions: [String: [String: Int32]] = [:]
        var sharingPlace: [Int32: [Int32]] = [:]  // the first definition at a place → the others there (a variable's accessors)
        let nodes = graph.nodes
        for index in nodes.indices where nodes[index].language == .swift {
            guard let location = nodes[index].location, files.contains(location.file) else { continue }
            let node = nodes[index]
            guard node.package != nil else { continue }
            let key = node.isFileMain ? "main" : "\(location.line):\(location.column)"
            if let first = definitions[location.file]?[key] {
                sharingPlace[first, default: []].append(Int32(index))
            } else {
                definitions[location.file, default: [:]][key] = Int32(index)
            }
            if !node.isFileMain, definitions[location.file]?["\(location.line)"] == nil {
                definitions[location.file, default: [:]]["\(location.line)"] = Int32(index)
            }
        }
        let occurrences = OccurrenceLookup(records: records, files: files)
        // Declarations a source finding already runs from program start: the object file shows the same export again.
        var startedBySource = Set<Int32>()
        // Per file, the names of the C its declarations reach through code compiled into its object (`cNamesReached`).
        var namedByC: [String: Set<String>] = [:]

        for finding in scanned.findings {
            if let branch = finding.inactiveBranch {
                // One entry per line and capability: `FileManager.default.contents(atPath:)` names the member sink
                // and its type, the member first.
                guard seenInactive.insert("\(finding.file):\(finding.line):\(finding.capability.name)").inserted else { continue }
                unanalyzed.append(Unanalyzed(
                    package: finding.package,
                    reason: "\(finding.file):\(finding.line): `\(branch)` branch, which this build does not compile, refers to \(finding.sink) (\(finding.capability.name)); not analysed",
                    kind: .inactiveCode, target: target(of: finding.file, ownership),
                    file: finding.file, line: finding.line, condition: branch, reference: finding.sink, capability: finding.capability.name))
                continue
            }
            if let called = finding.objectCall {
                if namedByC[finding.file] == nil {
                    namedByC[finding.file] = Self.cNamesReached(from: Array((definitions[finding.file] ?? [:]).values), in: graph)
                }
                if namedByC[finding.file]?.contains(called) == true { continue }
            }
            if case .withFile = finding.reach {
                // Every declaration of the file holds it (each one's code may use what the file imported).
                let site = SourceLocation(file: finding.file, line: finding.line, column: finding.column)
                let placed = Set((definitions[finding.file] ?? [:]).values)
                let holders = placed.union(placed.flatMap { sharingPlace[$0] ?? [] }).sorted()
                for holder in holders { graph.addEdge(from: holder, to: sink(finding, graph), kind: .reference, site: site) }
                if holders.isEmpty { unanalyzed.append(undeclared(finding, "in a file the index has no declaration of", ownership)) }
                continue
            }
            let owner: Int32?
            if let symbol = finding.objectSymbol {
                owner = graph.packageDeclaration(ofSwiftSymbol: symbol)
                if let owner, startedBySource.contains(owner) { continue }
            } else if let declaration = finding.declaration {
                owner = definitions[finding.file]?["\(declaration.line):\(declaration.column)"]
                    ?? occurrences.node(file: finding.file, line: declaration.line, column: declaration.column, in: graph)
                    ?? definitions[finding.file]?["\(declaration.line)"]
            } else {
                owner = definitions[finding.file]?["main"]
            }
            guard let owner else {
                unanalyzed.append(undeclared(finding, "in code the index has no declaration for", ownership))
                continue
            }
            let site = SourceLocation(file: finding.file, line: finding.line, column: finding.column)
            if case .onlyFromProgramStart = finding.reach {
                graph.addEdge(from: graph.programStart(of: packageGraph.root), to: owner, kind: .differentiation, site: site)
                continue
            }
            graph.addEdge(from: owner, to: sink(finding, graph), kind: .reference, site: site)
            if let bound = finding.boundSymbol, let usr = GraphBuilder.swiftUSR(ofMangled: bound) {
                // `@_silgen_name("$sSS10contentsOfFile…")` calls that Swift declaration: the catalog classifies it.
                let callee = graph.id(forKey: usr) ?? graph.addNode(key: usr, GraphNode(
                    usr: usr, name: bound, kind: .function, language: .swift, package: nil, module: nil, location: nil, isFileMain: false))
                graph.addEdge(from: owner, to: callee, kind: .reference, site: site)
            }
            if case .fromProgramStart(let why) = finding.reach {
                if finding.objectSymbol == nil { startedBySource.formUnion([owner] + (sharingPlace[owner] ?? [])) }
                let start = graph.programStart(of: packageGraph.root)
                let kind: EdgeKind = why.contains("section") ? .loadTime : why.contains("replaces") ? .dynamicReplacement : .exportedToC
                // Every definition at the place: a global's accessors share its place, and the variable's own
                // node holds its initial value (the closure an init-array entry runs).
                for node in [owner] + (sharingPlace[owner] ?? []) {
                    graph.addEdge(from: start, to: node, kind: kind, site: graph.nodes[Int(node)].location)
                }
            }
        }
        return unanalyzed
    }

    /// The names of the C-family nodes `definitions` reach through code the Swift object holds: a C function they name,
    /// then, transitively, what a header's inline function (compiled into the Swift object by the importer) or a
    /// declaration without a place calls, and asm labels and aliases (`capcheck_quiet_open` is `open`). A C function
    /// defined in a C source is compiled into its own object, so what it calls is not the Swift object's call.
    static func cNamesReached(from definitions: [Int32], in graph: GraphBuilder) -> Set<String> {
        func inSwiftObject(_ node: GraphNode) -> Bool {
            node.language == .swift || (node.location?.file).map(CFamilySources.isIncluded) ?? true
        }
        var names = Set<String>(), seen = Set(definitions), queue = definitions
        while let next = queue.popLast() {
            let callerInObject = inSwiftObject(graph.nodes[Int(next)])
            for edge in graph.edges[Int(next)] {
                let target = graph.nodes[Int(edge.target)]
                let renames = edge.kind == .asmLabel || edge.kind == .symbolAlias
                guard target.language.isClang, callerInObject || renames else { continue }
                names.insert(target.name)
                if inSwiftObject(target) || renames, seen.insert(edge.target).inserted { queue.append(edge.target) }
            }
        }
        return names
    }

    /// The unanalysed entry of a finding no declaration of the graph holds (`place` says where it is).
    private func undeclared(_ finding: SwiftSourceFinding, _ place: String, _ ownership: SourceOwnership) -> Unanalyzed {
        Unanalyzed(package: finding.package,
                   reason: "\(finding.file):\(finding.line): \(finding.sink) (\(finding.capability.name)) \(place); not analysed",
                   kind: .undeclaredCode, target: target(of: finding.file, ownership),
                   file: finding.file, line: finding.line, reference: finding.sink, capability: finding.capability.name)
    }

    /// The name of the target whose sources hold `file`.
    private func target(of file: String, _ ownership: SourceOwnership) -> String? {
        guard let owner = ownership.owner(of: file, unitModule: "") else { return nil }
        return packageGraph.package(owner.package)?.targets.first { $0.moduleName == owner.module }?.name ?? owner.module
    }

    private func sink(_ finding: SwiftSourceFinding, _ graph: GraphBuilder) -> Int32 {
        let key = "source-sink|\(finding.package)|\(finding.capability.name)|\(finding.sink)"
        if let existing = graph.id(forKey: key) { return existing }
        let id = graph.addNode(key: key, GraphNode(usr: key, name: finding.sink, kind: .function, language: .swift, package: finding.package,
                                                   module: nil, location: nil, isFileMain: false))
        graph.fixedSinks[id] = SinkMatch(capability: finding.capability, name: finding.sink, onlyFromSwift: false)
        return id
    }

}

/// The symbol the index records at a place (`file`, line, column), for declarations it has no node defined at
/// (an extension names its type there).
private struct OccurrenceLookup {
    /// Per file, the USR of the first occurrence at each (line, column), keyed `line << 32 | column`.
    private var usrs: [String: [Int64: String]] = [:]

    package init(records: [IndexRecord], files: Set<String>) {
        for record in records where files.contains(record.filePath) {
            var places = usrs[record.filePath] ?? [:]
            for occurrence in record.occurrences {
                let place = Int64(occurrence.line) << 32 | Int64(occurrence.column)
                if places[place] == nil { places[place] = record.symbols[Int(occurrence.symbol)].usr }
            }
            usrs[record.filePath] = places
        }
    }

    package func node(file: String, line: Int, column: Int, in graph: GraphBuilder) -> Int32? {
        guard let usr = usrs[file]?[Int64(line) << 32 | Int64(column)], let id = graph.id(forKey: usr),
              graph.nodes[Int(id)].package != nil else { return nil }
        return id
    }
}
