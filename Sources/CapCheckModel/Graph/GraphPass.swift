/// One step that completes the call graph the index store gives: the implicit edges Swift's semantics imply, what
/// C-family code adds, the build's own graph, what the Swift source scan found. The pipeline runs its passes in one
/// ordered list (`GraphPasses` in CapCheckCore), each pass a value holding the inputs it needs.
public protocol GraphPass {
    /// Adds the pass's nodes and edges; returns what it found it could not analyse (listed under `unanalyzed`).
    func apply(to graph: GraphBuilder) -> [Unanalyzed]
}
