// Version 1.0.0: run-length encoding, nothing else.
public func compress(_ bytes: [UInt8]) -> [UInt8] {
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
