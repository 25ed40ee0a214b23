import NarrowFiles

/// Loads its trust roots through narrow-files (constant paths under /etc/ssl).
public struct Client {
    public init() {}
    public func trustRoots() -> Int {
        (Certificates.load()?.count ?? 0) + (Certificates.bundle()?.count ?? 0)
    }
}
