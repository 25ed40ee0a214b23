// swift-tools-version:6.0
import PackageDescription

// Code Swift runs without a call expression that names it: property wrappers on a property and on a local variable,
// a @dynamicCallable value, result builders, a lazy initialiser, `for await`, `~=` in a `switch`, a `required init`
// through a metatype, key paths and unapplied methods as functions, a table of functions, Dispatch blocks and a
// NotificationCenter observer, stored properties' initial values, superclass initialisers, conformances of toolchain
// types, members' conformances run by synthesized or reflective code, associated type defaults, `main()` run by `@main` (docs/semantics.md, "Implicit calls: how each is covered").
let package = Package(
    name: "ImplicitApp",
    dependencies: [
        .package(path: "../Packages/wrapped-property"),
        .package(path: "../Packages/wrapped-local"),
        .package(path: "../Packages/dynamic-callable"),
        .package(path: "../Packages/result-builder"),
        .package(path: "../Packages/lazy-init"),
        .package(path: "../Packages/async-sequence"),
        .package(path: "../Packages/pattern-match"),
        .package(path: "../Packages/metatype-init"),
        .package(path: "../Packages/function-values"),
        .package(path: "../Packages/function-table"),
        .package(path: "../Packages/dynamic-member"),
        .package(path: "../Packages/dispatch-block"),
        .package(path: "../Packages/notification-observer"),
        .package(path: "../Packages/overridden-default"),
        .package(path: "../Packages/debug-description"),
        .package(path: "../Packages/implicit-construction"),
        .package(path: "../Packages/member-values"),
        .package(path: "../Packages/global-actor"),
        .package(path: "../Packages/entry-mains"),
        .package(path: "../Packages/shadow-tests"),
        .package(path: "../Packages/underscored-hooks"),
        .package(path: "../Packages/shared-folder"),
        .package(path: "../Packages/raw-macro"),
    ],
    targets: [
        .executableTarget(name: "ImplicitApp", dependencies: [
            .product(name: "WrappedProperty", package: "wrapped-property"),
            .product(name: "WrappedLocal", package: "wrapped-local"),
            .product(name: "DynamicCallable", package: "dynamic-callable"),
            .product(name: "ResultBuilder", package: "result-builder"),
            .product(name: "LazyInit", package: "lazy-init"),
            .product(name: "AsyncLines", package: "async-sequence"),
            .product(name: "PatternMatch", package: "pattern-match"),
            .product(name: "MetatypeInit", package: "metatype-init"),
            .product(name: "FunctionValues", package: "function-values"),
            .product(name: "FunctionTable", package: "function-table"),
            .product(name: "DynamicMember", package: "dynamic-member"),
            .product(name: "DispatchBlock", package: "dispatch-block"),
            .product(name: "NotificationObserver", package: "notification-observer"),
            .product(name: "OverriddenDefault", package: "overridden-default"),
            .product(name: "DebugDescription", package: "debug-description"),
            .product(name: "ImplicitConstruction", package: "implicit-construction"),
            .product(name: "MemberValues", package: "member-values"),
            .product(name: "GlobalActor", package: "global-actor"),
            .product(name: "ShadowTests", package: "shadow-tests"),
            .product(name: "UnderscoredHooks", package: "underscored-hooks"),
            .product(name: "SharedFolder", package: "shared-folder"),
            .product(name: "RawBindings", package: "raw-macro"),
        ]),
        // `@main` running a `main()` of another package: on an extension of its type, inherited from a class, from a
        // protocol the named one refines.
        .executableTarget(name: "ExtensionMain", dependencies: [.product(name: "EntryMains", package: "entry-mains")]),
        .executableTarget(name: "ClassMain", dependencies: [.product(name: "EntryMains", package: "entry-mains")]),
        .executableTarget(name: "RefinedMain", dependencies: [.product(name: "EntryMains", package: "entry-mains")]),
    ],
    swiftLanguageModes: [.v5]
)
