public func extras() -> Int { 2 }
