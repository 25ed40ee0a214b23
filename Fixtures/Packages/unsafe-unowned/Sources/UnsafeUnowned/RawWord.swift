import Builtin

// capcheck rule: `import Builtin` gives every declaration of the file raw loads, stores and calls (`unsafe` and `ffi`),
// through no API the index names (the twenty-eighth sweep read the environment off the stack with `Builtin.load`).
func rawWordSize() -> Int {
    var word = 8
    let address = Builtin.addressof(&word)
    return Int(Builtin.load(address) as Builtin.Int64)
}
