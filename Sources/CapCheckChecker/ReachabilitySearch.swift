import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckPolicy

/// A breadth-first search over (node, grant context) states from a set of entry points. At every edge into
/// a sink it records which packages reach the sink's capability (with the first, hence shortest, path)
/// and, when asked, each violation: a capability reached under a context whose grant lacks it.
package final class ReachabilitySearch {
    /// One hop of a found path: the node and how it was reached.
    package struct Hop: Sendable {
        package let node: Int32
        package let site: SourceLocation?
        package let via: EdgeKind?
    }

    /// What one search found.
    package struct Result: Sendable {
        /// Per package and capability, the first (shortest) path to a sink of it.
        package var reached: [String: [Capability: [Hop]]] = [:]
        /// Per package and capability, every sink reached.
        package var sinks: [String: [Capability: Set<String>]] = [:]
        package var violations: [Finding] = []
        /// Every use of a sink of a capability in `narrowed`, once per (calling node, sink, context).
        package var narrowedUses: [NarrowedUse] = []
        /// Per node, whether the search reached it under some context (filled only when `narrowed` is not empty: the
        /// value analysis follows a parameter only to callers that run).
        package var reachedNodes: [Bool] = []
    }

    package struct Finding: Sendable {
        package let package: String
        package let capability: Capability
        package let sink: String
        package let path: [Hop]
        /// For a narrowed grant: the values it does not cover.
        package var values: [SinkValue]? = nil
        /// Why a grant the policy has for the package did not apply here (a `"from": "test"` grant off a test path).
        package var note: String? = nil
    }

    /// A sink of a narrowed capability used by `caller` under `context`, by the edge at `site`, first reached by `path`.
    package struct NarrowedUse: Sendable {
        package let sink: SinkMatch
        package let capability: Capability
        package let sinkNode: Int32
        package let caller: Int32
        package let site: SourceLocation?
        package let context: Int32
        package let path: [Hop]
    }

    private let graph: CallGraph
    /// Per node, the sink it is, if any.
    package let sinks: [SinkMatch?]
    /// The capabilities that propagate to callers.
    package let effects: Set<Capability>
    /// Per node: whether it is a sink whose (first) capability is an effect (which every holder on the path reaches).
    private let sinkIsEffect: [Bool]
    private let contexts: GrantContexts
    /// Called at every edge into a sink with the sink, the context the edge is taken under, and a function that
    /// builds the path to it: for passes that need more than the first path per package and capability
    /// (`explain`, unused grants, `init`).
    package var onSink: ((_ sink: SinkMatch, _ context: Int32, _ path: () -> [Hop]) -> Void)?
    /// Capabilities some grant narrows by value: their sink uses are recorded for `NarrowedGrantCheck` (every calling
    /// node, not only the first, since each call may pass another value).
    package var narrowed: Set<Capability> = []
    /// Per node: whether it is code of a host-only module (`PackageGraph.programModules`: only a macro or plugin uses it,
    /// so no program links it). Code of the program never reaches it at run time, whatever a rule hangs below a toolchain
    /// type or the program start (the thirtieth sweep: swift-syntax under a macro reached `ffi` and `unsafe` "at run
    /// time" through its conformances of `Int32` and `String`); the build's own paths still do. Empty: none.
    package var hostOnly: [Bool] = []

    package init(graph: CallGraph, sinks: [SinkMatch?], effects: Set<Capability>, contexts: GrantContexts) {
        self.graph = graph
        self.sinks = sinks
        self.effects = effects
        self.contexts = contexts
        sinkIsEffect = sinks.map { $0.map { effects.contains($0.capability) } ?? false }
    }

    /// Runs the search. `roots` pairs each entry node with the context it starts under.
    /// Returns what each package reaches (first path per package × capability) and the violations.
    package func run(roots: [(node: Int32, context: Int32)], collectViolations: Bool) -> Result {
        // The hot loop reads plain arrays hoisted out of the graph; a state stores the edge it came by as
        // (predecessor state, index in the predecessor's adjacency list), so no string is copied per state.
        let edges = graph.edges, owners = graph.owners
        let isSwift = graph.nodes.map { $0.language == .swift }
        // Definitions a package's code names (`enter(_:node:owner:byName:)`): a C function, which the linker resolves by
        // name, and a Swift declaration, which the compiler resolves by name in whatever module the build folder holds,
        // declared dependency or not (the eighteenth sweep's: a package granted nothing imported a module of a package
        // it does not depend on and wrote a file through it under that one's `fs`). Not a package's replacement of a
        // runtime library's function (`operator new`, `malloc`): that one every caller reaches, and its own grant holds
        // it. Nor what a macro's expansion names: that code is the expanding package's own.
        var namedDirectly = graph.nodes.map { $0.isDefined }
        for list in edges { for edge in list where edge.kind == .interposition { namedDirectly[Int(edge.target)] = false } }
        let isMacroExpansion = graph.nodes.map { $0.usr.hasPrefix("macro-expansion|") }
        var stateNode: [Int32] = [], stateContext: [Int32] = [], statePredecessor: [Int32] = [], stateEdge: [Int32] = []
        // Visited states as one bit per node, per context (contexts are small dense numbers; a context's bits are
        // allocated when it is first entered).
        let words = (graph.nodes.count + 63) / 64
        var visited: [[UInt64]] = []
        var result = Result()
        var violationKeys = Set<String>()

        func push(_ node: Int32, _ context: Int32, _ predecessor: Int32, _ edge: Int32) {
            let slot = Int(context), word = Int(node) >> 6, bit = UInt64(1) << UInt64(node & 63)
            if slot >= visited.count { visited += repeatElement([], count: slot - visited.count + 1) }
            if visited[slot].isEmpty { visited[slot] = [UInt64](repeating: 0, count: words) }
            guard visited[slot][word] & bit == 0 else { return }
            visited[slot][word] |= bit
            stateNode.append(node); stateContext.append(context); statePredecessor.append(predecessor); stateEdge.append(edge)
        }
        func hop(_ state: Int32) -> Hop {
            let node = stateNode[Int(state)], predecessor = statePredecessor[Int(state)]
            guard predecessor >= 0 else { return Hop(node: node, site: graph.nodes[Int(node)].location, via: nil) }
            let edge = edges[Int(stateNode[Int(predecessor)])][Int(stateEdge[Int(state)])]
            return Hop(node: node, site: edge.site, via: edge.kind == .reference ? nil : edge.kind)
        }
        func path(to state: Int32, then edge: GraphEdge) -> [Hop] {
            var hops = [Hop(node: edge.target, site: edge.site, via: edge.kind == .reference ? nil : edge.kind)]
            var current = state
            while current >= 0 {
                hops.append(hop(current))
                current = statePredecessor[Int(current)]
            }
            return hops.reversed()
        }

        // Sink handling runs once per (package, sink node, capability) for reach and once per (context, sink node) for
        // violations: the first time is on a shortest path, later ones add nothing.
        var reachedPairs = Set<Int64>()
        var checkedPairs = Set<Int64>()
        var narrowedKeys = Set<String>()
        // Rapid type analysis: a `.witness` edge is taken only once the witness's type is reached (under any
        // context); until then it waits in `parked`, and is released when the type is first reached.
        let witnessTypes = graph.witnessTypes
        var typeReached = [Bool](repeating: false, count: graph.nodes.count)
        var parked: [Int32: [(state: Int32, edge: Int32)]] = [:]
        var released: [(state: Int32, edge: Int32)] = []
        func noteReached(_ node: Int32) {
            guard !typeReached[Int(node)] else { return }
            typeReached[Int(node)] = true
            guard let waiting = parked.removeValue(forKey: node) else { return }
            released.append(contentsOf: waiting)
        }
        let hostOnly = self.hostOnly
        func follow(_ state: Int32, _ index: Int) {
            let node = stateNode[Int(state)], context = stateContext[Int(state)]
            // The edge's target and kind only: copying the whole edge would retain its site's file name.
            let target = edges[Int(node)][index].target
            if !hostOnly.isEmpty, hostOnly[Int(target)], !hostOnly[Int(node)], contexts[context].start != .build { return }
            if edges[Int(node)][index].kind == .witness, let type = witnessTypes[target], !typeReached[Int(type)] {
                parked[type, default: []].append((state, Int32(index)))
                return
            }
            if sinks[Int(target)] != nil {
                handleSink(edges[Int(node)][index], from: state, context: context, callerIsSwift: isSwift[Int(node)])
            }
            let owner = owners[Int(target)]
            let byName = namedDirectly[Int(target)] && owners[Int(node)] >= 0 && edges[Int(node)][index].kind == .reference
                && !isMacroExpansion[Int(node)]
            push(target, owner < 0 ? context : contexts.enter(context, node: target, owner: owner, byName: byName), state, Int32(index))
        }

        for root in roots { push(root.node, root.context, -1, -1) }
        var cursor = 0
        while cursor < stateNode.count || !released.isEmpty {
            if let waiting = released.popLast() {
                follow(waiting.state, Int(waiting.edge))
                continue
            }
            let state = Int32(cursor)
            cursor += 1
            noteReached(stateNode[Int(state)])
            for index in edges[Int(stateNode[Int(state)])].indices { follow(state, index) }
        }
        if !narrowed.isEmpty {
            result.reachedNodes = [Bool](repeating: false, count: graph.nodes.count)
            for node in stateNode { result.reachedNodes[Int(node)] = true }
        }
        return result

        func handleSink(_ edge: GraphEdge, from state: Int32, context: Int32, callerIsSwift: Bool) {
            guard let match = sinks[Int(edge.target)], !match.onlyFromSwift || callerIsSwift else { return }
            var lazyPath: [Hop]?
            // The same sink under the same context says nothing new after its first (shortest) encounter.
            let firstUnderContext = checkedPairs.insert(Int64(context) << 32 | Int64(edge.target)).inserted
            // A sink that needs several capabilities is handled once for each.
            let each = match.alsoNeeds.isEmpty
                ? [(match, sinkIsEffect[Int(edge.target)])]
                : match.capabilities.map { (match.narrowed(to: $0), effects.contains($0)) }
            for (capabilityIndex, (sink, isEffect)) in each.enumerated() {
                if narrowed.contains(sink.capability),
                   narrowedKeys.insert("\(stateNode[Int(state)])|\(edge.target)|\(context)|\(capabilityIndex)").inserted {
                    lazyPath = lazyPath ?? path(to: state, then: edge)
                    result.narrowedUses.append(NarrowedUse(sink: sink, capability: sink.capability, sinkNode: edge.target,
                                                           caller: stateNode[Int(state)], site: edge.site, context: context, path: lazyPath!))
                }
                let holders = isEffect ? contexts.chain(from: context) : [context]
                if firstUnderContext, let onSink {
                    onSink(sink, context) {
                        lazyPath = lazyPath ?? path(to: state, then: edge)
                        return lazyPath!
                    }
                }
                for holder in holders {
                    let packageID = contexts[holder].packageID
                    let key = Int64(packageID) << 35 | Int64(capabilityIndex) << 32 | Int64(edge.target)
                    guard reachedPairs.insert(key).inserted else { continue }
                    let package = contexts[holder].package
                    result.sinks[package, default: [:]][sink.capability, default: []].insert(sink.name)
                    if result.reached[package]?[sink.capability] == nil {
                        lazyPath = lazyPath ?? path(to: state, then: edge)
                        result.reached[package, default: [:]][sink.capability] = lazyPath
                    }
                }
                guard collectViolations, firstUnderContext, !holds(context, sink) else { continue }
                // Effects: blame the outermost package on the path that lacks the capability.
                let blamed = holders.last { !contexts[$0].grant.contains(sink.capability) } ?? context
                let package = contexts[blamed].package
                if violationKeys.insert("\(package)|\(sink.capability)|\(sink.name)").inserted {
                    let withheld = contexts[blamed].withheld
                    result.violations.append(Finding(package: package, capability: sink.capability, sink: sink.name,
                                                     path: lazyPath ?? path(to: state, then: edge),
                                                     note: withheld.map(Self.scopedGrantNote)))
                }
            }
        }
    }

    /// The note of a violation a scoped grant (`"from"`) would have covered on a path that started where it says.
    private static func scopedGrantNote(_ grant: Policy.Grant) -> String {
        switch grant.from {
        case .build?:
            return "its grant (\(grant.key), line \(grant.position.line)) applies only on paths that start in the build (\"from\": \"build\"), "
                + "and this path starts in the program's code"
        default:
            return "its grant (\(grant.key), line \(grant.position.line)) applies only on paths that start in a test target (\"from\": \"test\"), "
                + "and this path starts in production code"
        }
    }

    /// Whether code running under `context` may use `sink`. A sink that needs an explicit grant is held only
    /// through a policy entry listing its capability (the root holds everything).
    private func holds(_ context: Int32, _ sink: SinkMatch) -> Bool {
        let current = contexts[context]
        guard current.grant.contains(sink.capability) else { return false }
        return !sink.needsExplicitGrant || contexts.isRoot(context) || current.entry?.allow.contains(sink.capability) == true
    }
}
