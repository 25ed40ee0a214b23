import CSwiftName

/// Writes the imported property: runs `capcheck_gauge_set_reading`, named by no call.
public func setReading(_ value: Int32) -> Int32 {
    var gauge = CapcheckGauge(level: 0)
    gauge.reading = value
    return gauge.level
}
