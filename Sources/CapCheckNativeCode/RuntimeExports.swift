import CapCheckSupport
import Foundation

/// The function and variable names the C, C++ and Swift runtime libraries export (the C library, the dynamic linker,
/// libm, libstdc++, libgcc_s, the Swift runtime, Foundation and Dispatch, as loaded into this process), and the hooks the startup code of every ELF object calls if some object
/// defines them (`__gmon_start__`, run by `_init` of the executable and of every library). A package's global
/// definition of any of these replaces the runtime's for the whole process (`CLibraryInterposition`), whether or not
/// the catalog lists the name. Read once per process from the libraries' dynamic symbol tables (never run); the names
/// that share a listed function's address are that function for the catalog (`SinkCatalog.addingAliases`).
package enum RuntimeExports {
    /// Called by startup and exit code when defined, though no library defines them.
    package static let startupHooks: Set<String> = [
        "__gmon_start__", "_ITM_registerTMCloneTable", "_ITM_deregisterTMCloneTable", "_Jv_RegisterClasses",
        "__register_frame_info", "__deregister_frame_info", "_init", "_fini",
    ]

    package static func contains(_ name: String) -> Bool { startupHooks.contains(name) || exported.contains(name) }

    /// Reads the runtime libraries' export list now (it is read once, on first use), on a core that would otherwise
    /// wait.
    package static func readExports() { _ = runtimeSymbols }

    /// The C and C++ runtime libraries, and Swift's own (its runtime, concurrency, Foundation, Dispatch): a package's C
    /// definition of `swift_retain` replaces the runtime's for every Swift program it is linked into.
    /// The dynamic linker's exports count too: a package's `__tls_get_addr` replaces the linker's for every library that
    /// reads a thread-local variable (found by an evasion sweep).
    private static let runtimeLibraries = cLibraries + ["ld-linux", "libstdc++.so", "libgcc_s.so", "libswift", "libFoundation",
                                                        "libdispatch.so", "libBlocksRuntime.so", "lib_FoundationICU.so"]
    /// The C libraries, which define every function the catalog's C list names: the only ones whose aliases matter.
    /// (Swift's and Foundation's tables are ten times the C library's; reading them for aliases cost every run,
    /// warm ones included, about 0.15 s.)
    private static let cLibraries = ["libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so"]

    /// The names of each exported function that other exported names share the address of (glibc's `__open`,
    /// `__open64` and `open64` beside `open`; `_IO_popen` beside `popen`): one function, which C code may call by any.
    /// Read from the C libraries only (`cLibraries`).
    package static var aliases: [String: [String]] { cLibrarySymbols.aliases }

    /// Names the runtime libraries read for the names above (path, size, modification time), for cache keys.
    package static let identity: String = {
        loadedLibraries(runtimeLibraries).map(FileStamp.identity(of:)).sorted().joined(separator: ";")
    }()

    private static var exported: Set<String> { runtimeSymbols.names }

    /// Whether the toolchain's Foundation (CoreFoundation's C functions: `_CFOpenFileWithMode`, `CFSocketCreate`) or
    /// Dispatch (`dispatch_io_create_with_path`) exports `name` to C. Read on first use only (their tables are large).
    package static func isFoundationOrDispatchExport(_ name: String) -> Bool { foundationAndDispatchSymbols.contains(name) }

    private static let foundationAndDispatchSymbols = symbols(of: loadedLibraries(["libFoundation", "libdispatch.so", "libBlocksRuntime.so"])).names

    /// Whether one of the C libraries (`cLibraries`) exports `name`: a function the catalog lists must be one of
    /// theirs for its aliases to be found (`CLibraryCatalogTests`).
    package static func isCLibraryExport(_ name: String) -> Bool { cLibrarySymbols.names.contains(name) }

    private static let cLibrarySymbols = symbols(of: loadedLibraries(cLibraries))
    /// Read only when a package's C code is merged (`CLibraryInterposition`), never on a run that reuses its last graph.
    private static let runtimeSymbols = symbols(of: loadedLibraries(runtimeLibraries))

    /// The defined global and weak symbols of `libraries`, and the names that share a function's address.
    private static func symbols(of libraries: [String]) -> (names: Set<String>, aliases: [String: [String]]) {
        var names = Set<String>()
        var byAddress: [String: [String]] = [:]
        for path in libraries {
            guard let library = ELFObject(path: path, mapped: true) else { continue }
            for table in library.sections(ofType: 11 /* SHT_DYNSYM */) {
                for symbol in library.symbols(in: table) where symbol.section != 0 && (symbol.binding == 1 || symbol.binding == 2)
                    && (symbol.type == 1 || symbol.type == 2 || symbol.type == 10) /* object, function, ifunc */ {
                    names.insert(symbol.name)
                    if symbol.type != 1 { byAddress["\(path)|\(symbol.section)|\(symbol.value)", default: []].append(symbol.name) }
                }
            }
        }
        var aliases: [String: [String]] = [:]
        for group in byAddress.values where group.count > 1 {
            let unique = Array(Set(group)).sorted()
            for name in unique { aliases[name, default: []] += unique.filter { $0 != name } }
        }
        return (names, aliases)
    }

    /// The loaded shared objects whose file names start with one of `prefixes`.
    private static func loadedLibraries(_ prefixes: [String]) -> [String] {
        loadedLibraries().filter { path in prefixes.contains(where: { (path as NSString).lastPathComponent.hasPrefix($0) }) }
    }

    /// The paths of the shared objects mapped into this process (`/proc/self/maps`; none elsewhere).
    private static func loadedLibraries() -> [String] {
        // Read to the end: the file says its size is 0, and a reader that trusts the size stops after one page.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps"), let data = try? handle.readToEnd() else { return [] }
        try? handle.close()
        let maps = String(decoding: data, as: UTF8.self)
        var seen = Set<String>()
        return maps.split(separator: "\n").compactMap { line in
            guard let slash = line.firstIndex(of: "/") else { return nil }
            let path = String(line[slash...])
            return path.contains(".so") && seen.insert(path).inserted ? path : nil
        }
    }
}
