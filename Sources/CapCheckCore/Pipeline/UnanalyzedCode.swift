import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckBuild
import CapCheckCatalog
import CapCheckPolicy
import CapCheckGraph
import CapCheckNativeCode
import CapCheckSwiftSource
import CapCheckBuildTime
import CapCheckChecker
import CapCheckReporters
import Foundation

/// Code of the graph that capcheck cannot see into. Each is reported, never silently passed.
package enum UnanalyzedCode {
    package static func find(in graph: PackageGraph) -> [Unanalyzed] {
        let buildTime = Dictionary(BuildTimeCode(graph: graph).entries.filter { $0.kind != .pluginTool }
            .map { ("\($0.package)/\($0.target.name)", $0) }, uniquingKeysWith: { first, _ in first })
        let settings = graph.packages.flatMap { package in
            package.targets.filter { !$0.isTest }.flatMap { target in
                (target.nativeSettings ?? []).map { Self.entry(for: $0, of: target, in: package) }
            }
        }
        return settings + graph.packages.flatMap { package in
            package.targets.filter { !$0.isTest }.compactMap { target -> Unanalyzed? in
                switch target.kind {
                case .binary:
                    return Unanalyzed(package: package.identity, reason: "\(target.nativeDescription): prebuilt code, no sources to analyse; ffi for \(package.identity) wherever its module is imported, and must be granted explicitly",
                                      kind: .binaryTarget, target: target.name)
                case .systemLibrary:
                    return Unanalyzed(package: package.identity, reason: "\(target.nativeDescription): a library from the system, not analysed; ffi for \(package.identity) wherever its module is imported",
                                      kind: .systemLibrary, target: target.name)
                case .plugin, .macro:
                    guard let entry = buildTime["\(package.identity)/\(target.name)"] else { return nil }
                    return Unanalyzed(package: package.identity, reason: describe(entry), kind: .buildTimeCode, target: target.name)
                case .unknown:
                    return Unanalyzed(package: package.identity, reason: "target \(target.name) of a kind capcheck does not know",
                                      kind: .unknownTarget, target: target.name)
                case .swift, .clang:
                    return nil
                }
            }
        } + graph.packages.flatMap { package in
            package.targets.filter { !$0.isTest && $0.kind == .clang }.flatMap { moduleMapLinks(of: $0, in: package) }
        }
    }

    /// A C target's own module map (`include/module.modulemap`) can say `link "memusage"`: Swift code importing the module
    /// then asks the linker for that library (its object's autolink entries), so the program loads it and runs its
    /// load-time code (found by an evasion sweep). Each library is listed like a `linkedLibrary` setting.
    private static func moduleMapLinks(of target: Target, in package: Package) -> [Unanalyzed] {
        guard let walker = FileManager.default.enumerator(atPath: target.path) else { return [] }
        var entries: [Unanalyzed] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".modulemap") else { continue }
            let path = URL(fileURLWithPath: target.path).appendingPathComponent(relative).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            for library in ModuleMapFile.parse(text).linkedLibraries {
                entries.append(Unanalyzed(package: package.identity, reason: "target \(target.name)'s module map \(relative) links the "
                                          + "library \(library) into every program that imports the module; its code, load-time code "
                                          + "included, is not analysed", kind: .linkedLibrary, target: target.name, file: path))
            }
        }
        return entries
    }

    /// The entry for a `linkedLibrary`, `linkedFramework` or `unsafeFlags` setting.
    private static func entry(for setting: Target.NativeSetting, of target: Target, in package: Package) -> Unanalyzed {
        let values = setting.values.joined(separator: " ")
        switch setting.kind {
        case "unsafeFlags":
            let tool = setting.tool == "linker" ? "the linker" : "the \(setting.tool) compiler"
            return Unanalyzed(package: package.identity, reason: "target \(target.name) gives \(tool) unsafe flags `\(values)`; "
                              + "what they do is not analysed (a flag can rename a symbol, add load-time code or load a compiler plugin)",
                              kind: .unsafeFlags, target: target.name)
        default:
            let what = setting.kind == "linkedFramework" ? "framework" : "library"
            return Unanalyzed(package: package.identity, reason: "target \(target.name) links the \(what) \(values) from the system; "
                              + "its code, load-time code included, is not analysed",
                              kind: .linkedLibrary, target: target.name)
        }
    }

    /// Why a plugin or macro target is not analysed, and whether the build runs it.
    package static func describe(_ entry: BuildTimeCode.Entry) -> String {
        let users = entry.users.prefix(3).joined(separator: ", ") + (entry.users.count > 3 ? ", …" : "")
        switch (entry.kind, entry.runs) {
        case (.commandPlugin, _):
            return "command plugin \(entry.target.name): runs only when invoked with `swift package`, never during the build; not analysed"
        case (.buildToolPlugin, true):
            return "build-tool plugin \(entry.target.name): runs during every build, for \(users) (`build` of \(entry.package)); not analysed"
        case (.macro, true):
            return "macro target \(entry.target.name): runs in the compiler while the build expands its macros, for \(users) (`build` of \(entry.package)); not analysed"
        case (.buildToolPlugin, false), (.pluginTool, false):
            return "build-tool plugin \(entry.target.name): no target the build covers uses it, so the build does not run it; not analysed"
        case (.macro, false):
            return "macro target \(entry.target.name): no target the build covers depends on it, so the build does not run it; not analysed"
        case (.toolFlags, _):
            return "target \(entry.target.name): its unsafe flags make the build load or run a program of the package's choosing "
                + "(`build` of \(entry.package)); not analysed"
        case (.pluginTool, true):
            return "executable \(entry.target.name): run at build time by \(users) (`build` of \(entry.package)); not analysed"
        }
    }
}
