// capcheck rule: ffi (net is reached only through the C target CSock).
import CSock

public func openSocket() -> Int32 { capcheck_open_socket() }
