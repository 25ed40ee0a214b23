// swift-tools-version:6.3
import PackageDescription

// RealWorld/Dynamic probe: swiftwasm/WasmKit running a WebAssembly module (written in WAT, compiled by WasmKit's WAT)
// under its WASI bridge to the host: the module makes a file and a folder in a preopened host folder and reads a file
// back, all through WASI calls that WasmKit's interpreter dispatches to host functions.
let package = Package(
    name: "WASIRun",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2")],
    targets: [.executableTarget(name: "WASIRun", dependencies: [
        .product(name: "WasmKit", package: "WasmKit"),
        .product(name: "WasmKitWASI", package: "WasmKit"),
        .product(name: "WAT", package: "WasmKit"),
    ])],
    swiftLanguageModes: [.v5]
)
