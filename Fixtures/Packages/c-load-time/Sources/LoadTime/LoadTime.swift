// capcheck rule: load-time code. The root calls only `ready()`, which touches no C; the C target's
// constructor, destructor, .init_array entry, ifunc resolver, weak and alias definitions run anyway.
import CLoadTime

public func ready() -> Bool { true }
