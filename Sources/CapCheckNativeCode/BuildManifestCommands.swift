import CapCheckSupport
import CapCheckModel
import Foundation

/// What the libclang pass reads from SwiftPM's build manifest (`<scratch>/<configuration>.yaml`, 4 MB on vapor's graph,
/// 0.1 s to read and parse): its clang commands (`ClangCompileCommands.fromBuildManifest`) and the Swift modules compiled
/// with C++ interoperability (`CxxInteropModules`). Kept under `<scratch>/capcheck/build-manifest[-<configuration>]` by
/// the manifest's path and stamp (`FileStamp.of`: every write of the file changes it), so that a run after a build that
/// planned nothing new parses neither.
package struct BuildManifestCommands: Sendable, Equatable {
    package var commands: [ClangCompileCommand]
    package var cxxInteropModules: Set<String>

    package init(commands: [ClangCompileCommand], cxxInteropModules: Set<String>) {
        self.commands = commands
        self.cxxInteropModules = cxxInteropModules
    }

    /// Bump when what is read from a manifest changes.
    private static let format = "build-manifest-1"

    /// The manifest's commands, from the cache when the manifest is unchanged since it was written, else read (and kept);
    /// nil when there is no manifest.
    package static func read(scratch: URL, configuration: BuildConfiguration) -> BuildManifestCommands? {
        let path = scratch.appendingPathComponent("\(configuration.rawValue).yaml").path
        guard let stamp = FileStamp.of(path) else { return nil }
        let file = CacheFile(url: ScratchLayout(scratch: scratch).buildManifest(configuration: configuration.rawValue), format: format)
        let key = path + "|" + stamp
        if let data = file.read(key: key) {
            var reader = CompactReader(data)
            if let kept = try? decode(&reader), reader.isAtEnd { return kept }
            file.discardUndecodable()
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let manifest = BuildManifestText(text)
        let read = BuildManifestCommands(commands: ClangCompileCommands.fromBuildManifest(manifest),
                                         cxxInteropModules: CxxInteropModules.inBuildManifest(manifest))
        // Kept only when the manifest did not change while it was read.
        if FileStamp.of(path) == stamp {
            var writer = CompactWriter()
            read.encode(&writer)
            file.write(writer, key: key)
        }
        return read
    }

    private func encode(_ writer: inout CompactWriter) {
        writer.array(commands) { writer, command in
            writer.string(command.source)
            writer.array(command.arguments) { $0.string($1) }
            writer.string(command.output ?? "")
            writer.string(command.hidingIncludes ?? "")
        }
        writer.array(cxxInteropModules.sorted()) { $0.string($1) }
    }

    private static func decode(_ reader: inout CompactReader) throws -> BuildManifestCommands {
        let commands = try reader.array { reader in
            let source = try reader.string(), arguments = try reader.array { try $0.string() }
            let output = try reader.string(), hiding = try reader.string()
            return ClangCompileCommand(source: source, arguments: arguments, output: output.isEmpty ? nil : output,
                                       hidingIncludes: hiding.isEmpty ? nil : hiding)
        }
        return BuildManifestCommands(commands: commands, cxxInteropModules: Set(try reader.array { try $0.string() }))
    }
}
