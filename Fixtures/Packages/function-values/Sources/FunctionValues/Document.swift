// capcheck: key paths and unapplied methods used as functions. `paths.map(Loader.load)` calls `Loader.load(_:)` and
// `documents.map(\.contents)` runs the getter of `contents`; neither is a call expression of the member.
import Foundation

public struct Document {
    public let path: String

    public var contents: String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}

public enum Loader {
    public static func load(_ path: String) -> Document {
        _ = ProcessInfo.processInfo.environment["LOADER_ROOT"]
        return Document(path: path)
    }
}
