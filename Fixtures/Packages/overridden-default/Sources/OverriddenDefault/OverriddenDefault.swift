import Foundation

public protocol Exporter {
    func export() -> Bool
}

extension Exporter {
    /// Taken only by `UnusedExporter`, which nothing creates.
    public func export() -> Bool {
        (try? FileManager.default.removeItem(atPath: "/tmp/capcheck-overridden-default")) != nil
    }
}

/// Implements the requirement itself: the default is not its witness.
public struct MemoryExporter: Exporter {
    public init() {}
    public func export() -> Bool { true }
}

/// Takes the default, but no code creates one.
public struct UnusedExporter: Exporter {}

public func exportAll(_ exporters: [any Exporter]) -> Bool { exporters.allSatisfy { $0.export() } }

public protocol Archiver {
    func archive() -> Bool
}

extension Archiver {
    /// Taken by `LateArchiver`, whose conformance is declared in an extension.
    public func archive() -> Bool {
        FileManager.default.createFile(atPath: "/tmp/capcheck-archive", contents: nil)
    }
}

public struct LateArchiver {
    public init() {}
}

extension LateArchiver: Archiver {}

public func archiveAll(_ archivers: [any Archiver]) -> Bool { archivers.allSatisfy { $0.archive() } }

public protocol Tagger {
    func tag() -> String
}

extension Tagger {
    public func tag() -> String { "untagged" }
}

extension Tagger where Self: Equatable {
    /// The more specialised default, taken by an `Equatable` conformer.
    public func tag() -> String { ProcessInfo.processInfo.environment["CAPCHECK_TAG"] ?? "" }
}

public struct Tagged: Tagger, Equatable {
    public init() {}
}

public func tags(_ taggers: [any Tagger]) -> [String] { taggers.map { $0.tag() } }
