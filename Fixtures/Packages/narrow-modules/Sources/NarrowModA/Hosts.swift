import NarrowModB

/// Granted `fs:/etc/hosts` only, it reads another file through its sibling module: the fourteenth sweep's `pkg/A`.
public func hostsSize() -> Int { readText("/etc/hosts") + readText("/tmp/capcheck-modules-secret") }
