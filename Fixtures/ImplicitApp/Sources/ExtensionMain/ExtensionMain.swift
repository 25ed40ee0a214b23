import EntryMains

// A comment between the attribute and the declaration does not hide it.
@main
// the entry point
extension Runner {
    static let label = "runner"
}
