import CapCheckSupport
import CapCheckModel
import Foundation

/// An open index store (`<scratch>/<triple>/debug/index/store`) read through the toolchain's libIndexStore.
public final class IndexStore: @unchecked Sendable {  // an immutable handle; libIndexStore reads units and records from any thread
    public let path: String
    private let api: IndexStoreAPI
    private let handle: IndexStoreHandle

    /// Opens the store at `path` with libIndexStore loaded from `libraryPath`.
    public init(path: String, libraryPath: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CapCheckError(.indexStore, "no index store at \(path); build the package first (drop --skip-build) or pass the right --scratch-path")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CapCheckError(.indexStore, "the index store at \(path) is not readable; check its permissions")
        }
        let api = try IndexStoreAPI(library: NativeLibrary(path: libraryPath))
        var error: IndexStoreError?
        guard let handle = path.withCString({ api.storeCreate($0, &error) }) else {
            throw CapCheckError(.indexStore, "cannot open the index store at \(path): \(api.consume(error))")
        }
        self.api = api
        self.path = path
        self.handle = handle
    }

    deinit { api.storeDispose(handle) }

    /// The names of every unit in the store.
    public func unitNames() -> [String] {
        let box = Box<[String]>([])
        withExtendedLifetime(box) {
            _ = api.storeUnitsApply(handle, 0, Unmanaged.passUnretained(box).toOpaque()) { context, name in
                Unmanaged<Box<[String]>>.fromOpaque(context!).takeUnretainedValue().value.append(name.string)
                return true
            }
        }
        return box.value
    }

    /// Reads one unit's header, its record list (system dependencies, toolchain and SDK headers, skipped) and every
    /// file it was compiled from.
    public func unit(named name: String) throws -> IndexUnit {
        try readUnit(named: name, systemRecords: false) { reader, context in
            var seconds: Int64 = 0, nanoseconds: Int64 = 0
            api.unitGetModificationTime(reader, &seconds, &nanoseconds)
            return IndexUnit(
                name: name,
                moduleName: api.unitGetModuleName(reader).string,
                mainFile: api.unitGetMainFile(reader).string,
                outputFile: api.unitGetOutputFile(reader).string,
                modificationTime: Double(seconds) + Double(nanoseconds) / 1e9,
                records: context.records,
                files: context.files)
        }
    }

    /// The records of the system files of one unit (`unit(named:)` leaves them out): read only to know what a C
    /// compilation's system headers define (`CUnitRecords.functions(ofUnitFor:)`).
    public func systemRecords(ofUnit name: String) throws -> [(name: String, filePath: String)] {
        try readUnit(named: name, systemRecords: true) { _, context in context.records.map { ($0.0, $0.1) } }
    }

    /// Opens unit `name`, reads its dependencies (every file, and the records of the system files or of the others)
    /// and hands the reader and what was read to `body`.
    private func readUnit<T>(named name: String, systemRecords: Bool, _ body: (UnsafeMutableRawPointer, UnitContext) -> T) throws -> T {
        var error: IndexStoreError?
        guard let reader = name.withCString({ api.unitReaderCreate(handle, $0, &error) }) else {
            throw CapCheckError(.indexStore, "cannot read index unit \(name) in \(path): \(api.consume(error)); the store may be corrupt, rebuild it")
        }
        defer { api.unitReaderDispose(reader) }
        let context = UnitContext(api: api)
        context.systemRecords = systemRecords
        withExtendedLifetime(context) {
            _ = api.unitDependenciesApply(reader, Unmanaged.passUnretained(context).toOpaque()) { context, dependency in
                let context = Unmanaged<UnitContext>.fromOpaque(context!).takeUnretainedValue()
                let api = context.api
                // INDEXSTORE_UNIT_DEPENDENCY_RECORD == 2, INDEXSTORE_UNIT_DEPENDENCY_FILE == 3
                let kind = api.dependencyGetKind(dependency), isSystem = api.dependencyIsSystem(dependency)
                guard kind == 2 || kind == 3 else { return true }
                let path = api.dependencyGetFilePath(dependency).string
                context.files.append((path, isSystem))
                if kind == 2, isSystem == context.systemRecords { context.records.append((api.dependencyGetName(dependency).string, path)) }
                return true
            }
        }
        return body(reader, context)
    }

    /// Reads every occurrence of one record, with its relations, interning symbols per record and their USRs and names
    /// in `strings` (share one interner between the records of a run: each text is then kept once).
    public func record(named name: String, filePath: String, moduleName: String, strings: StringInterner = StringInterner()) throws -> IndexRecord {
        var error: IndexStoreError?
        guard let reader = name.withCString({ api.recordReaderCreate(handle, $0, &error) }) else {
            throw CapCheckError(.indexStore, "cannot read index record \(name) (\(filePath)): \(api.consume(error)); the store may be stale or corrupt, rebuild it")
        }
        defer { api.recordReaderDispose(reader) }
        let context = RecordContext(api: api, strings: strings)
        withExtendedLifetime(context) {
            _ = api.recordOccurrencesApply(reader, Unmanaged.passUnretained(context).toOpaque()) { context, occurrence in
                Unmanaged<RecordContext>.fromOpaque(context!).takeUnretainedValue().add(occurrence)
                return true
            }
        }
        return IndexRecord(name: name, filePath: filePath, moduleName: moduleName,
                           symbols: context.symbols, occurrences: context.occurrences, relations: context.relations)
    }
}

