// capcheck rule: nested policy (fs reached transitively through nested-child).
import NestedChild

public func loadSettings() -> Int { readSettings()?.count ?? 0 }
