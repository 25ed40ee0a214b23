/// A target no product exposes and nothing depends on: SwiftPM does not build it, nor run the plugin it uses.
public let orphan = 1
