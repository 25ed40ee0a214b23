// A networking library (the shape of swift-nio's ServerBootstrap): a type whose method listens, which knows nothing
// of the protocols other packages conform it to.
#if canImport(Glibc)
import Glibc
#endif

public struct Bootstrap {
    public init() {}

    public func bind(port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        return listen(descriptor, 1)
    }
}
