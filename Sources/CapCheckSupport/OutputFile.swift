import Foundation

/// Writes a report to the file `--output` names. A regular file (or a new one) is replaced atomically; anything else
/// that exists — `/dev/null`, `/dev/stdout`, a FIFO, a terminal — is written to in place: replacing it would put a
/// regular file where the device was (as root, `--output /dev/null` would break every program that uses it).
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard info.st_mode & S_IFMT != S_IFDIR else { throw CapCheckError(.io, "\(path) is a folder; pass the path of a file to write") }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CapCheckError(.io, "cannot open \(path) for writing")
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(text.utf8))
            return
        }
        try TemporaryFiles.shared.write(Data(text.utf8), to: URL(fileURLWithPath: path))
    }
}
