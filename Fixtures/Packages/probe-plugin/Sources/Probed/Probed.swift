/// The library whose build runs `ProbePlugin`.
public func probedAnswer() -> Int { 42 }
