/// Reads flags and options out of a command plugin's arguments, the way PackagePlugin's own `ArgumentExtractor`
/// does (which exists only inside a plugin, so this library cannot use it): `--name value` and `--name=value`
/// options, `--name` flags, each extracted wherever it appears, and everything after the first `--` a literal that
/// is never taken for an option. Two differences, both for forwarding what is left to the `capcheck` tool unchanged:
/// a flag may have a one-letter short form (`-q`), and `remainingArguments` keeps the `--` before the literals
/// (PackagePlugin's drops it, which would let a literal such as `--quiet` become an option of the tool).
public struct ArgumentExtractor: Sendable {
    private var arguments: [String]
    private let literals: [String]?

    public init(_ arguments: [String]) {
        if let terminator = arguments.firstIndex(of: "--") {
            self.arguments = Array(arguments[..<terminator])
            literals = Array(arguments[(terminator + 1)...])
        } else {
            self.arguments = arguments
            literals = nil
        }
    }

    /// Removes every `--name value` and `--name=value` and returns the values in order. A `--name` that ends the
    /// arguments has no value: it is removed and gives none.
    public mutating func extractOption(named name: String) -> [String] {
        var values: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" + name {
                arguments.remove(at: index)
                if index < arguments.count { values.append(arguments.remove(at: index)) }
            } else if argument.hasPrefix("--" + name + "=") {
                values.append(String(argument.dropFirst(name.count + 3)))
                arguments.remove(at: index)
            } else {
                index += 1
            }
        }
        return values
    }

    /// Removes every `--name` (and `-short`, when given) and returns how many there were.
    public mutating func extractFlag(named name: String, short: Character? = nil) -> Int {
        let spellings: Set<String> = short.map { ["--" + name, "-" + String($0)] } ?? ["--" + name]
        let count = arguments.count
        arguments.removeAll { spellings.contains($0) }
        return count - arguments.count
    }

    /// Whether `--name`, `--name=…` (or `-short`) is among the arguments not yet extracted; extracts nothing.
    public func contains(_ name: String, short: Character? = nil) -> Bool {
        arguments.contains { $0 == "--" + name || $0.hasPrefix("--" + name + "=") || short.map { "-" + String($0) } == $0 }
    }

    /// What is not extracted, in order; then `--` and the literals, when there was a `--`.
    public var remainingArguments: [String] { arguments + (literals.map { ["--"] + $0 } ?? []) }
}
