import CapCheckSupport
import CapCheckModel
import Foundation

/// The macros expanded in a C-family source, and the declarations a Swift source refers to at each place, read on
/// demand from its index records (every record of the file, for a header compiled more than once: a macro expanded at
/// a place in any of them counts). The value analysis asks for a source only when it reads the arguments of a call in
/// it, so only those records are read. (The call graph keeps one edge per caller and callee, at its first reference:
/// only the records say what every other place names.)
public final class MacroReferences: MacroLookup, @unchecked Sendable {  // the cache is guarded by `lock`
    private let store: IndexStore
    private let recordsByFile: [String: [IndexStoreLoader.RecordReference]]
    /// Every file each unit was compiled from, by the unit's main file: a macro's USR names its file without the
    /// folder, so it is looked for among the files of the units that compiled the source (two copies of BoringSSL
    /// each have a `file.cc`).
    private let unitFiles: [String: [(path: String, isSystem: Bool)]]
    private var cache: [String: MacroExpansions] = [:]
    private var referenceCache: [String: [Int64: [String]]?] = [:]
    private let lock = NSLock()

    public init(store: IndexStore, records: [IndexStoreLoader.RecordReference], unitFiles: [String: [(path: String, isSystem: Bool)]]) {
        self.store = store
        recordsByFile = Dictionary(grouping: records, by: \.filePath)
        self.unitFiles = unitFiles
    }

    public func expansions(inFile path: String) -> MacroExpansions {
        if let known = lock.withLock({ cache[path] }) { return known }
        let found = read(path)
        lock.withLock { cache[path] = found }
        return found
    }

    public func references(inFile path: String) -> [Int64: [String]]? {
        if let known = lock.withLock({ referenceCache[path] }) { return known }
        var found: [Int64: [String]]?
        if let records = records(of: path) {
            var byPosition: [Int64: [String]] = [:]
            for record in records {
                for occurrence in record.occurrences where occurrence.roles.contains(.reference) {
                    let usr = record.symbols[Int(occurrence.symbol)].usr
                    let position = MacroExpansions.position(line: Int(occurrence.line), column: Int(occurrence.column))
                    if byPosition[position]?.contains(usr) != true { byPosition[position, default: []].append(usr) }
                }
            }
            found = byPosition
        }
        lock.withLock { referenceCache[path] = found }
        return found
    }

    /// Every index record of the file; nil when it has none or one cannot be read.
    private func records(of path: String) -> [IndexRecord]? {
        guard let listed = recordsByFile[path], !listed.isEmpty else { return nil }
        var records: [IndexRecord] = []
        for reference in listed {
            guard let record = try? store.record(named: reference.name, filePath: reference.filePath, moduleName: reference.module) else { return nil }
            records.append(record)
        }
        return records
    }

    private func read(_ path: String) -> MacroExpansions {
        guard let records = records(of: path) else { return .unknown }
        // The files the source was compiled with: those of every unit compiling it, or including it (a header).
        var neighbours: [String: Set<String>] = [:]
        for (main, files) in unitFiles where main == path || files.contains(where: { $0.path == path }) {
            for file in files.map(\.path) + [main] { neighbours[(file as NSString).lastPathComponent, default: []].insert(file) }
        }
        var byPosition: [Int64: [MacroReference]] = [:]
        for record in records {
            for occurrence in record.occurrences {
                let symbol = record.symbols[Int(occurrence.symbol)]
                guard symbol.kind == .macro, occurrence.roles.contains(.reference) else { continue }
                let macro = reference(symbol, files: neighbours)
                let position = MacroExpansions.position(line: Int(occurrence.line), column: Int(occurrence.column))
                if byPosition[position]?.contains(macro) != true { byPosition[position, default: []].append(macro) }
            }
        }
        return MacroExpansions(byPosition: byPosition)
    }

    /// `c:file.cc@1900@macro@name` → name, the source's one neighbour called `file.cc`, offset 1900; `c:@macro@name`
    /// (built in or from the command line), or a name two neighbours share → no file.
    private func reference(_ symbol: IndexSymbol, files: [String: Set<String>]) -> MacroReference {
        let usr = symbol.usr.hasPrefix("c:") ? symbol.usr.dropFirst(2) : Substring(symbol.usr)
        guard let marker = usr.range(of: "@macro@") else { return MacroReference(name: symbol.name, definitionFile: nil, definitionOffset: nil) }
        let place = usr[..<marker.lowerBound]
        guard let at = place.lastIndex(of: "@"), let offset = Int(place[place.index(after: at)...]),
              let named = files[String(place[..<at])], named.count == 1, let file = named.first else {
            return MacroReference(name: symbol.name, definitionFile: nil, definitionOffset: nil)
        }
        return MacroReference(name: symbol.name, definitionFile: file, definitionOffset: offset)
    }
}
