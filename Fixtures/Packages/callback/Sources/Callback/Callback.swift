// capcheck rule: callback attribution (the closure's fs belongs to the caller, not this package).
public func withRetry(_ body: () -> Void) { body() }
