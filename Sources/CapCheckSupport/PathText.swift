import Foundation

/// File paths as strings, without building a `URL` for the common case: the warm run's inputs stage joins and
/// standardises tens of thousands of paths (every unit's source, every target's files), and Foundation's `URL` made
/// that a measurable part of it. Each function gives exactly what the `URL` spelling in its comment gives.
package enum PathText {
    /// `URL(fileURLWithPath: path).standardizedFileURL.path`: `.` and `..` components and doubled or trailing
    /// slashes removed (symbolic links are not resolved).
    package static func standardized(_ path: String) -> String {
        isStandard(path) ? path : URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// `URL(fileURLWithPath: folder).appendingPathComponent(relative).standardizedFileURL.path`.
    package static func standardized(_ relative: String, in folder: String) -> String {
        standardized(joined(folder, relative))
    }

    /// `folder` and `relative` with one slash between them.
    package static func joined(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// An absolute path with nothing to standardise: no empty, `.` or `..` component (so no doubled or trailing slash).
    private static func isStandard(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "/"), bytes.count > 1 else { return false }
        for component in bytes.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if component.isEmpty || component.allSatisfy({ $0 == UInt8(ascii: ".") }) && component.count <= 2 { return false }
        }
        return true
    }
}
