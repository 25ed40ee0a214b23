import Pinned

let (value, text) = #pinnedStringify(1 + 2)
print("\(text) = \(value)")
