public func usedLib() -> Int { 1 }
