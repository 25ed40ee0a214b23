// swift-tools-version:6.2
import PackageDescription

// RealWorld/Dynamic probe: swift-otel (OTLP/HTTP only: the gRPC trait off) configured from OTEL_* variables, exporting
// a span over TLS, with a trusted certificate file and a client certificate and key, to a collector on loopback
// (run.sh makes the certificate and starts the collector, otlp_listener.py).
let package = Package(
    name: "OTelExport",
    platforms: [.macOS("15.0")],
    dependencies: [.package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"])],
    targets: [.executableTarget(name: "OTelExport", dependencies: [.product(name: "OTel", package: "swift-otel")])],
    swiftLanguageModes: [.v5]
)
