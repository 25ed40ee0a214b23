import Glibc

// capcheck rule: a closure placed in `.init_array` runs at load; its body is the global variable's initial value, which
// shares its place with the variable's accessors (found by an evasion sweep: only `unsafe` was reported).
@_used @_section(".init_array.00101")
let capcheckSectionHook: @convention(c) () -> Void = { _ = lchown("/tmp/capcheck-fixture-none", 0, 0) }
