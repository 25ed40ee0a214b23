import CVendor

/// Calls into the prebuilt library (which opens a socket; capcheck can only know that it runs foreign code).
public func connectToVendor() -> Int32 { vendor_open_socket() }
