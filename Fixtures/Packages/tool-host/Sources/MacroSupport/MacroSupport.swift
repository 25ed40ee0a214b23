public func macroSupport() -> Int { 3 }
