import CapCheckSupport
import CapCheckModel
import CapCheckPackageGraph
import Foundation

/// Swift imports a C-family target's public headers (its `include` folder) through a module map and calls their
/// inline functions and asm-labelled declarations directly, though no C source need include those headers, and then
/// no index record holds them. So each such target gets one more source for the libclang pass: a file under
/// `<scratch>/capcheck/native/public-headers/` that includes every public header, compiled with the flags of one of
/// the target's compiled sources. It is always parsed (never skipped by the prefilter: it has no object file) and
/// keeps libclang's references (nothing else holds them). Its cache key covers every file of the target's package and
/// of every package folder on its include path (a header can include a file of any name, `cdep_impl.inl`: the eleventh
/// sweep's kept a stale result for one), but the sources the build compiles (an edit to one of them must not parse the
/// headers again; a header that includes a compiled source is not followed across runs).
///
/// One value serves every target of a plan: a package with several C targets (swift-nio has ten) is listed once, not
/// once per target, on every run (the plan is made on warm runs too).
struct PublicHeaderUnits {
    static let headerExtensions: Set<String> = ["h", "hh", "hpp", "hxx", "H"]

    /// The files under each folder listed so far.
    private var listings: [String: [String]] = [:]
    /// The build's products folder (`<scratch>/debug`), where SwiftPM writes each C target's module map.
    var productsFolder: URL?

    /// The source for `target`'s public headers, compiled like `command`, and the files its result depends on; nil
    /// when the target has no public header.
    mutating func unit(for target: Target, in package: Package, like command: ClangCompileCommand, folder: URL, graph: PackageGraph,
                       compiled: Set<String>) throws -> (command: ClangCompileCommand, inputs: [(path: String, isSystem: Bool)])? {
        let root = graph.root.path
        let headers = files(under: publicHeadersFolder(of: target), root: root).filter { Self.headerExtensions.contains(($0 as NSString).pathExtension) }
        guard !headers.isEmpty else { return nil }
        let language = (command.source as NSString).pathExtension
        let ext = ["cc", "cpp", "cxx", "c++"].contains(language) ? "cpp" : language == "mm" ? "mm" : language == "m" ? "m" : "c"
        let source = folder.appendingPathComponent("\(package.identity)-\(target.moduleName).\(ext)").standardizedFileURL.path
        let text = "/* capcheck: the public headers of target \(target.name) of \(package.identity) */\n"
            + headers.map { "#include \"\($0)\"\n" }.joined()
        if (try? String(contentsOfFile: source, encoding: .utf8)) != text {
            // A source capcheck cannot write (a full disk, a folder in its place) would parse as the package's errors
            // and pass (a robustness sweep's): a tool error instead.
            do {
                if FileStamp.isDirectory(source) { try FileManager.default.removeItem(atPath: source) }
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: source), options: .atomic)
            } catch {
                throw CapCheckError(.io, "cannot write \(source), the source capcheck parses for the public headers of target "
                                    + "\(target.name) of \(package.identity): \(error.localizedDescription); free some space or "
                                    + "make the scratch folder writable")
            }
        }
        var inputs = Set(files(under: package.path, root: root))
        let packagePaths = graph.packages.map { $0.path.hasSuffix("/") ? $0.path : $0.path + "/" }
        for directory in Self.includeDirectories(command.arguments)
        where !directory.hasPrefix(package.path + "/") && packagePaths.contains(where: { directory.hasPrefix($0) }) {
            inputs.formUnion(files(under: directory, root: root))
        }
        let unit = ClangCompileCommand(source: source, arguments: command.arguments, output: nil, hidingIncludes: command.hidingIncludes)
        return (unit, [(source, false)] + inputs.subtracting(compiled).sorted().map { ($0, false) })
    }

    /// The folder of a target's public headers: the one the module map SwiftPM wrote for it names (`umbrella "…/public"`
    /// for `publicHeadersPath: "public"`: the twenty-seventh sweep's header, which only Swift imported, was not read),
    /// else `include`.
    func publicHeadersFolder(of target: Target) -> String {
        let include = URL(fileURLWithPath: target.path).appendingPathComponent("include").path
        guard let productsFolder,
              let text = try? String(contentsOf: productsFolder.appendingPathComponent("\(target.moduleName).build/module.modulemap"), encoding: .utf8),
              let umbrella = ModuleMapFile.parse(text).umbrella else { return include }
        let named = URL(fileURLWithPath: umbrella.path, relativeTo: productsFolder).standardizedFileURL
        let folder = umbrella.isHeader ? named.deletingLastPathComponent().path : named.path
        // Only a folder of the target's own: a module map is the build's file, not a way to read elsewhere.
        return folder == target.path || folder.hasPrefix(target.path.hasSuffix("/") ? target.path : target.path + "/") ? folder : include
    }

    /// The folders of `-I`, `-iquote` and `-isystem` options.
    private static func includeDirectories(_ arguments: [String]) -> [String] {
        var found: [String] = []
        for (index, argument) in arguments.enumerated() {
            for flag in ["-I", "-iquote", "-isystem"] where argument.hasPrefix(flag) {
                let value = argument == flag ? (index + 1 < arguments.count ? arguments[index + 1] : "") : String(argument.dropFirst(flag.count))
                if !value.isEmpty { found.append(URL(fileURLWithPath: value).standardizedFileURL.path) }
            }
        }
        return found
    }

    /// The files under `folder`, listed once; the build folders of the root package (at `root`) are left out.
    private mutating func files(under folder: String, root: String) -> [String] {
        if let known = listings[folder] { return known }
        let path = URL(fileURLWithPath: folder).standardizedFileURL.path
        let found = DirectoryListing.files(under: path, extensions: nil,
                                           skippingBuildFolders: (path + "/").hasPrefix(root.hasSuffix("/") ? root : root + "/"))
        listings[folder] = found
        return found
    }
}
