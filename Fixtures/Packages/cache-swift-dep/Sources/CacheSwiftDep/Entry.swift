// The differential test rewrites this file and adds others beside it.
public func swiftEntry() {}
