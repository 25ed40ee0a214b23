import CapCheckModel

/// The C++ standard library's file APIs, told by clang USR (libstdc++'s and libc++'s spellings): a C++ target that
/// opens a file through `std::ofstream` or removes one through `std::filesystem` calls no C function the index
/// names. The file streams' constructors that take a name and every `open` (member templates taking a
/// `std::filesystem::path` included, and libstdc++'s `__basic_file` beneath `filebuf`), every `std::filesystem`
/// function but those of `path` (which only handles names), and a `std::locale` or a facet made from a name (which reads
/// the locale's files, and `LOCPATH`, `LANG` and `LC_*` from the environment) are sinks.
enum CxxStandardLibrarySinks {
    /// Stream classes whose `open` opens a file, and whether a constructor given arguments does too.
    private static let fileStreams: [(name: String, constructorOpens: Bool)] = [
        ("basic_ofstream", true), ("basic_ifstream", true), ("basic_fstream", true), ("basic_filebuf", false), ("__basic_file", false),
    ]

    /// Classes whose constructor given a locale's name loads that locale (`newlocale`): `std::locale` and the facets
    /// made by name (`std::moneypunct_byname<char>("")` reads `LANG` and `LC_*`, then the locale's files).
    private static let namedLocales = ["locale", "ctype_byname", "codecvt_byname", "numpunct_byname", "collate_byname",
                                       "time_get_byname", "time_put_byname", "moneypunct_byname", "messages_byname"]

    /// The sink a toolchain C++ symbol is, with a qualified name (`std::basic_ofstream::basic_ofstream`), or nil.
    static func classify(_ node: GraphNode) -> SinkMatch? {
        // libclang and the index give some C++ functions the language C: the `std` namespace is what tells.
        guard node.language.isClang, node.package == nil, node.kind.isFunction, node.usr.hasPrefix("c:@N@std@") else { return nil }
        let usr = node.usr
        for (stream, constructorOpens) in fileStreams {
            guard let member = member(of: stream, in: usr) else { continue }
            let opens = member.hasPrefix("open#") || (constructorOpens && takesArguments(member, named: stream))
            return opens ? SinkMatch(capability: .fs, name: "std::\(stream)::\(member.prefix { $0 != "#" })", onlyFromSwift: false) : nil
        }
        for named in namedLocales {
            if let member = member(of: named, in: usr), takesArguments(member, named: named),
               member.contains("*1C") || member.contains("basic_string") {
                var sink = SinkMatch(capability: .fs, name: "std::\(named)::\(named)", onlyFromSwift: false)
                sink.alsoNeeds = [.env]
                return sink
            }
        }
        // The declaration's part of the USR, without its signature (a parameter may be a `path`).
        let declaration = usr.prefix { $0 != "#" }
        guard declaration.contains("@N@filesystem@"), !declaration.contains("@S@path@"), !declaration.contains("@S@filesystem_error@")
        else { return nil }
        return SinkMatch(capability: .fs, name: "std::filesystem::\(node.name.prefix { $0 != "#" })", onlyFromSwift: false)
    }

    /// What follows a member marker of class `name` in a USR (`open#*1C#…`, or a member template's
    /// `>1#Topen#&1t1.0#…`), through a specialization's arguments (`__basic_file>#C@F@open#…`); nil for another class.
    private static func member(of name: String, in usr: String) -> Substring? {
        guard let found = usr.range(of: "@" + name) else { return nil }
        var rest = usr[found.upperBound...]
        if rest.hasPrefix(">") {
            guard let marker = rest.range(of: "@F") else { return nil }
            rest = rest[marker.lowerBound...]
        }
        if rest.hasPrefix("@F@") { return rest.dropFirst(3) }
        guard rest.hasPrefix("@FT@") else { return nil }
        // A member template: its parameters (`>2#T#T`), then the name.
        let afterParameters = rest.dropFirst(4)
        for candidate in ["open#", name + "#"] {
            if let at = afterParameters.range(of: candidate) { return afterParameters[at.lowerBound...] }
        }
        return nil
    }

    /// Whether `member` is a constructor of `name` with arguments, other than a move (`name#&&…`) or a copy
    /// (`name#&1$@N@std@S@name#`).
    private static func takesArguments(_ member: Substring, named name: String) -> Bool {
        guard member.hasPrefix(name + "#") else { return false }
        let signature = member.dropFirst(name.count + 1)
        return !signature.isEmpty && !signature.hasPrefix("&&") && signature != "&1$@N@std@S@\(name)#"
    }
}
