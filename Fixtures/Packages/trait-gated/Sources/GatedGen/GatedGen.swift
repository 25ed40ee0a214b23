public func gatedGen() -> Int { 1 }
