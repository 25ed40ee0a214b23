/// `#pinnedStringify(x)` is `(x, "x")`, expanded by `PinnedMacros` (built with swift-syntax 600.0.1) at build time.
@freestanding(expression)
public macro pinnedStringify<T>(_ value: T) -> (T, String) = #externalMacro(module: "PinnedMacros", type: "PinnedStringifyMacro")
