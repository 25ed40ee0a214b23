import Foundation

/// What capcheck reads from one object file of a package, mapped once: the linker flags in its autolink section
/// (`AutolinkEntries`) and, in a C-family object, its definitions of runtime libraries' mangled exports
/// (`MangledRuntimeDefinitions`, which needs `RuntimeExports` read first). Nothing when the file is missing or not an
/// ELF object.
package enum PackageObjectScan {
    package static func read(objectAt path: String, isSwift: Bool) -> (autolink: [String], mangled: [MangledRuntimeDefinitions.Definition]) {
        guard let object = ELFObject(path: path, mapped: true) else { return ([], []) }
        return (AutolinkEntries.placedByThePackage(AutolinkEntries.entries(in: object), inSwiftObject: isSwift),
                isSwift ? [] : MangledRuntimeDefinitions.definitions(in: object))
    }
}
