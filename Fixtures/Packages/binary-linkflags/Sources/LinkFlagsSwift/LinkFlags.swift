import CLinkFlags

public func linkFlagsValue() -> Int32 { flags_value() }
