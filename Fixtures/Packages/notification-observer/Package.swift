// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NotificationObserver",
    products: [.library(name: "NotificationObserver", targets: ["NotificationObserver"])],
    targets: [.target(name: "NotificationObserver")],
    swiftLanguageModes: [.v5]
)
