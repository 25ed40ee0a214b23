import Foundation

/// Refuses an index store older than the sources it describes (e.g. `--skip-build` after an edit):
/// a stale store would check code that is no longer there and miss code that is.
enum StaleIndexCheck {
    static func verify(units: [IndexUnit], storePath: String) throws {
        for unit in units where !unit.mainFile.isEmpty {
            guard let modified = FileStamp.attributes(unit.mainFile)?.modified else { continue }
            if modified > unit.modificationTime + 1 {
                throw CapCheckError(.indexStore, """
                    the index store at \(storePath) is stale: \(unit.mainFile) changed after it was indexed; \
                    rebuild (run without --skip-build)
                    """)
            }
        }
    }
}
