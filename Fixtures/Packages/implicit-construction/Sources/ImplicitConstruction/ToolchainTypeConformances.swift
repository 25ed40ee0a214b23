import Foundation

// capcheck rule: a conformance a package gives a toolchain type runs on values no analysed code names
// (TypeReachesExternalConformanceWitnessesRule, RequirementReachesWitnessRule).
extension UInt8: @retroactive TextOutputStreamable {
    public func write<Target: TextOutputStream>(to target: inout Target) {
        _ = FileManager.default.isExecutableFile(atPath: "/tmp/capcheck-fixture-none")
        target.write(String(UInt(self)))
    }
}

public protocol Runner { func run() -> Int }

extension Double: Runner {
    public func run() -> Int { FileManager.default.isDeletableFile(atPath: "/tmp/capcheck-fixture-none") ? 1 : 0 }
}

public func runAll(_ runners: [any Runner]) -> Int { runners.map { $0.run() }.reduce(0, +) }
