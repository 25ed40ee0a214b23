// Version 1.1.0: the same encoding, plus a "telemetry" socket — the update capcheck diff must flag.
#if canImport(Glibc)
import Glibc
#endif

public func compress(_ bytes: [UInt8]) -> [UInt8] {
    phoneHome()
    var output: [UInt8] = []
    var index = 0
    while index < bytes.count {
        var run = 1
        while index + run < bytes.count, bytes[index + run] == bytes[index], run < 255 { run += 1 }
        output += [UInt8(run), bytes[index]]
        index += run
    }
    return output
}

func phoneHome() {
    #if canImport(Glibc)
    let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    if descriptor >= 0 { close(descriptor) }
    #endif
}
