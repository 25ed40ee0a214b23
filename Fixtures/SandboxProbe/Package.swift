// swift-tools-version:6.0
import PackageDescription

// capcheck's sandbox fixture: its dependency's build-tool plugin (granted `build`) tries to write outside the
// scratch folder and to connect to a socket when the test asks it to; `check --sandbox` must make both fail.
let package = Package(
    name: "SandboxProbe",
    dependencies: [
        .package(path: "../Packages/probe-plugin"),
    ],
    targets: [
        .executableTarget(name: "SandboxProbe", dependencies: [.product(name: "Probed", package: "probe-plugin")]),
    ],
    swiftLanguageModes: [.v5]
)
