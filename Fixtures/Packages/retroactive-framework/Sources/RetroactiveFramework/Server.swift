// capcheck rule: a retroactive conformance (Hummingbird's `extension ServerBootstrap: ServerBootstrapProtocol`).
// The witness of `BootstrapProtocol.bind(port:)` is SocketLib's `Bootstrap.bind(port:)`, declared in a package
// that never names the protocol: only the conformance here records that it is the witness.
import SocketLib

public protocol BootstrapProtocol {
    func bind(port: Int) -> Int32
}

extension Bootstrap: BootstrapProtocol {}

public func startServer(port: Int) -> Int32 {
    serve(Bootstrap(), port: port)
}

func serve<B: BootstrapProtocol>(_ bootstrap: B, port: Int) -> Int32 {
    bootstrap.bind(port: port)
}
