import EntryMains

@main final class ClassMain: BaseCommand {}
