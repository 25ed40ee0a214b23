import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// Turns index records into the whole-program graph: one node per symbol, an edge `A → B` for every
/// occurrence of B whose relation says `calledBy` or `containedBy` A (every reference, not only calls),
/// top-level code attributed to a per-file `main` node. The implicit edges are the pipeline's first pass
/// (`ImplicitEdgeRules`), over the facts this gathers.
public struct CallGraphBuilder {
    package let ownership: SourceOwnership
    package let packageGraph: PackageGraph

    public init(packageGraph: PackageGraph, ownership: SourceOwnership) {
        self.packageGraph = packageGraph
        self.ownership = ownership
    }

    /// The graph of the records' definitions and references, with the definition facts the implicit-edge rules need
    /// (`ImplicitEdgeRules`, the first of the pipeline's passes).
    package func build(records: [IndexRecord]) -> (graph: GraphBuilder, facts: DeclarationFacts) {
        let graph = GraphBuilder()
        var facts = DeclarationFacts()
        facts.root = packageGraph.root
        // C definitions are keyed per package (see `ClangDefinitions`).
        var clangDefinitions = ClangDefinitions()
        let owners = records.map { ownership.owner(of: $0.filePath, unitModule: $0.moduleName) }
        // Symbols repeat across records and references across occurrences: half of each is a fair guess.
        graph.reserveCapacity(nodes: records.reduce(0) { $0 + $1.symbols.count } / 2,
                              edges: records.reduce(0) { $0 + $1.occurrences.count } / 2)

        // Pass 1: definitions, so that references in any record resolve to them.
        for (record, owner) in zip(records, owners) {
            guard let owner else { continue }
            for occurrence in record.occurrences where occurrence.roles.contains(.definition) {
                let symbol = record.symbols[Int(occurrence.symbol)]
                let key = symbol.isClang ? owner.package + "|" + symbol.usr : symbol.usr
                let before = graph.nodes.count
                let id = graph.addNode(key: key, GraphNode(
                    usr: symbol.usr, name: symbol.name, kind: symbol.kind, language: symbol.language,
                    package: owner.package, module: owner.module,
                    location: SourceLocation(file: record.filePath, line: Int(occurrence.line), column: Int(occurrence.column)),
                    isFileMain: false))
                guard graph.nodes.count > before else { continue }
                if symbol.isClang { clangDefinitions.add(symbol.usr, package: owner.package, id: id) }
                for relation in record.relations(of: occurrence) {
                    let relatedSymbol = record.symbols[Int(relation.symbol)], related = relatedSymbol.usr
                    if relation.roles.contains(.overrideOf) { facts.overrides.append((id, related)) }
                    if relation.roles.contains(.accessorOf) { facts.accessors.append((id, related)) }
                    if relation.roles.contains(.specializationOf) { facts.specializations.append((id, related)) }
                    if relation.roles.contains(.childOf) {
                        facts.parents.append((id, related))
                        if symbol.isClang, related.contains(">") { facts.templateMembers.append((id, related, relatedSymbol.name)) }
                        // `_read`, `_modify` and `init` accessors say only `childOf` their property: accessors all the same.
                        if !symbol.isClang, relatedSymbol.kind.isVariable, !relation.roles.contains(.accessorOf),
                           [.instanceMethod, .staticMethod, .classMethod, .function].contains(symbol.kind) {
                            facts.accessors.append((id, related))
                        }
                    }
                }
            }
        }

        func resolve(_ symbol: IndexSymbol, from package: String?) -> Int32 {
            if symbol.isClang, let defined = clangDefinitions.resolve(symbol.usr, from: package, in: packageGraph) { return defined }
            // A C declaration seen from a Swift record carries language Swift and a Swift-style name;
            // the node is the C symbol, named by its USR.
            return graph.addNode(key: symbol.usr, GraphNode(
                usr: symbol.usr, name: symbol.isClang ? symbol.clangName : symbol.name, kind: symbol.kind,
                language: symbol.isClang && symbol.language == .swift ? .c : symbol.language,
                package: nil, module: nil, location: nil, isFileMain: false))
        }

        // Pass 2: references. Each record's symbols are resolved to nodes once, not once per occurrence.
        var resolved: [Int32] = []
        for (record, owner) in zip(records, owners) {
            var fileMain: Int32?
            var lastDefinition: Int32?  // the symbol of the last definition occurrence (occurrences are in source order)
            // Swift references with no container between the last definition and this one: the declaration's
            // attributes (`@Worker public struct Model`, a global actor the runtime hops to whenever the type's code
            // runs: the sixteenth sweep's), on whichever lines they are written (the seventeenth sweep put each word
            // on its own line). The definition reaches them, so a dependency's type does too. In a `main.swift`, whose
            // top-level statements are references with no container too, only those on the definition's line or the
            // one above: the others run as the program's top-level code (the file's `main`) anyway, and tying them to
            // the next function would show paths through it that the program does not take.
            let topLevelCode = record.filePath.hasSuffix("/main.swift") || record.filePath == "main.swift"
            var source: SourceText??  // read only for a file with a reference outside any declaration
            var attributes: [(target: Int32, site: SourceLocation, occurrence: IndexOccurrence)] = []
            resolved.removeAll(keepingCapacity: true)
            resolved.append(contentsOf: repeatElement(-1, count: record.symbols.count))
            func node(_ index: Int32) -> Int32 {
                if resolved[Int(index)] < 0 { resolved[Int(index)] = resolve(record.symbols[Int(index)], from: owner?.package) }
                return resolved[Int(index)]
            }
            // Code another package's macro expanded to here: `from → expansion → target` beside `from → target`, the
            // expansion a node of the macro's package (see `MacroExpansionSites`).
            var foreignMacros: [Int32: Int32?] = [:]  // macro symbol → its definition, when another package's
            func foreignDefinition(ofMacro macro: Int32) -> Int32? {
                if let known = foreignMacros[macro] { return known }
                let symbol = record.symbols[Int(macro)]
                let defined = symbol.isClang ? clangDefinitions.resolve(symbol.usr, from: owner?.package, in: packageGraph)
                    : graph.id(forKey: symbol.usr)
                let definition = defined.map { graph.nodes[Int($0)] }
                let foreign = definition.map { $0.isDefined && $0.package != nil && $0.package != owner?.package } == true ? defined : nil
                foreignMacros[macro] = foreign
                return foreign
            }
            let sites = MacroExpansionSites(record: record, isForeign: { foreignDefinition(ofMacro: $0) != nil })
            var expansions: [Int64: Int32] = [:]
            func expansion(making occurrence: IndexOccurrence) -> Int32? {
                guard let macro = sites.macro(expanding: occurrence, in: record), let defined = foreignDefinition(ofMacro: macro) else {
                    return nil
                }
                let place = Int64(occurrence.line) << 32 | Int64(occurrence.column)
                if let known = expansions[place] { return known }
                let symbol = record.symbols[Int(macro)], definition = graph.nodes[Int(defined)]
                let key = "macro-expansion|\(record.filePath)|\(occurrence.line):\(occurrence.column)|\(defined)"
                let made = graph.addNode(key: key, GraphNode(
                    usr: key, name: "code macro \(symbol.name) expands to", kind: .function, language: symbol.language,
                    package: definition.package, module: definition.module,
                    location: SourceLocation(file: record.filePath, line: Int(occurrence.line), column: Int(occurrence.column)),
                    isFileMain: false))
                expansions[place] = made
                return made
            }
            func addReference(from: Int32, to target: Int32, site: SourceLocation, occurrence: IndexOccurrence) {
                graph.addEdge(from: from, to: target, kind: .reference, site: site)
                guard let expanded = expansion(making: occurrence) else { return }
                graph.addEdge(from: from, to: expanded, kind: .macroExpansion, site: site)
                graph.addEdge(from: expanded, to: target, kind: .reference, site: site)
            }
            for occurrence in record.occurrences {
                if occurrence.roles.contains(.reference) {
                    let site = SourceLocation(file: record.filePath, line: Int(occurrence.line), column: Int(occurrence.column))
                    let target = node(occurrence.symbol)
                    var hasContainer = false, namesDeclaration = false
                    for relation in record.relations(of: occurrence) {
                        if !relation.roles.isDisjoint(with: [.calledBy, .containedBy]) {
                            hasContainer = true
                            addReference(from: node(relation.symbol), to: target, site: site, occurrence: occurrence)
                        } else if !relation.roles.isDisjoint(with: [.baseOf, .extendedBy]) {
                            namesDeclaration = true
                        }
                    }
                    if !hasContainer, !namesDeclaration, let declared = lastDefinition,
                       let kind = Self.headerReferenceKind(record.symbols[Int(declared)]) {
                        // `associatedtype Helper: Helping = RenamingHelper`, `case run(stamp: Bool = stamp())`,
                        // `subscript(i: Int, probe: Bool = probe())`, `typealias Ref = Theme`, `class Motor:
                        // Engine<Igniter>`: the references after the name (constraints, defaults, default argument
                        // values, the aliased type, generic arguments) are related to nothing.
                        facts.headerReferences.append((node(declared), target, site, kind))
                    }
                    // Top-level code: a Swift reference with no container (imports are module references;
                    // inheritance clauses and extended types name their declaration with baseOf/extendedBy).
                    if !hasContainer, !namesDeclaration, record.symbols[Int(occurrence.symbol)].kind != .module,
                       record.filePath.hasSuffix(".swift"), let owner {
                        let main = fileMain ?? graph.addNode(key: "main:" + record.filePath, GraphNode(
                            usr: "main:" + record.filePath, name: "top-level code", kind: .function, language: .swift,
                            package: owner.package, module: owner.module,
                            location: SourceLocation(file: record.filePath, line: 1, column: 1), isFileMain: true))
                        fileMain = main
                        addReference(from: main, to: target, site: site, occurrence: occurrence)
                        // A scoped import (`import struct Kit.Box`) names a declaration without a container too, but
                        // is no attribute of the next definition.
                        if topLevelCode || !Self.isImport(line: Int(occurrence.line), of: record.filePath, in: &source) {
                            attributes.append((target, site, occurrence))
                        }
                    }
                }
                // A parameter (`stamp` in `case run(stamp: Bool = …)`) does not end its declaration's header.
                if occurrence.roles.contains(.definition), record.symbols[Int(occurrence.symbol)].kind != .parameter {
                    lastDefinition = occurrence.symbol
                    for relation in record.relations(of: occurrence)
                    where relation.roles.contains(.childOf) && record.symbols[Int(relation.symbol)].kind == .extension {
                        graph.addEdge(from: node(occurrence.symbol), to: node(relation.symbol), kind: .extensionMember,
                                      site: SourceLocation(file: record.filePath, line: Int(occurrence.line), column: Int(occurrence.column)))
                    }
                    for attribute in attributes where !topLevelCode || attribute.site.line + 1 >= Int(occurrence.line) {
                        addReference(from: node(occurrence.symbol), to: attribute.target, site: attribute.site, occurrence: attribute.occurrence)
                    }
                    attributes.removeAll(keepingCapacity: true)
                }
                // A conformance names each witness it uses with an implicit occurrence related `overrideOf` the
                // requirement: the only record of a witness declared elsewhere (a retroactive conformance, such as
                // Hummingbird's `extension ServerBootstrap: ServerBootstrapProtocol`, whose witness is NIO's `bind`).
                if !occurrence.roles.contains(.definition) {
                    var witnesses = false
                    for relation in record.relations(of: occurrence) where relation.roles.contains(.overrideOf) {
                        facts.overrides.append((node(occurrence.symbol), record.symbols[Int(relation.symbol)].usr))
                        witnesses = true
                    }
                    if witnesses {
                        for relation in record.relations(of: occurrence) where relation.roles.contains(.containedBy) {
                            facts.conformanceWitnesses.append((node(occurrence.symbol), record.symbols[Int(relation.symbol)].usr))
                        }
                    }
                }
                if !occurrence.roles.isDisjoint(with: [.reference, .definition]) {
                    for relation in record.relations(of: occurrence) where !relation.roles.isDisjoint(with: [.extendedBy, .baseOf]) {
                        let usr = record.symbols[Int(occurrence.symbol)].usr
                        if relation.roles.contains(.extendedBy) {
                            facts.extendedTypes[record.symbols[Int(relation.symbol)].usr] = usr
                        }
                        if relation.roles.contains(.baseOf) {
                            facts.inheritances.append((record.symbols[Int(relation.symbol)].usr, usr))
                        }
                    }
                }
            }
        }

        return (graph, facts)
    }

