import CapCheckModel

/// The C++ standard library's file APIs, told by clang USR (libstdc++'s and libc++'s spellings): a C++ target that
/// opens a file through `std::ofstream` or removes one through `std::filesystem` calls no C function the index
/// names. The streams' opening constructors and `open`, and every `std::filesystem` function but those of `path`
/// (which only handles names), are `fs`.
enum CxxStandardLibrarySinks {
    private static let fileStreams = ["basic_ofstream", "basic_ifstream", "basic_fstream", "basic_filebuf"]

    /// The sink a toolchain C++ symbol is, with a qualified name (`std::basic_ofstream::basic_ofstream`), or nil.
    static func classify(_ node: GraphNode) -> SinkMatch? {
        guard node.language.isClang, node.package == nil, node.kind.isFunction, node.usr.hasPrefix("c:@N@std@") else { return nil }
        let usr = node.usr
        // The graph names a C++ symbol by its USR's last part, signature included (`open#*1C#…`).
        let name = node.name.prefix { $0 != "#" }
        for stream in fileStreams {
            guard let member = usr.range(of: "@" + stream + "@F@")?.upperBound else { continue }
            let rest = usr[member...]
            // `open`, or a constructor given something (a name): the default and move constructors open nothing.
            let opens = rest.hasPrefix("open#") || (rest.hasPrefix(stream + "#") && rest.count > stream.count + 1
                                                    && !rest.hasPrefix(stream + "#&&"))
            return opens ? SinkMatch(capability: .fs, name: "std::\(stream)::\(name)", onlyFromSwift: false) : nil
        }
        // The declaration's part of the USR, without its signature (a parameter may be a `path`).
        let declaration = usr.prefix { $0 != "#" }
        guard declaration.contains("@N@filesystem@"), !declaration.contains("@S@path@"), !declaration.contains("@S@filesystem_error@")
        else { return nil }
        return SinkMatch(capability: .fs, name: "std::filesystem::\(name)", onlyFromSwift: false)
    }
}
