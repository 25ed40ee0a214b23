import CapCheckSupport
import CapCheckModel
import Foundation

/// The scratch folder (`--scratch-path`, SwiftPM's build folder, where capcheck keeps its caches too), checked
/// before anything is written to it, so that a wrong path fails at once with what to do instead of as a failed
/// SwiftPM command.
package enum ScratchFolder {
    /// Creates the folder when it is missing, and checks that it is a folder capcheck can write to.
    /// - Throws: `CapCheckError(.usage, …)` when it is a file, cannot be created, or is not writable.
    package static func prepare(_ url: URL) throws {
        let path = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw CapCheckError(.usage, """
                    the scratch path \(path) is a file, not a folder; pass --scratch-path with a folder (it is created \
                    when missing), or move the file away
                    """)
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw CapCheckError(.usage, """
                    cannot create the scratch folder \(path): \(obstacle(to: url)); pass --scratch-path with a folder you \
                    can write to
                    """)
            }
        }
        // A file created and deleted at once: the only test that holds for root, ACLs and read-only mounts alike.
        let probe = url.appendingPathComponent(".capcheck-write-check-\(getpid())").path
        TemporaryFiles.shared.register(probe)
        defer { TemporaryFiles.shared.unregister(probe) }
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CapCheckError(.usage, """
                the scratch folder \(path) is not writable (\(reason)); make it writable, or pass --scratch-path with a \
                folder you can write to
                """)
        }
        close(descriptor)
        unlink(probe)
    }

    /// Why a missing folder cannot be created: its nearest existing ancestor is a file, or not writable.
    private static func obstacle(to url: URL) -> String {
        var ancestor = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        return isDirectory.boolValue ? "\(ancestor.path) is not writable" : "\(ancestor.path) is a file, not a folder"
    }
}
