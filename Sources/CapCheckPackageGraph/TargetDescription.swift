import CapCheckSupport
import CapCheckModel
import Foundation

extension Target {
    /// `system library target CZlib (links z)`, `binary target Foo (Foo.artifactbundle)`: how reports name a target
    /// whose code capcheck cannot read (its sink, its unanalysed entry).
    package var nativeDescription: String {
        if kind == .binary {
            return "binary target \(name) (\(URL(fileURLWithPath: path).lastPathComponent))"
        }
        let libraries = ModuleMapFile.read(targetFolder: path)?.linkedLibraries ?? []
        return "system library target \(name)" + (libraries.isEmpty ? "" : " (links \(libraries.joined(separator: ", ")))")
    }
}
