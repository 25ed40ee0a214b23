public func hiddenFlags() -> Int { 1 }
