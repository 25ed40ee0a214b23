import Foundation

/// The file extensions of the C-family sources a compiler indexes and libclang parses: not headers, not assembly.
package enum CFamilySources {
    package static let extensions: Set<String> = ["c", "cc", "cpp", "cxx", "c++", "m", "mm"]

    /// Whether `file` is no such source (`.h`, `.hpp`, `.inc`, none): code a source includes, compiled into the object of
    /// whatever includes it.
    package static func isIncluded(_ file: String) -> Bool {
        !extensions.contains((file as NSString).pathExtension)
    }
}
