import Foundation

/// The processes `/proc` lists (Linux), with what it takes to find every process a child started: the compilers
/// `swift build` runs are each in a process group of their own, so a child's group alone does not hold them.
package struct ProcessTree {
    /// A process, told apart from a later one that reuses its pid by its start time.
    package struct Node: Hashable {
        package let pid: pid_t
        package let startTime: UInt64
        /// Its process group, as it was when read (not part of its identity: a process may change group).
        package let group: pid_t

        package static func == (lhs: Node, rhs: Node) -> Bool { lhs.pid == rhs.pid && lhs.startTime == rhs.startTime }
        package func hash(into hasher: inout Hasher) { hasher.combine(pid); hasher.combine(startTime) }
    }

    private struct Entry {
        package let node: Node
        package let parent: pid_t
    }

    /// Live processes only: zombies (exited, not yet reaped) are left out.
    private let entries: [pid_t: Entry]

    /// The processes running now.
    package init() {
        var entries: [pid_t: Entry] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(name), let stat = FileManager.default.contents(atPath: "/proc/\(name)/stat"),
                  let entry = Self.entry(pid: pid, stat: String(decoding: stat, as: UTF8.self)) else { continue }
            entries[pid] = entry
        }
        self.entries = entries
    }

    /// Parses `/proc/<pid>/stat`: `pid (comm) state ppid pgrp … starttime …` (`starttime` is the 22nd field),
    /// where `comm` may hold spaces and parentheses. Nil for a zombie or a dead process.
    private static func entry(pid: pid_t, stat: String) -> Entry? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")  // fields[0] is the 3rd field, state
        guard fields.count > 19, fields[0] != "Z", fields[0] != "X", let parent = pid_t(fields[1]),
              let group = pid_t(fields[2]), let start = UInt64(fields[19]) else { return nil }
        return Entry(node: Node(pid: pid, startTime: start, group: group), parent: parent)
    }

    /// The live process with this pid, if any.
    package func node(_ pid: pid_t) -> Node? { entries[pid]?.node }

    /// Whether `node` still runs (the same process, not a later one with its pid).
    package func isRunning(_ node: Node) -> Bool { entries[node.pid]?.node == node }

    /// Every live descendant of the processes with these pids (children, their children…), not the roots themselves.
    package func descendants(of roots: Set<pid_t>) -> Set<Node> {
        var children: [pid_t: [pid_t]] = [:]
        for entry in entries.values { children[entry.parent, default: []].append(entry.node.pid) }
        var result = Set<Node>(), queue = Array(roots)
        while let pid = queue.popLast() {
            for child in children[pid] ?? [] where result.insert(entries[child]!.node).inserted { queue.append(child) }
        }
        return result
    }
}
