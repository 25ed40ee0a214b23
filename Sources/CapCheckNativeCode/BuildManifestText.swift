/// SwiftPM's build manifest (`debug.yaml`), split into lines once: it is megabytes on a large graph, and both the
/// compile commands (`ClangCompileCommands`) and the C++ interoperability reading (`CxxInteropModules`) go through
/// every line of it on every run, warm ones included.
package struct BuildManifestText {
    /// Each line's UTF-8 bytes, empty lines included.
    package let lines: [Substring.UTF8View]

    package init(_ text: String) {
        lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }
}
