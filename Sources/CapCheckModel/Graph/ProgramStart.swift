import CapCheckSupport
import Foundation

extension GraphNode {
    /// The USR prefix of the build's nodes (`swift build`, the targets it builds, the plugins and macros it runs:
    /// `CapCheckBuildTime/BuildTimeGraph.swift`). Paths from them are build-time paths, where `"from": "build"` grants apply.
    public static let buildTimePrefix = "build|"

    /// Whether the node is one of the build's (see `buildTimePrefix`).
    public var isBuildTime: Bool { usr.hasPrefix(Self.buildTimePrefix) }
}

extension GraphBuilder {
    /// The node from which load-time code runs (C constructors, `@_section` entries, `@_cdecl` exports): a node of the
    /// root package, located at its `Package.swift`, so the search from the root's code reaches what hangs below it.
    package func programStart(of root: Package) -> Int32 {
        addNode(key: "native-program-start", GraphNode(
            usr: "native-program-start", name: "program start (load-time code of linked targets)", kind: .function, language: .c,
            package: root.identity, module: nil,
            location: SourceLocation(file: URL(fileURLWithPath: root.path).appendingPathComponent("Package.swift").path, line: 1, column: 1),
            isFileMain: false))
    }
}