private final class Box<T> {
    package var value: T
    package init(_ value: T) { self.value = value }
}

private final class UnitContext {
    package let api: IndexStoreAPI
    package var records: [(String, String)] = []
    /// Which records to collect: the system files' (`systemRecords(ofUnit:)`) or the others' (`unit(named:)`).
    package var systemRecords = false
    package var files: [(String, Bool)] = []
    package init(api: IndexStoreAPI) { self.api = api }
}

/// Per-record state while reading occurrences: symbols are interned by their reader-owned pointer.
private final class RecordContext {
    package let api: IndexStoreAPI
    package let strings: StringInterner
    package var symbols: [IndexSymbol] = []
    package var occurrences: [IndexOccurrence] = []
    package var relations: [IndexRelation] = []
    /// The symbols by their reader-owned pointer (a `Dictionary` hashed each occurrence's and relation's pointer
    /// with SipHash: a tenth of the records' reading).
    private var symbolIndex = IntegerTable()

    package init(api: IndexStoreAPI, strings: StringInterner) {
        self.api = api
        self.strings = strings
    }

    package func intern(_ symbol: UnsafeMutableRawPointer?) -> Int32 {
        guard let symbol else { return -1 }
        let index = Int32(symbols.count)
        let known = symbolIndex.value(of: UInt64(UInt(bitPattern: symbol)), else: index)
        guard known == index else { return known }
        symbols.append(IndexSymbol(
            usr: api.symbolGetUSR(symbol).interned(in: strings),
            name: api.symbolGetName(symbol).interned(in: strings),
            kind: SymbolKind(rawValue: api.symbolGetKind(symbol)) ?? .unknown,
            subkind: api.symbolGetSubkind(symbol),
            language: SymbolLanguage(rawValue: api.symbolGetLanguage(symbol)) ?? .c))
        return index
    }

    package func add(_ occurrence: UnsafeMutableRawPointer?) {
        var line: UInt32 = 0, column: UInt32 = 0
        api.occurrenceGetLineCol(occurrence, &line, &column)
        let start = relations.count
        _ = api.occurrenceRelationsApply(occurrence, Unmanaged.passUnretained(self).toOpaque()) { context, relation in
            let this = Unmanaged<RecordContext>.fromOpaque(context!).takeUnretainedValue()
            let symbol = this.intern(this.api.relationGetSymbol(relation))
            if symbol >= 0 {
                this.relations.append(IndexRelation(roles: SymbolRoles(store: this.api.relationGetRoles(relation)), symbol: symbol))
            }
            return true
        }
        let symbol = intern(api.occurrenceGetSymbol(occurrence))
        guard symbol >= 0 else {
            relations.removeSubrange(start...)
            return
        }
        occurrences.append(IndexOccurrence(
            symbol: symbol, roles: SymbolRoles(store: api.occurrenceGetRoles(occurrence)),
            line: line, column: column, relationStart: Int32(start), relationCount: Int32(relations.count - start)))
    }
}

extension IndexStore {
    /// Counts of a bare scan.
    public struct ScanCounts: Sendable {
        public var records = 0
        public var occurrences = 0
        public var relations = 0
    }

    /// The benchmark floor: reads every occurrence and relation of each distinct record of `units` once,
    /// single-threaded, touching each symbol's USR, and keeps nothing.
    public func bareScan(units: [IndexUnit]) throws -> ScanCounts {
        var seen = Set<String>()
        let counter = ScanCounter(api: api)
        for unit in units {
            for record in unit.records where seen.insert(record.name).inserted {
                var error: IndexStoreError?
                guard let reader = record.name.withCString({ api.recordReaderCreate(handle, $0, &error) }) else {
                    throw CapCheckError(.indexStore, "cannot read index record \(record.name): \(api.consume(error))")
                }
                counter.counts.records += 1
                withExtendedLifetime(counter) {
                    _ = api.recordOccurrencesApply(reader, Unmanaged.passUnretained(counter).toOpaque()) { context, occurrence in
                        let counter = Unmanaged<ScanCounter>.fromOpaque(context!).takeUnretainedValue()
                        counter.touch(occurrence)
                        return true
                    }
                }
                api.recordReaderDispose(reader)
            }
        }
        return counter.counts
    }
}

private final class ScanCounter {
    package let api: IndexStoreAPI
    package var counts = IndexStore.ScanCounts()
    package var checksum = 0
    package init(api: IndexStoreAPI) { self.api = api }

    package func touch(_ occurrence: UnsafeMutableRawPointer?) {
        var line: UInt32 = 0, column: UInt32 = 0
        api.occurrenceGetLineCol(occurrence, &line, &column)
        checksum &+= Int(api.occurrenceGetRoles(occurrence)) &+ Int(line) &+ api.symbolGetUSR(api.occurrenceGetSymbol(occurrence)).length
        counts.occurrences += 1
        _ = api.occurrenceRelationsApply(occurrence, Unmanaged.passUnretained(self).toOpaque()) { context, relation in
            let this = Unmanaged<ScanCounter>.fromOpaque(context!).takeUnretainedValue()
            this.checksum &+= Int(this.api.relationGetRoles(relation)) &+ this.api.symbolGetUSR(this.api.relationGetSymbol(relation)).length
            this.counts.relations += 1
            return true
        }
    }
}
