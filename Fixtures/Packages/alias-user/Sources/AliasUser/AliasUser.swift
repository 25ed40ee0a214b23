import AliasCore  // built as HiddenCore

public func aliasUserVersion() -> Int { aliasCoreVersion() }
