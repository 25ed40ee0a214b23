// swift-tools-version:6.1
import PackageDescription

// RealWorld/Dynamic probe: modelcontextprotocol/swift-sdk, a client and a server joined by its in-memory transport:
// initialisation, a tool listed and called. Every request gets a random id (`ID.random`, a default argument: UUID()).
let package = Package(
    name: "MCPInMemory",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1")],
    targets: [.executableTarget(name: "MCPInMemory", dependencies: [.product(name: "MCP", package: "swift-sdk")])],
    swiftLanguageModes: [.v5]
)
