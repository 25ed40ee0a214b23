import CapCheckCore
import XCTest

extension XCTestCase {
    /// The message of the policy error `body` throws; fails the test when it throws nothing or something else.
    func policyErrorMessage(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            try body()
            XCTFail("expected an error", file: file, line: line)
        } catch let error as CapCheckError {
            XCTAssertEqual(error.kind, .policy, file: file, line: line)
            return error.message
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return ""
    }
}
