/// `#stringify(x)` is `(x, "x")`, expanded by `StringifyMacros` at build time.
@freestanding(expression)
public macro stringify<T>(_ value: T) -> (T, String) = #externalMacro(module: "StringifyMacros", type: "StringifyMacro")
