import Foundation

/// A library only the macro depends on: it runs in the compiler's plugin process, never in a program that uses the
/// macro, which does not link it. A file-scope `==` of `[Int8]` hangs below the program start (synthesized code may
/// call it) in a program that does link it; here it must not (the thirtieth sweep's swift-syntax false alarm).
public func == (lhs: [Int8], rhs: [Int8]) -> Bool {
    FileManager.default.isWritableFile(atPath: "/tmp") && lhs.elementsEqual(rhs)
}
