import CapCheckSupport
import CapCheckModel
import CapCheckGraph

extension NativeGraphMerger {
    /// An asm label (`int quiet_open(const char *, int) __asm__("open")`): the linker binds the declaration to the
    /// labelled symbol, so a call of the declaration is a call of that symbol. On a variable declaration (`extern op_t
    /// ops[] __asm__("real_ops")`, `extern char **t __asm__("environ")`), a read of it is a read of the labelled
    /// variable: its function table, or the C library's `environ`. Kind `linked by its asm label to`, from
    /// the declaration as this pass keys it and as callers in the index name it (a declaration without a definition
    /// is a toolchain-style node keyed by its USR), to the C function of that name (the catalog's sink, when it is one).
    /// A label on a name the package's own code defines (BoringSSL's `#pragma redefine_extname X CNIOBoringSSL_X` on
    /// every function) renames that definition: calling the name runs its own code, which the graph has: no edge.
    func addAsmLabelEdges(of definition: DefinitionInMerge, to graph: GraphBuilder) {
        let owned = definition.owned
        guard let label = owned.definition.asmLabel, !label.isEmpty else { return }
        if let defined = definition.clangDefinitions.resolve(owned.definition.usr, from: owned.package, in: packageGraph),
           graph.nodes[Int(defined)].package == owned.package { return }
        let target = owned.definition.kind == .variable
            ? cVariable(named: label, from: owned.package, definition: definition, in: graph)
            : cFunction(named: label, from: owned.package, definition: definition, in: graph)
        for source in definition.calledNodes(in: graph) {
            graph.addEdge(from: source, to: target, kind: .asmLabel, site: owned.definition.location)
        }
    }
}

extension NativeGraphMerger {
    /// A C name that is a Swift function's mangled symbol (`$s4Evil4hookyyF`: `$` is legal in a C identifier), given as
    /// an asm label or declared so with a load-time attribute, links to that Swift function: calling it, or an init
    /// array entry naming it, runs the Swift code. Kind `linked by its asm label to`. (A plain declaration of such a
    /// name, which this pass does not keep, is linked from the index's node: `addMangledSwiftNameEdges`.)
    func addSwiftSymbolEdges(of definition: DefinitionInMerge, to graph: GraphBuilder) {
        let owned = definition.owned
        for swift in graph.packageDeclarations(ofSwiftSymbol: owned.definition.asmLabel ?? owned.definition.name) {
            for source in definition.calledNodes(in: graph) {
                graph.addEdge(from: source, to: swift, kind: .asmLabel, site: owned.definition.location)
            }
        }
    }

    /// A C function or variable the index knows whose name is a Swift symbol (`extern void $s6Hidden5plainyyF(void);`,
    /// declared and called from C with no asm label or attribute: the twenty-sixth sweep's, whose source no parse
    /// read) reaches the package's Swift declaration of that symbol: the linker binds the C name to the Swift code.
    /// Kind `the Swift declaration its mangled name names`.
    func addMangledSwiftNameEdges(to graph: GraphBuilder) {
        for index in graph.nodes.indices where graph.nodes[index].language.isClang {
            let usr = graph.nodes[index].usr
            guard usr.contains("$s"), let name = Self.cName(ofUSR: usr) else { continue }
            for swift in graph.packageDeclarations(ofSwiftSymbol: name) {
                graph.addEdge(from: Int32(index), to: swift, kind: .mangledSwiftName, site: graph.nodes[index].location)
            }
        }
    }

    /// The C name of a function's or variable's USR (`c:@F@name`, `c:@name`, or a static one's `c:file.c@F@name`), nil
    /// for other USRs.
    static func cName(ofUSR usr: String) -> String? {
        guard usr.hasPrefix("c:") else { return nil }
        if let function = usr.range(of: "@F@") { return String(usr[function.upperBound...]) }
        guard usr.hasPrefix("c:@"), !usr.dropFirst(3).contains("@") else { return nil }
        return String(usr.dropFirst(3))
    }

    /// The node a call of the C function `name` from `package` lands on: the package's own definition or a
    /// dependency's, else the toolchain's function of that name (the catalog's sink, when it is one).
    func cFunction(named name: String, from package: String, definition: DefinitionInMerge, in graph: GraphBuilder) -> Int32 {
        cSymbol(usr: "c:@F@" + name, name: name, kind: .function, from: package, definition: definition, in: graph)
    }

    /// The node of the C variable `name` as `package` sees it, found the same way (`environ` is the catalog's sink).
    func cVariable(named name: String, from package: String, definition: DefinitionInMerge, in graph: GraphBuilder) -> Int32 {
        cSymbol(usr: "c:@" + name, name: name, kind: .variable, from: package, definition: definition, in: graph)
    }

    private func cSymbol(usr: String, name: String, kind: SymbolKind, from package: String, definition: DefinitionInMerge,
                         in graph: GraphBuilder) -> Int32 {
        definition.clangDefinitions.resolve(usr, from: package, in: packageGraph)
            // What this pass defines and the index does not (`__start_hooks`, the bounds of a section's members): the
            // package's own, else any package's (a label naming it hid the walk of a hook table: the twenty-fifth sweep's).
            ?? definition.ids[package + "|" + usr]
            ?? definition.idsByUSR[usr]
            ?? graph.id(forKey: usr)
            ?? graph.addNode(key: usr, GraphNode(usr: usr, name: name, kind: kind, language: .c, package: nil, module: nil,
                                                 location: nil, isFileMain: false))
    }
}
