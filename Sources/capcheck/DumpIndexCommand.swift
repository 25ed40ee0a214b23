import ArgumentParser
import CapCheckCore
import Foundation

/// `capcheck dump-index`: prints what the index store says about some source files. A debugging aid for
/// people writing graph rules; hidden from the main help.
struct DumpIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-index",
        abstract: "Print the index records of source files whose path contains a string.",
        shouldDisplay: false)

    @Option(help: "The index store folder (e.g. .build/debug/index/store).")
    var store: String

    @Option(help: "Only records whose source path contains this string.")
    var file: String = ""

    func run() throws {
        let toolchain = try Toolchain.locate()
        let indexStore = try IndexStore(path: store, libraryPath: try toolchain.library("libIndexStore.so", override: "CAPCHECK_LIBINDEXSTORE"))
        let loader = IndexStoreLoader(store: indexStore)
        let units = try loader.currentUnits()
        let demangler = try? SwiftDemangler(libraryPath: toolchain.library("libswiftDemangle.so", override: "CAPCHECK_LIBSWIFTDEMANGLE"))
        for record in try loader.records(of: units) where file.isEmpty || record.filePath.contains(file) {
            print("== \(record.filePath) [\(record.moduleName)] \(record.name)")
            for occurrence in record.occurrences {
                let symbol = record.symbols[Int(occurrence.symbol)]
                let relations = record.relations(of: occurrence).map { relation in
                    "\(String(relation.roles.rawValue >> 9, radix: 2)):\(record.symbols[Int(relation.symbol)].name)"
                }
                let demangled = demangler?.demangle(usr: symbol.usr) ?? ""
                print("\(occurrence.line):\(occurrence.column) roles=\(String(occurrence.roles.rawValue, radix: 2)) \(symbol.kind) \(symbol.name) \(symbol.usr) {\(demangled)} rel=\(relations)")
            }
        }
    }
}
