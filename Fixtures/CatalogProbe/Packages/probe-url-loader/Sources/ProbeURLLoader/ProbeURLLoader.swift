// Catalog probe: Foundation's loader of a URL's contents. It reads a file, and in a program that links
// FoundationNetworking (this one: the root imports it) it fetches an http: URL too: fs and net.
import Foundation

public func probe(_ url: URL) -> Int {
    (try? Data(contentsOf: url))?.count ?? 0
}
