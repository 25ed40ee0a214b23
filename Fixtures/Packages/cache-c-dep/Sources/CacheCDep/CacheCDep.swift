import CCacheDep

public func cEntry() { _ = ccache_entry() }
