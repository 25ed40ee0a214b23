/// `#bindings()` declares `wipe()`, bound to `clearenv` in the expansion only.
@freestanding(declaration, names: named(wipe))
public macro bindings() = #externalMacro(module: "RawMacros", type: "BindingsMacro")

#bindings()

/// Empties the environment through the binding the macro wrote.
public func scrub() -> Bool { wipe() == 0 }
