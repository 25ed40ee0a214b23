// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: FlyingFox's own socket server (FlyingSocks: socket, bind, listen, accept, epoll) serving a
// folder and a closure on loopback, fetched by FlyingFox's own client.
let package = Package(
    name: "FlyingFoxServer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1")],
    targets: [.executableTarget(name: "FlyingFoxServer", dependencies: [
        .product(name: "FlyingFox", package: "FlyingFox"),
        .product(name: "FlyingSocks", package: "FlyingFox"),
    ])],
    swiftLanguageModes: [.v5]
)
