// Catalog probe: net through FoundationNetworking: URLSession.
import Foundation
import FoundationNetworking

public func probe() {
    URLSession.shared.dataTask(with: URL(string: "http://example.com")!).resume()
}
