import CapCheckSupport
import Foundation

/// Decides which C-family sources libclang must parse. The index records already hold every call and reference
/// between C functions; libclang is needed only for what they lack (inline `asm` and asm labels, raw `syscall`,
/// load-time and alias attributes, C++ dynamic initializers). So each source is first preprocessed with the clang
/// beside libclang (`clang -E`, the same flags: macros expanded, so a trigger behind a macro is seen) and its object
/// file's section table read (`LoadTimeSections`), and a source is parsed only when:
///
/// - a trigger is in its own lines, or in a header it includes inside a block other than a namespace or linkage
///   specification, or is an `alias`/`ifunc` in a header;
/// - its object file has load-time sections, or is missing or unreadable;
/// - it cannot be preprocessed (or is Objective-C, whose `+load` the preprocessor cannot show);
/// - a header of it with triggers is not covered by another parsed source that saw the same lines of that header.
///
/// A skipped source takes the findings in its triggered headers from the parse that covered them
/// (`Decision.skip`). `CAPCHECK_NATIVE_PREFILTER=0` turns the prefilter off (`NativeCodeAnalyzer.usesPrefilter`).
package struct ParsePrefilter: Sendable {
    /// The toolchain's `clang` beside the libclang in use.
    package let clang: URL
    /// The packages' folders: their headers are read even when marked as system headers (`PackageFolders`).
    package private(set) var packageFolders = PackageFolders(roots: [])

    /// This prefilter, reading the headers under `folders` whatever clang calls them.
    package func reading(_ folders: PackageFolders) -> ParsePrefilter {
        var copy = self
        copy.packageFolders = folders
        return copy
    }

    /// The clang beside `libclang` (`…/lib/libclang.so` → `…/bin/clang`), nil when there is none (every source is
    /// then parsed).
    package init?(libclang: String) {
        let library = URL(fileURLWithPath: libclang).resolvingSymlinksInPath()
        let clang = library.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("bin/clang")
        guard FileManager.default.isExecutableFile(atPath: clang.path) else { return nil }
        self.clang = clang
    }

    /// A `clang` on the `PATH` (the Swift toolchain's, normally), for reading `#pragma` bindings when the libclang in
    /// use has no clang beside it (Debian's `libclang-dev`); nil when there is none.
    package static func onPath() -> ParsePrefilter? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let clang = URL(fileURLWithPath: String(folder)).appendingPathComponent("clang")
            if FileManager.default.isExecutableFile(atPath: clang.path) { return ParsePrefilter(clang: clang) }
        }
        return nil
    }

    private init(clang: URL) {
        self.clang = clang
    }

    /// What the prefilter decided for one source.
    package enum Decision: Sendable, Equatable {
        /// libclang parses it; `reason` says why (for `--timings` and tests).
        case parse(reason: String)
        /// Not parsed: the findings in these headers (`path|digest` keys) come from the source that covered each.
        case skip(headers: [String])
    }

    /// What the prefilter saw of one source: its preprocessed triggers (nil when it was not preprocessed), and why it
    /// must be parsed whatever other sources cover (nil when it need not).
    package struct Scan: Sendable {
        package var triggers: PreprocessedTriggers?
        package var mustParse: String?

        package init(triggers: PreprocessedTriggers?, mustParse: String?) {
            self.triggers = triggers
            self.mustParse = mustParse
        }
    }

    /// Reads one source's object file and preprocesses the source.
    /// A source parsed whatever its text says is still preprocessed, for its `#pragma` bindings (libclang shows none).
    package func scan(_ command: ClangCompileCommand) -> Scan {
        let ext = (command.source as NSString).pathExtension
        if ext == "m" || ext == "mm" { return Scan(triggers: preprocess(command), mustParse: "Objective-C (+load)") }
        guard let object = command.output else { return Scan(triggers: preprocess(command), mustParse: "no object file known") }
        switch LoadTimeSections.present(inObjectAt: object) {
        case nil: return Scan(triggers: preprocess(command), mustParse: "object file missing or not ELF")
        case true?: return Scan(triggers: preprocess(command), mustParse: "load-time, linker-bracketed or thread-local sections in its object file")
        case false?: break
        }
        guard let triggers = preprocess(command) else { return Scan(triggers: nil, mustParse: "could not be preprocessed or scanned") }
        return Scan(triggers: triggers, mustParse: triggers.ownParseReason)
    }

    /// The triggers of the source's preprocessed text; nil when `clang -E` fails or the text cannot be scanned.
    private func preprocess(_ command: ClangCompileCommand) -> PreprocessedTriggers? {
        preprocessedText(command).flatMap { PreprocessedTriggers(preprocessed: $0, source: command.source, packageFolders: packageFolders) }
    }

    /// The source's `clang -E` output; nil when clang fails.
    private func preprocessedText(_ command: ClangCompileCommand) -> Data? {
        guard let result = try? ProcessRunner.run(clang, command.arguments + ["-E", "-w", command.source]), result.status == 0 else { return nil }
        return result.stdoutData
    }

    /// Decides for every source: those that must be parsed are; each other one is skipped when every header with
    /// triggers it includes is covered by a parse that saw the same lines of it, else parsed (covering its headers
    /// for the sources after it).
    package static func decide(_ scans: [Scan]) -> [Decision] {
        var covered = Set<String>()
        for scan in scans where scan.mustParse != nil { covered.formUnion(scan.triggers?.triggeredHeaders ?? []) }
        return scans.map { scan in
            if let reason = scan.mustParse { return .parse(reason: reason) }
            let triggers = scan.triggers!
            let needed = triggers.triggeredHeaders
            if let uncovered = needed.first(where: { !covered.contains($0) }) {
                covered.formUnion(triggers.triggeredHeaders)
                return .parse(reason: "covers " + uncovered.split(separator: "|")[0])
            }
            return .skip(headers: needed)
        }
    }
}
