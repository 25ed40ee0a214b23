// capcheck init: reaches init-hub only through hubWrite(_:), so below it init-leaf needs nothing, while the root's
// own path through init-hub's hubRead() needs fs of init-leaf.
import InitHub

public func middleSave() { hubWrite("middle") }
