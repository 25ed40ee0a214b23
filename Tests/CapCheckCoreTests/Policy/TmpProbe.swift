import CapCheckCore
import Foundation
import XCTest

final class PolicyTestsProbe: XCTestCase {
    func testProbe() {
        let ok = String(repeating: "[", count: 400) + String(repeating: "]", count: 400)
        let objs = String(repeating: "{\"a\":", count: 400) + "1" + String(repeating: "}", count: 400)
        for size in [1024 * 1024] {
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                _ = try? JSONParser.parse(Data(ok.utf8), file: "p")
                _ = try? JSONParser.parse(Data(objs.utf8), file: "p")
                print("stack \(size) ok")
                done.signal()
            }
            thread.stackSize = size
            thread.start()
            done.wait()
        }
    }
}
