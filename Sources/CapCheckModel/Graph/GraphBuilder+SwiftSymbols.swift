import CapCheckSupport
import Foundation

extension GraphBuilder {
    /// The package's Swift declaration a symbol of an object file belongs to, by its mangled name (`$s5Evil4hookyyF`,
    /// or its USR `s:5Evil4hookyyF`): the node of that USR; for an accessor of a variable or subscript (`…Sivg`, the
    /// addressor `…Sivau` that runs a global's initializer, a static's `…SivgZ`) the storage's node (`…Sivp`); else the
    /// node of the longest USR the name begins with (a closure's code is mangled after its enclosing declaration:
    /// `…5entryyyXCvpfiyycfU_To` is in `…5entryyyXCvp`); nil for a name that is not Swift-mangled or names no package
    /// declaration.
    package func packageDeclaration(ofSwiftSymbol symbol: String) -> Int32? {
        guard let usr = symbol.hasPrefix("s:") ? symbol : Self.swiftUSR(ofMangled: symbol) else { return nil }
        for exact in [usr, Self.storageUSR(ofAccessor: usr), Self.declarationUSR(ofEntryPoint: usr)].compactMap({ $0 }) {
            if let id = id(forKey: exact), nodes[Int(id)].package != nil { return id }
        }
        var candidate = Substring(usr)
        while candidate.count > 3 {
            if let id = id(forKey: String(candidate)), nodes[Int(id)].package != nil { return id }
            candidate = candidate.dropLast()
        }
        return nil
    }

    /// Every package declaration a symbol's code may run: `packageDeclaration(ofSwiftSymbol:)`, and for a protocol
    /// witness thunk (`…TW`: C can call one by name, the twenty-sixth sweep's), whose declaration that search finds as
    /// the conforming type, also each declaration in that type (its USR begins with the type's), among them the
    /// witness the thunk calls.
    package func packageDeclarations(ofSwiftSymbol symbol: String) -> [Int32] {
        guard let found = packageDeclaration(ofSwiftSymbol: symbol) else { return [] }
        guard symbol.hasSuffix("TW") else { return [found] }
        let prefix = nodes[Int(found)].usr
        return [found] + nodes.indices.filter { index in
            index != Int(found) && nodes[index].package != nil && nodes[index].usr.hasPrefix(prefix)
        }.map { Int32($0) }
    }

    /// The USR of the variable or subscript an accessor's USR belongs to (`…Sivg` → `…Sivp`, `…SivauZ` → `…SivpZ`),
    /// nil for any other USR. The accessor codes are Swift's mangling's (`g` get, `s` set, `M` modify, `r` read, `w`
    /// willSet, `W` didSet, `a`/`l` + kind the addressors, …).
    package static func storageUSR(ofAccessor usr: String) -> String? {
        let range = NSRange(usr.startIndex..., in: usr)
        guard accessorSuffix.firstMatch(in: usr, range: range) != nil else { return nil }
        return accessorSuffix.stringByReplacingMatches(in: usr, range: range, withTemplate: "$1p$2")
    }

    /// The USR of the declaration a symbol is another entry point of (nil for any other USR): an allocating
    /// initializer (`…fC`, what C links to for `Gate()`) is its initializer (`…fc`), a deallocating deinit (`…fD`) its
    /// deinit (`…fd`), and a dispatch thunk (`…Tj`), method descriptor (`…Tq`) or `@objc` thunk (`…To`) the method (the
    /// twenty-seventh sweep called four initializers from C by their symbols).
    package static func declarationUSR(ofEntryPoint usr: String) -> String? {
        for (suffix, replacement) in [("fC", "fc"), ("fD", "fd"), ("Tj", ""), ("Tq", ""), ("To", "")] where usr.hasSuffix(suffix) {
            return String(usr.dropLast(suffix.count)) + replacement
        }
        return nil
    }

    private static let accessorSuffix = try! NSRegularExpression(pattern: "([vi])(?:[al][uOop]|[msgGwWrMixy])(Z?)$")

    /// The USR of a mangled Swift symbol (`$sSS…` or `_$sSS…` → `s:SS…`); nil for any other name.
    package static func swiftUSR(ofMangled name: String) -> String? {
        for prefix in ["$s", "_$s"] where name.hasPrefix(prefix) && name.count > prefix.count { return "s:" + name.dropFirst(prefix.count) }
        return nil
    }
}
