import Glibc

// capcheck rule: the official spellings (`@section`, `@used`, `@c`) are the same attributes as `@_section`, `@_used`,
// `@_cdecl`, and so is any whitespace, comment or backtick between `@` and the name (found by an evasion sweep: only
// the underscored spellings were read, and a file naming none of them was not even parsed).
@section(".init_array") @used
let capcheckOfficialHook: @convention(c) () -> Void = { _ = lutimes("/tmp/capcheck-fixture-none", nil) }

@/* spelt apart */ `c`(capcheck_c_hook)
public func cHook() { _ = truncate("/tmp/capcheck-fixture-none", 0) }
