import CapCheckSupport

extension GraphBuilder {
    /// The package's Swift declaration a symbol of an object file belongs to, by its mangled name (`$s5Evil4hookyyF`,
    /// or its USR `s:5Evil4hookyyF`): the node of that USR, else of the longest USR the name begins with (a closure's
    /// code is mangled after its enclosing declaration: `…5entryyyXCvpfiyycfU_To` is in `…5entryyyXCvp`); nil for a
    /// name that is not Swift-mangled or names no package declaration.
    package func packageDeclaration(ofSwiftSymbol symbol: String) -> Int32? {
        guard let usr = symbol.hasPrefix("s:") ? symbol : Self.swiftUSR(ofMangled: symbol) else { return nil }
        var candidate = Substring(usr)
        while candidate.count > 3 {
            if let id = id(forKey: String(candidate)), nodes[Int(id)].package != nil { return id }
            candidate = candidate.dropLast()
        }
        return nil
    }

    /// The USR of a mangled Swift symbol (`$sSS…` or `_$sSS…` → `s:SS…`); nil for any other name.
    package static func swiftUSR(ofMangled name: String) -> String? {
        for prefix in ["$s", "_$s"] where name.hasPrefix(prefix) && name.count > prefix.count { return "s:" + name.dropFirst(prefix.count) }
        return nil
    }
}
