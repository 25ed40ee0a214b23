import CSHA256
import XCTest

/// The two paths of SHA-256's compression (`CSHA256`): the CPU's SHA extensions and portable C give the same state
/// on random blocks. (The known answers of the whole hash are in `NativeResultCacheTests.testSHA256KnownAnswers`.)
final class SHA256BlocksTests: XCTestCase {
    func testTheCPUPathAndThePortablePathAgree() throws {
        try XCTSkipUnless(capcheck_sha256_uses_cpu_extensions() != 0, "this CPU has no SHA extensions: only the portable path runs")
        var random = SplitMix64(seed: 17)
        for blocks in [1, 2, 3, 7, 64] {
            let data = (0..<(64 * blocks)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let start: [UInt32] = (0..<8).map { _ in UInt32.random(in: 0...UInt32.max, using: &random) }
            var cpu = start, portable = start
            cpu.withUnsafeMutableBufferPointer { state in capcheck_sha256_blocks(state.baseAddress!, data, blocks) }
            portable.withUnsafeMutableBufferPointer { state in capcheck_sha256_blocks_portable(state.baseAddress!, data, blocks) }
            XCTAssertEqual(cpu, portable, "\(blocks) blocks")
        }
    }
}
