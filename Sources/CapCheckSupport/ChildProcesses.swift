import Foundation

/// The child processes capcheck is running (`ProcessRunner`), so that a timeout or an interrupt (`Interrupts`) can
/// stop each one together with everything it started.
///
/// Every child leads a process group of its own (Foundation's `Process` starts each child in a new group on Linux),
/// which a stop signals as a whole. That is not enough: `swift build` runs each `swiftc` and each `swift-frontend`
/// in yet another group, and they outlive a `swift-build` that is killed or whose own cancellation misses them. So
/// a stop also signals every descendant found in `/proc` (`ProcessTree`), and keeps looking for new ones until all
/// have exited.
public enum ChildProcesses {
    /// How long stopped processes get to exit after the first signal before they are killed (SIGKILL).
    public static let grace: TimeInterval = 5

    private struct State {
        package var running = Set<pid_t>()
        /// Set once capcheck is being interrupted: no child starts any more.
        package var stopping = false
    }

    private static let state = Locked(State())

    /// Starts a child with `start`, which returns its pid, and records it. Once capcheck is being interrupted,
    /// nothing starts: the caller waits for the exit instead.
    package static func launch(_ start: () throws -> pid_t) throws -> pid_t {
        let outcome = state.withLock { state -> Result<pid_t, Error>? in
            guard !state.stopping else { return nil }
            let outcome = Result(catching: start)
            if case .success(let pid) = outcome { state.running.insert(pid) }
            return outcome
        }
        guard let outcome else { Interrupts.waitForExit() }
        return try outcome.get()
    }

    /// Forgets a child that has exited. While capcheck is being interrupted the caller waits for the exit instead of
    /// going on (it would report the stopped child's failure, and exit with the wrong status).
    package static func finished(_ pid: pid_t) {
        let stopping = state.withLock { state in
            state.running.remove(pid)
            return state.stopping
        }
        if stopping { Interrupts.waitForExit() }
    }

    /// Stops every child and everything they started (`stop(_:signal:)` with capcheck itself as the root), and
    /// starts no more.
    package static func stopAll(signal: Int32) {
        let running = state.withLock { state in
            state.stopping = true
            return state.running
        }
        stop(running.union([getpid()]), signal: signal)
    }

    /// Stops the processes under `roots`: sends `signal` to each root's process group and to every other live
    /// process at or below a root, again to any that appears while waiting, waits until all have exited or `grace`
    /// has passed, then does the same with SIGKILL. capcheck itself may be a root (its children are then the
    /// processes to stop); it is never signalled.
    package static func stop(_ roots: Set<pid_t>, signal: Int32, grace: TimeInterval = grace) {
        var seen = Set<ProcessTree.Node>()  // kept across phases: a process whose parent died is still found
        for (signal, wait) in [(signal, grace), (SIGKILL, 2)] {
            let groups = roots.subtracting([getpid()])
            // What is in the groups now gets the signal from `killpg`; anything else, or started later, from `kill`.
            var signalled = Self.processes(under: roots, seen: &seen).filter { groups.contains($0.group) }
            for group in groups { killpg(group, signal) }
            let deadline = Date(timeIntervalSinceNow: wait)
            repeat {
                let running = Self.processes(under: roots, seen: &seen)
                if running.isEmpty { return }
                for node in running.subtracting(signalled) { kill(node.pid, signal) }
                signalled.formUnion(running)
                usleep(50_000)
            } while Date() < deadline
        }
    }

    /// The live processes at or below `roots` (capcheck itself left out), and below those `seen` earlier (whose
    /// parent may have died meanwhile); `seen` becomes that set.
    private static func processes(under roots: Set<pid_t>, seen: inout Set<ProcessTree.Node>) -> Set<ProcessTree.Node> {
        let tree = ProcessTree()
        seen = seen.filter(tree.isRunning)
        seen.formUnion(roots.subtracting([getpid()]).compactMap(tree.node))
        seen.formUnion(tree.descendants(of: roots.union(seen.map(\.pid))))
        return seen
    }
}
