// Catalog probe: net through FoundationNetworking: URLSession.
import Foundation
import FoundationNetworking

// The session comes from the caller: making one (`URLSession.shared`, `init(configuration:)`) is `fs` (its cookie and
// cache folders).
public func probe(_ session: URLSession) {
    session.dataTask(with: URL(string: "http://example.com")!).resume()
}
