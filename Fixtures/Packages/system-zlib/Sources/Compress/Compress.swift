// capcheck rule: system library target (libz through the CZlib module map).
import CZlib

public func zlibVersionString() -> String { String(cString: zlibVersion()) }
