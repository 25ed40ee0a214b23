// capcheck rule: the C target defines rand(), which replaces the C library's for every caller.
import CInterpose

public func interposeVersion() -> Int { Int(capcheck_interpose_version()) }
