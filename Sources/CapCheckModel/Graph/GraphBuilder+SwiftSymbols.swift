import CapCheckSupport

extension GraphBuilder {
    /// The package's Swift declaration a symbol of an object file belongs to, by its mangled name (`$s5Evil4hookyyF`,
    /// or its USR `s:5Evil4hookyyF`): the node of that USR, else of the longest USR the name begins with (a closure's
    /// code is mangled after its enclosing declaration: `…5entryyyXCvpfiyycfU_To` is in `…5entryyyXCvp`); nil for a
    /// name that is not Swift-mangled or names no package declaration.
    package func packageDeclaration(ofSwiftSymbol symbol: String) -> Int32? {
        var candidate: Substring
        if symbol.hasPrefix("s:") { candidate = Substring(symbol) }
        else if symbol.hasPrefix("$s") { candidate = "s:" + symbol.dropFirst(2) }
        else if symbol.hasPrefix("_$s") { candidate = "s:" + symbol.dropFirst(3) }
        else { return nil }
        while candidate.count > 3 {
            if let id = id(forKey: String(candidate)), nodes[Int(id)].package != nil { return id }
            candidate = candidate.dropLast()
        }
        return nil
    }
}
