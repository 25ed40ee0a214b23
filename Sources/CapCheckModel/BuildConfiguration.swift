import CapCheckSupport

/// The build configuration capcheck builds and analyses (`--configuration`): `debug` (the default; SwiftPM indexes it
/// anyway) or `release` (what usually ships: built with `--enable-index-store`, and `#if DEBUG` code is what is
/// inactive).
public enum BuildConfiguration: String, Sendable, CaseIterable {
    case debug, release

    /// The compilation conditions SwiftPM sets in this configuration, besides the platform's.
    public var conditions: Set<String> { self == .debug ? ["DEBUG", "SWIFT_PACKAGE"] : ["SWIFT_PACKAGE"] }
}
