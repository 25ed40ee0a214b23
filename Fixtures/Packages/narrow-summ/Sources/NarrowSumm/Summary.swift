import NarrowProto

/// Granted nothing, depending on nothing that reads files: it names a path of its own to the `Reader` the root hands it.
/// narrow-store (`fs:@caller`) reads it: the value comes from narrow-summ, not from the root that granted narrow-store,
/// so `@caller` does not cover it (the fourteenth sweep's `summ`).
public func summarize(_ reader: any Reader) -> Int {
    reader.read(path: "/tmp/capcheck-summ-secret")
}
