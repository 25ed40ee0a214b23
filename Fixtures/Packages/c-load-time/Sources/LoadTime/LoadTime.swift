// capcheck rule: load-time code. The root calls only `ready()`, which touches no C; the C target's
// constructor, destructor, .init_array entry, ifunc resolver, weak and alias definitions run anyway.
import CLoadTime
import Glibc

public func ready() -> Bool { true }

// capcheck rule: a C init array entry naming this function by its mangled symbol (`$s8LoadTime9swiftHookyyF`, in
// swiftentry.c) runs it at load (found by an evasion sweep: the Swift body was never tied to the entry).
public func swiftHook() { _ = utimes("/tmp/capcheck-fixture-none", nil) }
