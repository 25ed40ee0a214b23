// swift-tools-version:6.0
import PackageDescription

// capcheck's escape-hatch fixture: each dependency hides a capability where the index does not look (an
// @_silgen_name binding, an @_cdecl export, code in an inactive #if branch, unowned(unsafe)), and a build-tool plugin
// writes code into the root's own module.
let package = Package(
    name: "EscapeApp",
    dependencies: [
        .package(path: "../Packages/silgen-socket"),
        .package(path: "../Packages/cdecl-hook"),
        .package(path: "../Packages/inactive-payload"),
        .package(path: "../Packages/unsafe-unowned"),
        .package(path: "../Packages/gen-plugin"),
        .package(path: "../Packages/alias-user"),
    ],
    targets: [
        .executableTarget(
            name: "EscapeApp",
            dependencies: [
                .product(name: "SilgenSocket", package: "silgen-socket"),
                .product(name: "CdeclHook", package: "cdecl-hook"),
                .product(name: "InactivePayload", package: "inactive-payload"),
                .product(name: "UnsafeUnowned", package: "unsafe-unowned"),
                .product(name: "AliasUser", package: "alias-user"),
            ],
            plugins: [.plugin(name: "GenPlugin", package: "gen-plugin")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
