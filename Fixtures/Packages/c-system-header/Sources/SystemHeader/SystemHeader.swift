import CSystemHeader

/// Calls the header's inline function: the file it opens is this package's `fs`.
public func openThroughSystemHeader(_ path: String) -> Int32 { capcheck_system_header_open(path) }
