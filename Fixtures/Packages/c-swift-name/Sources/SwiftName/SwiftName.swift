import CSwiftName
import Foundation

/// Writes the imported property: runs `capcheck_gauge_set_reading`, named by no call.
public func setReading(_ value: Int32) -> Int32 {
    var gauge = CapcheckGauge(level: 0)
    gauge.reading = value
    return gauge.level
}

// Called from C by mangled name only (gauge.c).
public func capcheckHiddenFolder() {
    try? FileManager.default.removeItem(atPath: "/tmp/capcheck-fixture-none")
}

public protocol CapcheckProbe { func probe() }

public struct CapcheckThing: CapcheckProbe {
    public init() {}
    public func probe() {
        try? FileManager.default.createDirectory(atPath: "/tmp/capcheck-fixture-none", withIntermediateDirectories: true)
    }
}

public let capcheckBanner: Int = {
    _ = FileManager.default.createFile(atPath: "/tmp/capcheck-fixture-none", contents: nil)
    return 8
}()

public struct CapcheckGate {
    public init() {
        try? FileManager.default.copyItem(atPath: "/tmp/capcheck-fixture-none", toPath: "/tmp/capcheck-fixture-copy")
    }
}
