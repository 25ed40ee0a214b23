/// How SwiftPM's link step reads what an object's autolink section or a module map's `link` asks for: each entry goes
/// into a response file that the compiler driver splits on white space, so `-lm -Wl,-init=boot` is two arguments, and
/// only a lone `-l<name>` links a library and runs nothing at build time (the twentieth sweep: `-lm` in front of a flag,
/// and a module map's `link "m --ld-path=<the package's program>"`, hid the flag).
public enum LinkerArguments {
    /// The arguments the link step gets for `entry`.
    public static func split(_ entry: String) -> [String] {
        entry.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }).map(String.init)
    }

    /// Whether `argument` is `-l<name>` with a plain library name (letters, digits, `_`, `.`, `+`, `-`).
    public static func isLibrary(_ argument: String) -> Bool {
        guard argument.hasPrefix("-l"), argument.count > 2 else { return false }
        return argument.dropFirst(2).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.+-".contains($0)) }
    }

    /// The arguments of `entries` that are more than a library to link: what the link step may run or be changed by.
    public static func flags(in entries: [String]) -> [String] {
        entries.flatMap(split).filter { !isLibrary($0) }
    }
}
