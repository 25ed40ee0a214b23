import Foundation

/// What capcheck reads from one object file of a package, mapped once: the linker flags in its autolink section
/// (`AutolinkEntries`): those the package placed there itself, and the libraries its imports link (`-lFoundationNetworking`);
/// and, in a C-family object, its definitions of runtime libraries' mangled exports (`MangledRuntimeDefinitions`, which
/// needs `RuntimeExports` read first). Nothing when the file is missing or not an ELF object.
package enum PackageObjectScan {
    package struct Found {
        /// Autolink entries the package placed there itself (`AutolinkEntries.placedByThePackage`).
        package var autolink: [String] = []
        /// Every library an autolink entry links (`-lFoundationNetworking` → `FoundationNetworking`).
        package var linkedLibraries: [String] = []
        package var mangled: [MangledRuntimeDefinitions.Definition] = []
    }

    package static func read(objectAt path: String, isSwift: Bool) -> Found {
        guard let object = ELFObject(path: path, mapped: true) else { return Found() }
        let entries = AutolinkEntries.entries(in: object)
        return Found(autolink: AutolinkEntries.placedByThePackage(entries, inSwiftObject: isSwift),
                     linkedLibraries: entries.filter { $0.hasPrefix("-l") && $0.count > 2 }.map { String($0.dropFirst(2)) },
                     mangled: isSwift ? [] : MangledRuntimeDefinitions.definitions(in: object))
    }
}