    /// Whether line `line` of the Swift file is one whole import declaration: `import` (after attributes such as
    /// `@preconcurrency` or `@_exported`, and after a kind such as `struct`) with nothing else on the line (a `;` could
    /// put a declaration with its attributes after it). An unreadable file has none.
    static func isImport(line: Int, of path: String, in source: inout SourceText??) -> Bool {
        if source == nil { source = .some(SourceText(path: path)) }
        guard let text = source ?? nil, line >= 1, line <= text.lineStarts.count else { return false }
        let end = line < text.lineStarts.count ? text.lineStarts[line] : text.bytes.count
        let words = String(decoding: text.bytes[text.lineStarts[line - 1]..<end], as: UTF8.self)
        guard !words.contains(";") else { return false }
        var rest = Substring(words).drop { $0 == " " || $0 == "\t" }
        while rest.hasPrefix("@") {  // attributes, with their arguments
            rest = rest.drop { $0 != " " && $0 != "\t" }.drop { $0 == " " || $0 == "\t" }
        }
        return rest.hasPrefix("import ") || rest.hasPrefix("import\t")
    }

    /// The edge from a declaration to what its header names after its name, for the declarations whose header
    /// references the index relates to nothing; nil for others.
    private static func headerReferenceKind(_ symbol: IndexSymbol) -> EdgeKind? {
        if symbol.subkind == associatedTypeSubkind { return .associatedTypeDefault }
        if symbol.kind == .enumConstant || symbol.name.hasPrefix("subscript(") { return .defaultArgument }
        // A protocol's too: `protocol LinearMeter: Meter where Unit == Inch`, `protocol MetricMeter: Meter<Metre>` fix a
        // type that conformers then use (the twenty-eighth sweep's `Inch(integerLiteral:)` made a folder).
        if symbol.language == .swift, [.typealias, .class, .struct, .enum, .protocol].contains(symbol.kind) { return .namedType }
        return nil
    }

    /// `INDEXSTORE_SYMBOL_SUBKIND_SWIFTASSOCIATEDTYPE`.
    private static let associatedTypeSubkind: UInt32 = 1012
}
