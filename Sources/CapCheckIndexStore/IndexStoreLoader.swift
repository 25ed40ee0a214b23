import CapCheckSupport
import CapCheckModel
import Foundation
import CIndexStore

/// Reads a whole index store the way capcheck needs it: the newest unit per output file,
/// each distinct record once, units and records read in parallel.
public struct IndexStoreLoader: Sendable {
    public let store: IndexStore

    public init(store: IndexStore) { self.store = store }

    /// The units that describe the current build: for each output file only the newest unit survives,
    /// so records of deleted or renamed sources from stale builds are ignored.
    public func currentUnits() throws -> [IndexUnit] {
        var newest: [String: IndexUnit] = [:]
        let names = store.unitNames()
        let read = concurrentMap(names.count) { index in Result { try store.unit(named: names[index]) } }
        for (name, result) in zip(names, read) {
            let unit = try result.get()
            let key = unit.outputFile.isEmpty ? name : unit.outputFile
            if let existing = newest[key], existing.modificationTime >= unit.modificationTime { continue }
            newest[key] = unit
        }
        return newest.values.sorted { $0.name < $1.name }
    }

    /// A record to read: its name, its file, and the module of the first unit that lists it.
    public typealias RecordReference = (name: String, filePath: String, module: String)

    /// Every distinct record `units` list, once, in the order `records(of:)` reads them.
    public static func recordList(of units: [IndexUnit]) -> [RecordReference] {
        var seen = Set<String>()
        var work: [RecordReference] = []
        for unit in units {
            for record in unit.records where seen.insert(record.name).inserted {
                work.append((record.name, record.filePath, unit.moduleName))
            }
        }
        return work
    }

    /// Reads every distinct record listed by `units` exactly once, on all cores.
    public func records(of units: [IndexUnit]) throws -> [IndexRecord] { try records(Self.recordList(of: units)) }

    /// Reads the listed records (see `recordList(of:)`), on all cores, counting each on `progress`.
    public func records(_ work: [RecordReference], progress: ProgressCounter = .silent) throws -> [IndexRecord] {
        defer { progress.finish() }
        // A damaged record can crash libIndexStore itself: that is exit 2 with what to do, not a crash.
        capcheck_guard_record_reading("""
            error: the index store crashed libIndexStore while capcheck read it: a record is damaged. Delete the index \
            store (<scratch>/<triple>/debug/index) and build again (or run without --skip-build after deleting it).

            """)
        defer { capcheck_end_record_reading_guard() }
        // Records repeat each other's USRs and names: one copy of each for the whole graph.
        let strings = StringInterner()
        return try concurrentMap(work.count) { index in
            defer { progress.advance(work[index].filePath) }
            return Result {
                try store.record(named: work[index].name, filePath: work[index].filePath, moduleName: work[index].module, strings: strings)
            }
        }.map { try $0.get() }
    }
}
