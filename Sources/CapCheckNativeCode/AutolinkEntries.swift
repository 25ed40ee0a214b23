import CapCheckModel
import Foundation

/// The linker arguments an object file asks for in its `.swift1_autolink_entries` section. SwiftPM's link step
/// (`swift-autolink-extract`) collects them from every object of the program and hands them to the linker as they are,
/// so a package can pass the linker any flag through its objects, without `unsafeFlags` (which SwiftPM refuses in a
/// package used by version): `-Wl,-init=boot` runs `boot` when the program loads. The Swift compiler writes only
/// `-l<library>` there, one per imported module that links a library; the C compiler writes nothing there. Only the
/// section table and that section are read; the object is never run.
package enum AutolinkEntries {
    package static let section = ".swift1_autolink_entries"

    /// The entries of `object`, in order.
    static func entries(in object: ELFObject) -> [String] {
        var entries: [String] = []
        for index in 0..<object.sectionCount where object.sectionName(index) == section {
            let offset = object.field(index, 0x18, 8), size = object.field(index, 0x20, 8)
            object.withBytes { bytes in
                guard offset >= 0, size >= 0, offset <= bytes.count, size <= bytes.count - offset else { return }
                for entry in bytes[offset..<(offset + size)].split(separator: 0) {
                    entries.append(String(decoding: entry, as: UTF8.self))
                }
            }
        }
        return entries
    }

    /// The entries a package put there itself: in a C-family object, every one; in a Swift object, any but a lone
    /// `-l<library>` (those come from the module maps of the modules it imports, which capcheck reads where they are;
    /// a `link` name with more in it is judged there, as the module map's target's linker flags).
    package static func placedByThePackage(_ entries: [String], inSwiftObject: Bool) -> [String] {
        inSwiftObject ? entries.filter { !($0.hasPrefix("-l") && LinkerArguments.split($0).count == 1) } : entries
    }
}
