public func gatedLib() -> Int { 2 }
