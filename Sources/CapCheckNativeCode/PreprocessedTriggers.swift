import CapCheckSupport
import CPreprocessedScan
import Foundation

/// What a preprocessed C-family source (`clang -E` output, with its line markers) shows of the constructs only
/// libclang reads: inline `asm` and asm labels, raw `syscall`, `dlsym` (for the name it looks up), and the attributes that make code run at load time
/// or under another name (`constructor`, `destructor`, `ifunc`, `alias`, `section`, `weak`, `weakref`,
/// `init_priority`, in `__attribute__((…))` or `[[…]]`; `#pragma weak` and `#pragma redefine_extname`, whose bindings
/// are read here, since libclang shows none of them). Macros are expanded by then, so a trigger spelt through a
/// macro (`#define ASM __asm__`), built by token pasting or passed on the command line (`-D`) is seen where it is
/// used. Code of system headers (line-marker flag 3) outside the packages' folders is not looked at: libclang's pass
/// skips it too (a package's own header marked `#pragma GCC system_header` is read). The trigger
/// words are listed once, in `CPreprocessedScan.c`.
///
/// The scan is by file: the source's own lines, and per header a digest of every line it contributed (with the line
/// numbers) and of the blocks it was included in (`extern "C" {`, `namespace x {`), so that a header with the same
/// digest in two sources is known to hold the same definitions in both.
package struct PreprocessedTriggers: Sendable {
    /// The triggers found in the source itself (or in `<built-in>`/`<command line>` text), with their line.
    package var own: [Trigger] = []
    /// Per non-system header (standardized path) with triggers or included inside a block: its digest, whether every
    /// inclusion of it stood outside any block but namespaces and linkage specifications, and the triggers in it.
    package var headers: [String: Header] = [:]

    package struct Trigger: Sendable, Hashable {
        package let word: String
        package let line: Int

        package init(word: String, line: Int) {
            self.word = word
            self.line = line
        }
    }

    /// What a `#pragma weak A = B` or `#pragma redefine_extname A B` binds: the name `A` to the symbol `B`, written at
    /// `line` of `file` (nil: the source itself). `#pragma weak A` alone binds nothing.
    package struct PragmaBinding: Sendable, Hashable {
        package enum Kind: Sendable, Hashable {
            /// `#pragma weak A = B`: `A` is a weak alias of the definition `B`.
            case weakAlias
            /// `#pragma redefine_extname A B`: a call of `A` links to the external symbol `B` (as an asm label does).
            case externalName
        }
        package let kind: Kind
        package let name: String
        package let target: String
        package let file: String?
        package let line: Int

        package init(kind: Kind, name: String, target: String, file: String?, line: Int) {
            self.kind = kind
            self.name = name
            self.target = target
            self.file = file
            self.line = line
        }
    }

    /// The name bindings of `#pragma weak` and `#pragma redefine_extname` in the source's own lines; a header's are kept
    /// once per content in `PragmaBindingStore` (BoringSSL's prefix header, included by every one of its sources, has
    /// thousands), under the header's `triggered` key.
    package var ownPragmaBindings: [PragmaBinding] = []

    /// Every binding the source sees: its own, and those of the headers it includes.
    package var pragmaBindings: [PragmaBinding] {
        ownPragmaBindings + triggered.flatMap { PragmaBindingStore.shared.bindings(ofHeader: $0.key) }
    }

    /// The size of the preprocessed text: how long libclang will take over the source, roughly (BoringSSL's `bcm.cc`,
    /// which includes a hundred sources, is parsed longest).
    package var preprocessedBytes = 0

    /// Every non-system header the source entered (standardized path).
    package var seenHeaders: Set<String> = []

    package struct Header: Sendable {
        /// The SHA-256 of the header's lines and of the blocks it was entered in, for a header with triggers.
        package var digest = ""
        package var atTopLevel = true
        /// Whether some inclusion of it stood inside a block (a namespace or linkage specification included).
        package var insideBlocks = false
        /// Each trigger word found in the header, at its first line.
        package var triggers: [Trigger] = []
        /// How many of `returns` came before the header's last line.
        package var returnsBefore = 0
    }

    /// Each line marker that returns to the source itself (after an `#include`), in order: the source's line it names
    /// (the one after the directive), whether the text stands there at file scope between statements, and the marker's
    /// byte offset in the preprocessed text.
    package var returns: [(line: Int, clean: Bool, offset: Int)] = []
    /// Whether the source includes itself (then a line of it can mean several things, and no cut is made).
    package var includesItself = false
    /// Whether a `#line` directive names another file: lines are then named as another file's, so the source is
    /// parsed itself and every file's findings kept (an evasion sweep's `#line 1 "k.h"` before the source's own `asm`
    /// made it pass for a covered header's).
    package var renamesLines = false

    /// Where a parse that needs only the lines of `paths` (headers of `headers`) can stop: after the source's `line`,
    /// whose `#include` is the first at file scope that returns to the source after the last line of any of them, at
    /// `offset` of the preprocessed text. nil when there is no such place.
    package func cut(after paths: some Sequence<String>) -> (line: Int, offset: Int)? {
        var needed = 0
        for path in paths {
            guard let header = headers[path] else { return nil }
            needed = max(needed, header.returnsBefore)
        }
        guard !includesItself, needed < returns.count, let found = returns[needed...].first(where: \.clean), found.line > 1 else { return nil }
        return (found.line - 1, found.offset)
    }

    /// Scans `clang -E` output of `source` (the lexer is `CPreprocessedScan`, in C so that debug builds scan fast).
    /// nil when out of memory.
    package init?(preprocessed bytes: some ContiguousBytes, source: String, packageFolders: PackageFolders = PackageFolders(roots: [])) {
        let roots = packageFolders.roots.map { strdup($0) }
        defer { roots.forEach { free($0) } }
        let scanned = roots.map { UnsafePointer($0) }.withUnsafeBufferPointer { rootList in
            bytes.withUnsafeBytes { capcheck_pp_scan($0.bindMemory(to: UInt8.self).baseAddress, $0.count, rootList.baseAddress, rootList.count) }
        }
        guard let result = scanned else { return nil }
        defer { capcheck_pp_free(result) }
        preprocessedBytes = bytes.withUnsafeBytes(\.count)
        let sourcePath = PathText.standardized(source)
        let scan = result.pointee
        // Per file of a line marker: the header's path, nil for the source itself and `<built-in>`/`<command line>`.
        let paths: [String?] = (0..<scan.file_count).map { index in
            let name = String(cString: scan.files[index].name)
            guard !name.hasPrefix("<") else { return nil }
            let path = Self.standardized(name)
            return path == sourcePath ? nil : path
        }
        // The words are the C lexer's static strings: one Swift string each. A header keeps each word once (its first
        // line): which words it has is all that is asked of it, and BoringSSL's prefix header, which every one of its
        // sources includes, has thousands of one pragma.
        var words: [UnsafePointer<CChar>: String] = [:]
        var headerWords: [String: Set<String>] = [:]
        // The lines of the files with pragma triggers, by number (BoringSSL's prefix header has thousands of them).
        var lines: [Int: [Int: Substring]] = [:]
        var headerBindings: [String: [PragmaBinding]] = [:]
        func bind(_ trigger: capcheck_pp_trigger) {
            let fileIndex = Int(trigger.file)
            if lines[fileIndex] == nil {
                let file = scan.files[fileIndex]
                let text = String(decoding: UnsafeRawBufferPointer(start: file.text, count: file.text_count), as: UTF8.self)
                var numbered: [Int: Substring] = [:]
                for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
                    guard let colon = line.firstIndex(of: UInt8(ascii: ":")), let number = Int(Substring(line[..<colon])) else { continue }
                    numbered[number] = Substring(line[line.index(after: colon)...])
                }
                lines[fileIndex] = numbered
            }
            guard let line = lines[fileIndex]?[trigger.line],
                  let binding = Self.binding(line, file: paths[fileIndex], line: trigger.line) else { return }
            if let header = binding.file { headerBindings[header, default: []].append(binding) } else { ownPragmaBindings.append(binding) }
        }
        // The pragma triggers, bound once the headers' digests are known: a header whose bindings are already kept
        // under its `path|digest` is not read again.
        var pragmas: [capcheck_pp_trigger] = []
        for index in 0..<scan.trigger_count {
            let trigger = scan.triggers[index]
            let word = words[trigger.word] ?? String(cString: trigger.word)
            words[trigger.word] = word
            if trigger.file >= 0, word.hasPrefix("pragma ") { pragmas.append(trigger) }
            let found = Trigger(word: word, line: trigger.line)
            if trigger.file >= 0, let path = paths[trigger.file] {
                guard headerWords[path, default: []].insert(word).inserted else { continue }
                headers[path, default: Header()].triggers.append(found)
            } else {
                own.append(found)
            }
        }
        for index in 0..<scan.enter_count {
            let enter = scan.enters[index]
            guard let path = paths[enter.file] else { continue }
            seenHeaders.insert(path)
            if enter.benign == 0 { headers[path, default: Header()].atTopLevel = false }
            if enter.blocks > 0 { headers[path, default: Header()].insideBlocks = true }
        }
        // Only the headers with triggers need an identity: their lines, hashed in the order they came.
        var hashers: [String: SHA256] = [:]
        for index in 0..<scan.file_count {
            guard let path = paths[index], headers[path]?.triggers.isEmpty == false, scan.files[index].is_system == 0 else { continue }
            let file = scan.files[index]
            hashers[path, default: SHA256()].update(bytes: UnsafeRawBufferPointer(start: file.text, count: file.text_count))
        }
        for (path, var hasher) in hashers { headers[path]!.digest = hasher.hexDigest() }
        includesItself = scan.main_reentered != 0
        renamesLines = scan.renamed != 0
        returns = (0..<scan.return_count).map { (Int(scan.returns[$0].line), scan.returns[$0].clean != 0, Int(scan.returns[$0].offset)) }
        for index in 0..<scan.file_count {
            guard let path = paths[index], headers[path] != nil else { continue }
            headers[path]!.returnsBefore = max(headers[path]!.returnsBefore, Int(scan.files[index].returns_before))
        }
        var known: [Int: Bool] = [:]
        for trigger in pragmas {
            let fileIndex = Int(trigger.file)
            if let path = paths[fileIndex], let header = headers[path] {
                let isKnown = known[fileIndex] ?? PragmaBindingStore.shared.contains(path + "|" + header.digest)
                known[fileIndex] = isKnown
                if isKnown { continue }
                if headerBindings[path] == nil { headerBindings[path] = [] }  // kept even when it binds nothing
            }
            bind(trigger)
        }
        for (path, bindings) in headerBindings where headers[path] != nil {
            PragmaBindingStore.shared.keep(bindings, ofHeader: path + "|" + headers[path]!.digest)
        }
    }

    /// `PathText.standardized` of a line marker's file name, remembered for the process: every source of a target
    /// names the same headers, often through `..` (`crypto/bio/../internal.h`, the C++ library's `12/../../..`),
    /// which only `URL` standardises, resolving symbolic links on the way.
    private static func standardized(_ name: String) -> String {
        if let known = standardizedNames.withLock({ $0[name] }) { return known }
        let path = PathText.standardized(name)
        standardizedNames.withLock { $0[name] = path }
        return path
    }

    private static let standardizedNames = Locked<[String: String]>([:])

    /// The binding a preprocessed `#pragma` line makes, if any.
    package static func binding(_ text: Substring, file: String?, line: Int) -> PragmaBinding? {
        let words = text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiWords(text) : words(text)
        guard words.count >= 4, words[0] == "pragma" else { return nil }
        switch words[1] {
        case "weak" where words.count == 5 && words[3] == "=":
            return PragmaBinding(kind: .weakAlias, name: words[2], target: words[4], file: file, line: line)
        case "redefine_extname" where words.count == 4:
            return PragmaBinding(kind: .externalName, name: words[2], target: words[3], file: file, line: line)
        default:
            return nil
        }
    }

    /// The words of a pragma line: runs of letters, digits, `_` and `$`, and each `=`; nothing else.
    private static func words(_ text: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "_" || character == "$" {
                current.append(character)
                continue
            }
            if !current.isEmpty { words.append(current); current = "" }
            if character == "=" { words.append("=") }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `words(_:)` of an ASCII line, byte by byte (BoringSSL's prefix header has thousands of pragma lines, and
    /// `Character`'s letter test looks up Unicode properties).
    private static func asciiWords(_ text: Substring) -> [String] {
        var words: [String] = []
        var start: Substring.UTF8View.Index?
        let bytes = text.utf8
        for index in bytes.indices {
            let byte = bytes[index]
            let isWord = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
            if isWord {
                if start == nil { start = index }
                continue
            }
            if let first = start { words.append(String(Substring(bytes[first..<index]))); start = nil }
            if byte == UInt8(ascii: "=") { words.append("=") }
        }
        if let first = start { words.append(String(Substring(bytes[first...]))) }
        return words
    }

    /// The headers whose triggers make them matter: each path with its `path|digest` key, by key.
    package var triggered: [(path: String, key: String)] {
        headers.filter { !$0.value.triggers.isEmpty }.map { ($0.key, $0.key + "|" + $0.value.digest) }.sorted { $0.key < $1.key }
    }

    /// The `path|digest` keys of `triggered`.
    package var triggeredHeaders: [String] { triggered.map(\.key) }


    /// Triggers whose meaning in a header depends on what the including source declares before it, so a header holding
    /// one is read with each source that includes it: `alias`, `ifunc` and `#pragma weak` bind a name to a symbol
    /// resolved among the source's own functions; `cleanup(f)` names a function the source may declare (a `static`
    /// one of its own); `syscall`'s number and `dlsym`'s name may be the source's constants (`enum { nr = SYS_mkdir }`).
    /// Two sources with the same header lines then differ (the twenty-fourth sweep's: one harmless source covered the
    /// other, whose `mkdir` went unseen). `#pragma clang attribute push` gives its attributes to the including source's
    /// declarations after the header (the fortieth sweep's made the source's own function `weak`). `#pragma
    /// redefine_extname` names the symbol itself: a covering parse will do.
    static let dependsOnIncludingSource: Set<String> = ["alias", "ifunc", "pragma weak", "cleanup", "syscall", "dlsym", "dlvsym",
                                                        "pragma clang attribute"]

    /// The trigger the lexer adds beside `asm` where it starts a declaration at file scope.
    static let fileScopeAsm = "file-scope asm"

    /// Why this source must be parsed itself, nil when another source's parse can stand in for it: a trigger in the
    /// source's own lines, in a header included inside a block other than a namespace or linkage specification (its
    /// definitions then depend on what encloses them), or an `alias`/`ifunc` in a header (its target is resolved by
    /// name among the source's own functions).
    package var ownParseReason: String? {
        if let first = own.first { return "\(first.word) at line \(first.line)" }
        if renamesLines { return "a #line directive names another file" }
        for (path, header) in headers.sorted(by: { $0.key < $1.key }) {
            if let reason = Self.ownParseReason(of: header, at: path) { return reason }
        }
        return nil
    }

    /// Why a header with triggers makes each source that includes it parse itself, nil when another source's parse can
    /// stand for it (and for a header without triggers).
    package static func ownParseReason(of header: Header, at path: String) -> String? {
        guard let first = header.triggers.first else { return nil }
        if !header.atTopLevel { return "\(first.word) in \(path), included inside a block" }
        if let alias = header.triggers.first(where: { dependsOnIncludingSource.contains($0.word) }) { return "\(alias.word) in \(path)" }
        // File-scope `asm` (`.symver tidy, mkdir@GLIBC_2.2.5`) is part of every object that includes the header: each
        // source's object calls are compared with its own code (`ObjectCallEdges`; the benchmark's prefilter-less run
        // found one a covering parse dropped).
        if header.triggers.contains(where: { $0.word == fileScopeAsm }) { return "file-scope asm in \(path)" }
        return nil
    }
}

/// The `#pragma` bindings of headers, once per header content (`path|digest`): every source that includes a header
/// sees the same ones, so a scan keeps only the key. Shared by the whole process; content-keyed, so never stale.
package final class PragmaBindingStore: Sendable {
    package static let shared = PragmaBindingStore()
    private let byHeader = Locked<[String: [PreprocessedTriggers.PragmaBinding]]>([:])

    func keep(_ bindings: [PreprocessedTriggers.PragmaBinding], ofHeader key: String) {
        byHeader.withLock { if $0[key] == nil { $0[key] = bindings } }
    }

    /// Whether the bindings of the header with this `path|digest` key are kept.
    func contains(_ key: String) -> Bool {
        byHeader.withLock { $0[key] != nil }
    }

    package func bindings(ofHeader key: String) -> [PreprocessedTriggers.PragmaBinding] {
        byHeader.withLock { $0[key] ?? [] }
    }
}
