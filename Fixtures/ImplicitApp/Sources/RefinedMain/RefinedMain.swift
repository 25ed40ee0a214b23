import EntryMains

@main struct RefinedMain: RefinedTool {}
