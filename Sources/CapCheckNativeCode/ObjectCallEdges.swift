import CapCheckSupport
import CapCheckModel
import CapCheckGraph
import Foundation

/// What a C-family source's object file does that its C code does not show. File-scope `asm` can make a call no C
/// expression names: `.symver tidy, mkdir@GLIBC_2.2.5` or `.weakref tidy, mkdir` turn the C code's `tidy()` into
/// `mkdir`, and a `.quad mkdir` table holds its address for C to call through. So one node stands for the source's
/// file-scope `asm` (inline `asm`: `unsafe` and `ffi`) and for the object's calls of C library functions with a
/// capability that no C code of the source names (its undefined symbols, less what its definitions name directly,
/// through a header's code or through an asm label or alias). Every function the source defines reaches it (program
/// start, when it defines none), kind `called by the object file, named by no C code (asm, symbol versioning)`.
/// Found by an evasion sweep (sweep 10: `mkdir`, `symlink` and `execv` ran with only `ffi` granted, no `unsafe`). The
/// node also reaches what the file-scope `asm` text names and the package functions the object calls that no C code
/// names (the eighteenth sweep's: `.init_array` held an asm label that jumped into C code no C code called).
enum ObjectCallEdges {
    /// The USR prefix of the definition that holds a source's object calls (`NativeSourceScanner.calledByObject`).
    static let usrPrefix = "capcheck-object-calls|"

    /// The node's name: `file-scope asm and object calls of evil.c`.
    static func name(of source: String) -> String { "file-scope asm and object calls of \((source as NSString).lastPathComponent)" }
}

extension NativeGraphMerger {
    /// `nodesOfSource`: the C-family nodes of packages located in the source.
    func addObjectCallEdges(of owned: OwnedNativeDefinition, key: String, nodesOfSource: [Int32], clangDefinitions: ClangDefinitions,
                            to graph: GraphBuilder) {
        // The source's definitions (functions, and variables whose initializers name functions), and what they name:
        // directly, through a header's code or a declaration, or through an asm label or alias (`capcheck_quiet_fifo`
        // is `mkfifo`).
        let definitions = nodesOfSource.filter { graph.nodes[Int($0)].package == owned.package }
        var named = Set<String>(), seen = Set(definitions), queue = definitions
        while let next = queue.popLast() {
            for edge in graph.edges[Int(next)] {
                let target = graph.nodes[Int(edge.target)]
                named.insert(target.name)
                let file = target.location?.file
                let follows = edge.kind == .asmLabel || edge.kind == .symbolAlias
                    || (target.language.isClang && (file == nil || file.map(CFamilySources.isIncluded) == true))
                if follows, seen.insert(edge.target).inserted { queue.append(edge.target) }
            }
        }
        // What the file-scope `asm` text names (`isCall` false), whatever C code names too: the asm may run it where no
        // C code would (an init-array entry jumping into a function only unreached code calls). Then the object's calls
        // no C code names: of the C library's effects, and of any package's function (asm calling across objects).
        let hidden = owned.definition.references.filter { reference in
            !reference.isCall || (!named.contains(reference.name) && (isCLibraryEffect(reference.name)
                || definedNode(reference, from: owned.package, clangDefinitions, graph) != nil))
        }
        let functions = definitions.filter { graph.nodes[Int($0)].kind.isFunction }
        // A source of asm alone (functions written in `asm`, each already inline asm of its own) with no hidden call
        // has nothing to add; one whose object calls what no C code names runs it from program start (a data table).
        guard !hidden.isEmpty || (!owned.definition.inlineAsm.isEmpty && !functions.isEmpty) else { return }
        let node = graph.addNode(key: key, GraphNode(
            usr: owned.definition.usr, name: owned.definition.name, kind: .function, language: owned.definition.language,
            package: owned.package, module: owned.module, location: owned.definition.location, isFileMain: false))
        for caller in functions.isEmpty ? [graph.programStart(of: packageGraph.root)] : functions {
            graph.addEdge(from: caller, to: node, kind: .objectCall, site: owned.definition.location)
        }
        for reference in hidden {
            guard let target = resolve(reference, from: owned.package, clangDefinitions, graph) else { continue }
            graph.addEdge(from: node, to: target, kind: .reference, site: reference.site)
        }
        var asmOnly = owned
        asmOnly.definition.references = []
        addInlineAsmEdges(of: DefinitionInMerge(node: node, owned: asmOnly, ids: [:], clangDefinitions: clangDefinitions), to: graph)
    }
}
