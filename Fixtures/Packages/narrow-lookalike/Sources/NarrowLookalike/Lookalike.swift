import Foundation

/// Found by the ninth sweep. Swift tells two names apart by their code points: `café` (an `e` and U+0301) and
/// `café` (U+00E9) are two variables, though `String` compares them equal; the use reads the outer one.
public enum Lookalike {
    public static func decoy() -> String? {
        let café = "HOME"
        do {
            let café = "NARROW_DECOY"
            _ = café
            return ProcessInfo.processInfo.environment[café]
        }
    }

    /// `withCString` lends a pointer: `+ 7` moves it (`HOME` is read), it adds nothing to the name.
    public static func shifted() -> Bool {
        "NARROW_HOME".withCString { getenv($0 + 7) != nil }
    }
}
