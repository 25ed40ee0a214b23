import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import Foundation

/// Finds a libclang shared library to `dlopen`: `CAPCHECK_LIBCLANG` if set, else the active toolchain's own
/// `usr/lib/libclang.so` (the same clang that compiled the package, so every flag of the build is understood),
/// else a system libclang (Debian's `libclang-dev`): the `libclang*.so*` that `ldconfig -p` lists, then
/// `/usr/lib/llvm-*/lib/libclang*.so*`, newest version first.
public enum LibClangLocator {
    public static let overrideVariable = "CAPCHECK_LIBCLANG"

    public static func locate(toolchain: Toolchain,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let override = EnvironmentOverride(overrideVariable, in: environment) {
            return try override.file(expected: "the path of a libclang shared library (libclang.so)",
                                     otherwise: "use the toolchain's own libclang.so or the system's (libclang-dev)")
        }
        let bundled = toolchain.libraryDirectory.appendingPathComponent("libclang.so").path
        if FileManager.default.fileExists(atPath: bundled) { return bundled }
        guard let found = systemLibraries().first else {
            throw CapCheckError(.toolchain, """
                no libclang found (needed to analyse the package's C, C++ and Objective-C targets): not in \
                \(toolchain.libraryLocation), not known to ldconfig, not under /usr/lib/llvm-*; \
                install libclang-dev (`apt-get install libclang-dev`) or set \(overrideVariable) to a libclang.so
                """)
        }
        return found
    }

    /// `-resource-dir <dir>` for a libclang: the `clang/<version>` folder beside the library (after following
    /// links) that holds clang's own headers (`stddef.h`). Not every libclang finds it by itself (the Swift
    /// toolchain's does not); none when there is no such folder.
    public static func resourceArguments(forLibrary path: String) -> [String] {
        let folder = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("clang")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/include/stddef.h").path) }
            .sorted { $0.compare($1, options: .numeric) == .orderedDescending }
        return versions.first.map { ["-resource-dir", folder.appendingPathComponent($0).path] } ?? []
    }

    /// The system's libclang libraries that exist, best first (Debian's `libclang-dev`).
    public static func systemLibraries() -> [String] {
        systemCandidates(ldconfigListing: ldconfigListing(), llvmRoots: llvmRoots()).filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// System libclang paths, best first: from an `ldconfig -p` listing, then from `llvm-*` folders.
    /// `libclang-cpp` (the C++ library) is not libclang.
    package static func systemCandidates(ldconfigListing: String, llvmRoots: [String]) -> [String] {
        var fromLdconfig: [String] = []
        for line in ldconfigListing.split(separator: "\n") {
            guard let arrow = line.range(of: "=> ") else { continue }
            let name = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            guard isLibClang(name) else { continue }
            fromLdconfig.append(String(line[arrow.upperBound...]).trimmingCharacters(in: .whitespaces))
        }
        var fromRoots: [String] = []
        for root in llvmRoots {
            let lib = root + "/lib"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []
            fromRoots += names.filter(isLibClang).sorted(by: { $0.count < $1.count }).map { lib + "/" + $0 }
        }
        return (fromLdconfig.sorted(by: newestFirst) + fromRoots)
    }

    /// `libclang.so`, `libclang.so.1`, `libclang-14.so.13`; not `libclang-cpp.so.14` or `libclangAST.a`.
    package static func isLibClang(_ name: String) -> Bool {
        guard name.hasPrefix("libclang"), name.contains(".so") else { return false }
        let rest = name.dropFirst("libclang".count)
        return rest.hasPrefix(".so") || (rest.hasPrefix("-") && rest.dropFirst().first?.isNumber == true)
    }

    /// Orders paths by the first version number in their file name, highest first.
    private static func newestFirst(_ lhs: String, _ rhs: String) -> Bool {
        func version(_ path: String) -> Int {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return Int(name.drop(while: { !$0.isNumber }).prefix(while: \.isNumber)) ?? 0
        }
        return version(lhs) > version(rhs)
    }

    private static func ldconfigListing() -> String {
        for candidate in ["/sbin/ldconfig", "/usr/sbin/ldconfig"] where FileManager.default.isExecutableFile(atPath: candidate) {
            if let result = try? ProcessRunner.run(URL(fileURLWithPath: candidate), ["-p"]), result.status == 0 {
                return result.stdout
            }
        }
        return ""
    }

    /// `/usr/lib/llvm-<version>` folders, highest version first.
    private static func llvmRoots() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? []
        return names.filter { $0.hasPrefix("llvm-") }
            .sorted { (Int($0.dropFirst(5).prefix(while: \.isNumber)) ?? 0) > (Int($1.dropFirst(5).prefix(while: \.isNumber)) ?? 0) }
            .map { "/usr/lib/" + $0 }
    }
}
