public func hostLib() -> Int { 1 }
