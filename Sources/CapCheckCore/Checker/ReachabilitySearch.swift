/// A breadth-first search over (node, grant context) states from a set of entry points. At every edge into
/// a sink it records which packages reach the sink's capability (with the first, hence shortest, path)
/// and, when asked, each violation: a capability reached under a context whose grant lacks it.
final class ReachabilitySearch {
    /// One hop of a found path: the node and how it was reached.
    struct Hop {
        let node: Int32
        let site: SourceLocation?
        let via: EdgeKind?
    }

    struct Finding {
        let package: String
        let capability: Capability
        let sink: String
        let path: [Hop]
    }

    private let graph: CallGraph
    private let sinks: [SinkMatch?]
    private let effects: Set<Capability>
    private let contexts: GrantContexts

    init(graph: CallGraph, sinks: [SinkMatch?], effects: Set<Capability>, contexts: GrantContexts) {
        self.graph = graph
        self.sinks = sinks
        self.effects = effects
        self.contexts = contexts
    }

    /// Runs the search. `roots` pairs each entry node with the context it starts under.
    /// Returns what each package reaches (first path per package × capability) and the violations.
    func run(roots: [(node: Int32, context: Int32)], collectViolations: Bool)
        -> (reached: [String: [Capability: [Hop]]], violations: [Finding], visited: Set<Int32>) {
        var stateNode: [Int32] = [], stateContext: [Int32] = [], statePredecessor: [Int32] = []
        var stateSite: [SourceLocation?] = [], stateVia: [EdgeKind?] = []
        var seen = Set<Int64>()
        var visitedNodes = Set<Int32>()
        var reached: [String: [Capability: [Hop]]] = [:]
        var violations: [Finding] = []
        var violationKeys = Set<String>()

        func push(_ node: Int32, _ context: Int32, _ predecessor: Int32, _ site: SourceLocation?, _ via: EdgeKind?) {
            guard seen.insert(Int64(node) << 32 | Int64(context)).inserted else { return }
            stateNode.append(node); stateContext.append(context); statePredecessor.append(predecessor)
            stateSite.append(site); stateVia.append(via)
            visitedNodes.insert(node)
        }
        func path(to state: Int32, then last: Hop) -> [Hop] {
            var hops = [last]
            var current = state
            while current >= 0 {
                hops.append(Hop(node: stateNode[Int(current)], site: stateSite[Int(current)], via: stateVia[Int(current)]))
                current = statePredecessor[Int(current)]
            }
            return hops.reversed()
        }

        for root in roots { push(root.node, root.context, -1, graph.nodes[Int(root.node)].location, nil) }
        var cursor = 0
        while cursor < stateNode.count {
            let state = Int32(cursor)
            let node = stateNode[cursor], context = stateContext[cursor]
            cursor += 1
            let callerIsSwift = graph.nodes[Int(node)].language == .swift
            for edge in graph.edges[Int(node)] {
                let target = graph.nodes[Int(edge.target)]
                let via: EdgeKind? = edge.kind == .reference ? nil : edge.kind
                if let sink = sinks[Int(edge.target)], !sink.onlyFromSwift || callerIsSwift {
                    let isEffect = effects.contains(sink.capability)
                    let holders = isEffect ? contexts.chain(from: context) : [context]
                    var lazyPath: [Hop]?
                    for holder in holders {
                        let package = contexts[holder].package
                        if reached[package]?[sink.capability] == nil {
                            lazyPath = lazyPath ?? path(to: state, then: Hop(node: edge.target, site: edge.site, via: via))
                            reached[package, default: [:]][sink.capability] = lazyPath
                        }
                    }
                    if collectViolations, !holds(context, sink) {
                        // Effects: blame the outermost package on the path that lacks the capability.
                        let blamed = holders.last { !contexts[$0].grant.contains(sink.capability) } ?? context
                        let package = contexts[blamed].package
                        if violationKeys.insert("\(package)|\(sink.capability)|\(sink.name)").inserted {
                            violations.append(Finding(
                                package: package, capability: sink.capability, sink: sink.name,
                                path: lazyPath ?? path(to: state, then: Hop(node: edge.target, site: edge.site, via: via))))
                        }
                    }
                }
                push(edge.target, contexts.enter(context, node: target), state, edge.site, via)
            }
        }
        return (reached, violations, visitedNodes)
    }

    /// Whether code running under `context` may use `sink`. A sink that needs an explicit grant is held only
    /// through a policy entry listing its capability (the root holds everything).
    private func holds(_ context: Int32, _ sink: SinkMatch) -> Bool {
        let current = contexts[context]
        guard current.grant.contains(sink.capability) else { return false }
        return !sink.needsExplicitGrant || context == contexts.root || current.entry?.allow.contains(sink.capability) == true
    }
}
