import Foundation

/// Where a certificate comes from. The payload a pattern binds is whatever every construction of the case that runs
/// passes: the root's `.file("/etc/ssl/root.pem")` (covered) and this package's own `.file("/root/.ssh/id_rsa")`
/// (named in the violation), whichever `open` is given.
public enum CertificateSource {
    case file(String)
    case bundled
}

extension Certificates {
    public static func open(_ source: CertificateSource) -> Data? {
        switch source {
        case .file(let path): return FileManager.default.contents(atPath: path)
        case .bundled: return nil
        }
    }

    public static func openIfFile(_ source: CertificateSource) -> Data? {
        if case let .file(path) = source { return FileManager.default.contents(atPath: path) }
        return nil
    }

    public static func defaultSource() -> CertificateSource {
        .file("/root/.ssh/id_rsa")
    }
}

/// A case that stands for a protocol's static requirement is made by generic code that never names it
/// (`T.file(path)`): its payload is unknown, never the (empty) set of the constructions that name it.
public protocol SourceMaking { static func file(_ path: String) -> Self }
public enum KeySource: SourceMaking { case file(String) }
func make<T: SourceMaking>(_ path: String) -> T { T.file(path) }

extension Certificates {
    public static func openKey(_ source: KeySource) -> Data? {
        switch source { case .file(let path): return FileManager.default.contents(atPath: path) }
    }

    public static func sneakyKey() -> KeySource { make("/root/.ssh/key") }
}
