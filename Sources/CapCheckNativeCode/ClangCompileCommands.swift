import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

/// How SwiftPM compiled one C-family source: the file and the compiler flags libclang needs to parse it the same
/// way (include paths, defines, language standard, target), without the flags that write anything.
public struct ClangCompileCommand: Sendable, Hashable {
    public let source: String
    public let arguments: [String]
    /// The object file the build writes (`-o`), when known.
    public let output: String?
    /// The flag among the build's own (before `sanitize`) with which an include can read what the unit does not list
    /// as a file: clang modules turn includes into imports (`-fmodules`, `-fcxx-modules`, `-fmodule-file=`, also
    /// through `-Xclang`), and a response file (`@file`) holds flags the command does not show. nil when there is none.
    public let hidingIncludes: String?

    public init(source: String, arguments: [String], output: String? = nil, hidingIncludes: String? = nil) {
        self.source = source
        self.arguments = arguments
        self.output = output
        self.hidingIncludes = hidingIncludes
    }

    /// The same command with `extra` arguments after its own.
    package func adding(_ extra: [String]) -> ClangCompileCommand {
        ClangCompileCommand(source: source, arguments: arguments + extra, output: output, hidingIncludes: hidingIncludes)
    }

    /// Whether a compile flag can make an include read something the unit does not list (see `hidingIncludes`).
    package static func hidesIncludes(_ argument: String) -> Bool {
        argument.hasPrefix("@") || argument.contains("-fmodules") || argument.contains("-fcxx-modules") || argument.contains("-fmodule-file")
            || argument.contains("-fimplicit-module")
    }

    /// Whether this build compiled the source: it has an index unit, or (compiled without one, as an unsafe
    /// `-index-store-path` elsewhere would do) its object file exists. With no unit list, or no known object
    /// file, every source counts.
    package func wasCompiled(units: [String: [(path: String, isSystem: Bool)]]) -> Bool {
        units.isEmpty || units[source] != nil || output.map { FileManager.default.fileExists(atPath: $0) } ?? true
    }
}

/// Compile commands of the package graph's C-family sources: from the build manifest SwiftPM writes
/// (`<scratch>/debug.yaml`, one `tool: clang` command per source), or, when there is none, from the target
/// layout (each target's `include/` folder and those of every other C-family target, SwiftPM's defines).
public enum ClangCompileCommands {
    /// Assembly sources: compiled into the target, but no C to parse.
    package static let assemblyExtensions: Set<String> = ["s", "S"]

    /// The commands of a build manifest (llbuild YAML: each command's `inputs` and `args` are one-line JSON arrays).
    public static func fromBuildManifest(_ text: String) -> [ClangCompileCommand] { fromBuildManifest(BuildManifestText(text)) }

    package static func fromBuildManifest(_ manifest: BuildManifestText) -> [ClangCompileCommand] {
        var commands: [ClangCompileCommand] = []
        // The JSON arrays are decoded only for clang commands (Swift commands carry long argument lists).
        var isClang = false, inputs: Substring = "", arguments: Substring = ""
        func flush() {
            if isClang, let source = jsonStrings(inputs).first {
                let arguments = jsonStrings(arguments)
                let output = arguments.firstIndex(of: "-o").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
                if !arguments.isEmpty {
                    commands.append(ClangCompileCommand(source: source, arguments: sanitize(arguments, source: source), output: output,
                                                        hidingIncludes: arguments.dropFirst().first(where: ClangCompileCommand.hidesIncludes)))
                }
            }
            isClang = false; inputs = ""; arguments = ""
        }
        // Lines are compared as UTF-8 bytes: the manifest of a large graph is megabytes of text.
        let commandStart = Array("  \"".utf8), tool = Array("tool: clang".utf8)
        let inputsKey = Array("inputs: [".utf8), argsKey = Array("args: [".utf8)
        for line in manifest.lines {
            let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if line.starts(with: commandStart) && trimmed.last == UInt8(ascii: ":") { flush(); continue }
            if trimmed.elementsEqual(tool) { isClang = true }
            if trimmed.starts(with: inputsKey) { inputs = Substring(trimmed.dropFirst(inputsKey.count - 1)) }
            if trimmed.starts(with: argsKey) { arguments = Substring(trimmed.dropFirst(argsKey.count - 1)) }
        }
        flush()
        return commands
    }

    /// The compile command of a source from the target layout, when there is no build manifest.
    package static func fromLayout(source: String, graph: PackageGraph, configuration: BuildConfiguration = .debug) -> ClangCompileCommand {
        var arguments = configuration == .debug ? ["-DSWIFT_PACKAGE=1", "-DDEBUG=1", "-fblocks"] : ["-DSWIFT_PACKAGE=1", "-fblocks"]
        for package in graph.packages {
            for target in package.targets where target.kind == .clang {
                let include = URL(fileURLWithPath: target.path).appendingPathComponent("include").path
                if FileManager.default.fileExists(atPath: include) { arguments += ["-I", include] }
            }
        }
        return ClangCompileCommand(source: source, arguments: arguments)
    }

    /// The C-family sources (parsed and assembly) under a target's folder.
    package static func sources(of target: Target) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: target.path) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let ext = (relative as NSString).pathExtension
            if CFamilySources.extensions.contains(ext) || assemblyExtensions.contains(ext) {
                found.append(URL(fileURLWithPath: target.path).appendingPathComponent(relative).standardizedFileURL.path)
            }
        }
        return found.sorted()
    }

    /// The compiler's arguments without the driver, the source, the outputs (`-o`, dependency files, the index
    /// store, serialized diagnostics) and the module flags: libclang parses with plain `#include`s and never
    /// writes into the build folder or reads modules another clang version built.
    package static func sanitize(_ arguments: [String], source: String) -> [String] {
        let dropWithValue: Set<String> = ["-o", "-MT", "-MF", "-MQ", "-index-store-path", "-serialize-diagnostics",
                                          "--serialize-diagnostics", "-fmodules-cache-path", "-module-cache-path"]
        let dropAlone: Set<String> = ["-c", "-MD", "-MMD", "-M", "-MM", "-MP", "-fcolor-diagnostics", "-fdiagnostics-color"]
        var result: [String] = []
        var index = arguments.startIndex == arguments.endIndex ? 0 : 1  // skip the driver
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if dropWithValue.contains(argument) { index += 1; continue }
            if dropAlone.contains(argument) || argument == source { continue }
            if argument.hasPrefix("-fmodule") || argument.hasPrefix("-fimplicit-module") || argument.hasPrefix("-fno-implicit-module")
                || argument.hasPrefix("-index-") || argument.hasPrefix("-fbuild-session") { continue }
            result.append(argument)
        }
        return result
    }

    private static func jsonStrings(_ text: Substring) -> [String] {
        guard !text.isEmpty else { return [] }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]) ?? []
    }
}
