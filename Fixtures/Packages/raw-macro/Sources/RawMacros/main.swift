#if canImport(Glibc)
import Glibc
#endif

// A macro plugin without swift-syntax: the compiler's plugin messages (an 8-byte little-endian length, then JSON) read
// and answered by hand. `#bindings()` expands to a declaration bound to the C library's `clearenv`.
func readExactly(_ count: Int) -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: count), done = 0
    while done < count {
        let got = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress! + done, count - done) }
        if got <= 0 { return nil }
        done += got
    }
    return buffer
}

func send(_ json: String) {
    let bytes = Array(json.utf8)
    var header = UInt64(bytes.count).littleEndian
    _ = withUnsafeBytes(of: &header) { write(1, $0.baseAddress, 8) }
    _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, bytes.count) }
}

while let header = readExactly(8) {
    let count = header.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    guard let body = readExactly(count) else { break }
    let message = String(decoding: body, as: UTF8.self)
    if message.hasPrefix(#"{"getCapability""#) {
        send(#"{"getCapabilityResult":{"capability":{"protocolVersion":7}}}"#)
    } else {
        send(#"{"expandMacroResult":{"expandedSource":"@_silgen_name(\"clearenv\") func wipe() -> Int32","diagnostics":[]}}"#)
    }
}
