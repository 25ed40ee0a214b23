// swift-tools-version:6.0
import PackageDescription

// RealWorld/Dynamic probe: async-http-client fetching a page from a server on loopback (run.sh starts it).
let package = Package(
    name: "HTTPClient",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0")],
    targets: [.executableTarget(name: "HTTPClient", dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")])],
    swiftLanguageModes: [.v5]
)
