import ArgumentParser
import CapCheckCore
import Foundation

/// `capcheck scan-index`: the benchmark floor — a bare single-threaded scan of every occurrence and relation
/// of an index store through libIndexStore, doing nothing else (`docs/performance.md`). Hidden.
struct ScanIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan-index",
        abstract: "Read every occurrence and relation of an index store once and print counts and time.",
        shouldDisplay: false)

    @Option(help: "The index store folder (e.g. .build/debug/index/store).")
    var store: String

    func run() throws {
        try runReportingErrors {
            let toolchain = try Toolchain.locate()
            let start = DispatchTime.now().uptimeNanoseconds
            let indexStore = try IndexStore(path: store, libraryPath: try toolchain.library("libIndexStore.so", override: "CAPCHECK_LIBINDEXSTORE"))
            let units = try IndexStoreLoader(store: indexStore).currentUnits()
            let counts = try indexStore.bareScan(units: units)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("units \(units.count) records \(counts.records) occurrences \(counts.occurrences) relations \(counts.relations) seconds \(String(format: "%.3f", seconds))")
        }
    }
}
