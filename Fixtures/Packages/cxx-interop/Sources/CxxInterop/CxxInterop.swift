import CCxxInterop

/// Uses each C++ member without naming it: an operator, `==`, a destructor, a copy, a property setter, a template, an
/// inline operator.
public func combine() -> Int {
    var total = Int((Adder(v: 1) + Adder(v: 2)).v)
    if Same(v: 1) == Same(v: 1) { total += 1 }
    do { let guarded = Guard(v: 3); total += Int(guarded.v) }
    let copy = Copied(4), again = copy
    total += Int(again.v)
    var setting = Setting(v: 0)
    setting.level = 5
    total += Int(doubled(Int32(6)))
    total += Int((Inline(v: 1) + Inline(v: 2)).v)
    return total
}
