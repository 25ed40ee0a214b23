import Foundation

/// Names the build of capcheck that is running: the file holding CapCheckCore's code (the `capcheck` executable,
/// or a test bundle) with its size and modification time. Caches of analysis results include it in their keys, so
/// a rebuilt capcheck, whose rules may differ, never reads results an older one wrote.
package enum CapCheckBuild {
    package static let identity = FileStamp.identity(of: codeFile() ?? Bundle.main.executablePath ?? "unknown")

    /// The file mapped at this module's image (`#dsohandle`), from `/proc/self/maps` (Linux).
    private static func codeFile() -> String? {
        let address = UInt(bitPattern: #dsohandle)
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return nil }
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, fields[5].hasPrefix("/") else { continue }
            let range = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            if range.count == 2, range[0] <= address, address < range[1] {
                return String(fields[5]).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
