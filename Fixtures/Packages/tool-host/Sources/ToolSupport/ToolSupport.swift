public func toolSupport() -> Int { 2 }
