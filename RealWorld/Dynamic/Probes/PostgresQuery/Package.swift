// swift-tools-version:6.1
import PackageDescription

// RealWorld/Dynamic probe: vapor/postgres-nio against a PostgreSQL cluster on loopback (run.sh starts it): a pooled
// client over TCP to `localhost` (SCRAM password), and one connection over the cluster's Unix socket.
let package = Package(
    name: "PostgresQuery",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2")],
    targets: [.executableTarget(name: "PostgresQuery", dependencies: [.product(name: "PostgresNIO", package: "postgres-nio")])],
    swiftLanguageModes: [.v5]
)
