import CapCheckSupport
import Foundation

/// What a preprocessed C-family source (`clang -E` output, with its line markers) shows of the constructs only
/// libclang reads: inline `asm` and asm labels, raw `syscall`, and the attributes that make code run at load time
/// or under another name (`constructor`, `destructor`, `ifunc`, `alias`, `section`, `weak`, `weakref`,
/// `init_priority`, in `__attribute__((…))` or `[[…]]`). Macros are expanded by then, so a trigger spelt through a
/// macro (`#define ASM __asm__`), built by token pasting or passed on the command line (`-D`) is seen where it is
/// used. Code of system headers (line-marker flag 3) is not looked at: libclang's pass skips it too.
///
/// The scan is by file: the source's own lines, and per header a digest of every line it contributed (with the line
/// numbers) and of the blocks it was included in (`extern "C" {`, `namespace x {`), so that a header with the same
/// digest in two sources is known to hold the same definitions in both.
package struct PreprocessedTriggers: Sendable {
    /// The triggers found in the source itself (or in `<built-in>`/`<command line>` text), with their line.
    package var own: [Trigger] = []
    /// Per non-system header (standardized path): its digest, whether every inclusion of it stood outside any block
    /// but namespaces and linkage specifications, and the triggers in it.
    package var headers: [String: Header] = [:]

    package struct Trigger: Sendable, Hashable {
        package let word: String
        package let line: Int

        package init(word: String, line: Int) {
            self.word = word
            self.line = line
        }
    }

    package struct Header: Sendable {
        package var digest = ""
        package var atTopLevel = true
        package var triggers: [Trigger] = []
    }

    /// The words that are triggers wherever they appear (as identifiers).
    static let keywords: Set<String> = ["asm", "__asm", "__asm__", "syscall"]
    /// The attribute names that are triggers inside an attribute list (`__x__` spellings are read as `x`).
    static let attributes: Set<String> = ["constructor", "destructor", "ifunc", "alias", "section", "weak", "weakref", "init_priority"]

    /// Scans `clang -E` output of `source`.
    package init(preprocessed bytes: [UInt8], source: String) {
        let sourcePath = URL(fileURLWithPath: source).standardizedFileURL.path
        var hashers: [String: SHA256] = [:]
        var paths: [String: String] = [:]
        func header(_ file: String) -> String? {
            guard !file.hasPrefix("<") else { return nil }
            let path = paths[file] ?? URL(fileURLWithPath: file).standardizedFileURL.path
            paths[file] = path
            return path == sourcePath ? nil : path
        }
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = PreprocessedScanner(bytes: buffer)
            scanner.run { event in
                switch event {
                case let .enter(file, context, benign):
                    guard let path = header(file) else { return }
                    hashers[path, default: SHA256()].update(field: "enter " + context)
                    if !benign { headers[path, default: Header()].atTopLevel = false }
                case let .line(file, line, text):
                    guard let path = header(file) else { return }
                    hashers[path, default: SHA256()].update(field: String(line))
                    hashers[path]!.update(bytes: UnsafeRawBufferPointer(text))
                case let .trigger(file, line, word):
                    if let path = file.flatMap(header) {
                        headers[path, default: Header()].triggers.append(Trigger(word: word, line: line))
                    } else {
                        own.append(Trigger(word: word, line: line))
                    }
                }
            }
        }
        for (path, var hasher) in hashers { headers[path, default: Header()].digest = hasher.hexDigest() }
    }

    /// The headers whose triggers make them matter, as `path|digest` keys.
    package var triggeredHeaders: [String] {
        headers.filter { !$0.value.triggers.isEmpty }.map { $0.key + "|" + $0.value.digest }.sorted()
    }

    /// Every header as a `path|digest` key (what a parse of this source covers).
    package var headerKeys: [String] { headers.map { $0.key + "|" + $0.value.digest }.sorted() }

    /// Why this source must be parsed itself, nil when another source's parse can stand in for it: a trigger in the
    /// source's own lines, in a header included inside a block other than a namespace or linkage specification (its
    /// definitions then depend on what encloses them), or an `alias`/`ifunc` in a header (its target is resolved by
    /// name among the source's own functions).
    package var ownParseReason: String? {
        if let first = own.first { return "\(first.word) at line \(first.line)" }
        for (path, header) in headers.sorted(by: { $0.key < $1.key }) where !header.triggers.isEmpty {
            if !header.atTopLevel { return "\(header.triggers[0].word) in \(path), included inside a block" }
            if let alias = header.triggers.first(where: { ["alias", "ifunc"].contains($0.word) }) { return "\(alias.word) in \(path)" }
        }
        return nil
    }
}

/// A byte-level lexer of preprocessed C, C++ and Objective-C. It follows the line markers (`# <line> "<file>" <flags>`)
/// and lexes only lines outside system headers: identifiers, string and character literals (their content is never
/// an identifier), C++ raw strings, pp-numbers (`1'000`), braces (with what opened each) and attribute lists.
private struct PreprocessedScanner {
    enum Event {
        /// A non-system file is entered, inside the blocks `context` names; `benign` when they are only namespaces and
        /// linkage specifications.
        case enter(file: String, context: String, benign: Bool)
        /// One line of a non-system file, not blank, with `__FILE__` strings (the file's name as the marker spells it,
        /// which differs with the path it was included by) written as `__FILE__`.
        case line(file: String, line: Int, text: UnsafeBufferPointer<UInt8>)
        case trigger(file: String?, line: Int, word: String)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var file: String?
    /// The file's name as the last line marker spelt it.
    private var fileSpelling: [UInt8] = []
    private var isSystem = false
    private var line = 0
    /// The open blocks: what opened each (the text since the previous `;`, `{` or `}`) and whether it is benign.
    private var blocks: [(opener: String, benign: Bool)] = []
    /// The text since the previous `;`, `{` or `}` (at most 256 bytes).
    private var sinceBoundary: [UInt8] = []
    /// Inside `__attribute__((…))`: the parenthesis depth that closes it; inside `[[…]]`: -1.
    private var attributeParens: Int?
    private var parens = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func run(_ emit: (Event) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var normalized: [UInt8] = []
        while start < bytes.count {
            var end = bytes.count
            if let found = memchr(base + start, 0x0A, bytes.count - start) { end = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base }
            let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !lineMarker(text, emit) {
                if !isSystem {
                    normalized.removeAll(keepingCapacity: true)
                    lex(text, normalized: &normalized, emit)
                    // Blank lines are left out: clang writes a run of them or a line marker, depending on what came before.
                    if let file, normalized.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                        normalized.withUnsafeBufferPointer { emit(.line(file: file, line: line, text: $0)) }
                    }
                }
                line += 1
            }
            start = end + 1
        }
    }

    /// `# <line> "<file>" <flags>`: sets the file and line of what follows; reports entering a non-system file.
    private mutating func lineMarker(_ text: UnsafeBufferPointer<UInt8>, _ emit: (Event) -> Void) -> Bool {
        guard text.count > 2, text[0] == 0x23, text[1] == 0x20, text[2] >= 0x30 && text[2] <= 0x39 else { return false }
        var index = 2, number = 0
        while index < text.count, text[index] >= 0x30 && text[index] <= 0x39 { number = number * 10 + Int(text[index] - 0x30); index += 1 }
        while index < text.count && text[index] != 0x22 { index += 1 }
        let open = index
        index += 1
        var name: [UInt8] = []
        while index < text.count && text[index] != 0x22 {
            if text[index] == 0x5C && index + 1 < text.count { index += 1 }
            name.append(text[index])
            index += 1
        }
        guard open < text.count, index < text.count else { return false }
        let flags = text[(index + 1)...].split(separator: 0x20)
        let wasSystem = isSystem
        line = number
        file = String(decoding: name, as: UTF8.self)
        fileSpelling = name
        isSystem = flags.contains { $0.elementsEqual([0x33]) }
        if flags.contains(where: { $0.elementsEqual([0x31]) }), !isSystem, let file {
            // Entered from a system header, the blocks around it are not known: not benign.
            emit(.enter(file: file, context: blocks.map(\.opener).joined(separator: " { "),
                        benign: !wasSystem && blocks.allSatisfy(\.benign)))
        }
        return true
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte == 0x24 || byte >= 0x80
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39) }

    /// Lexes one line, appending its text with `__FILE__` strings normalized to `normalized`.
    private mutating func lex(_ text: UnsafeBufferPointer<UInt8>, normalized: inout [UInt8], _ emit: (Event) -> Void) {
        var index = 0
        var copied = 0  // text before this is in `normalized`
        var boundary = 0  // where this line's part of `sinceBoundary` starts
        func keep(upTo end: Int) {
            if sinceBoundary.count < 256 { sinceBoundary.append(contentsOf: text[boundary..<min(end, boundary + 256 - sinceBoundary.count)]) }
        }
        while index < text.count {
            let byte = text[index]
            if Self.isIdentifierStart(byte) {
                var end = index + 1
                while end < text.count && Self.isIdentifierByte(text[end]) { end += 1 }
                // Words are made only where they can matter: every trigger and raw-string prefix is 1 to 17 bytes long.
                if end - index <= 17 {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: text[index..<end]), as: UTF8.self)
                    if end < text.count && text[end] == 0x22 && ["R", "LR", "uR", "UR", "u8R"].contains(word) {
                        index = rawString(text, from: end)
                        continue
                    }
                    identifier(word, emit)
                }
                index = end
            } else if byte >= 0x30 && byte <= 0x39 || (byte == 0x2E && index + 1 < text.count && text[index + 1] >= 0x30 && text[index + 1] <= 0x39) {
                index = number(text, from: index)
            } else if byte == 0x22 || byte == 0x27 {
                let end = quoted(text, from: index, quote: byte)
                if byte == 0x22, end - index == fileSpelling.count + 2, text[(index + 1)..<(end - 1)].elementsEqual(fileSpelling) {
                    normalized.append(contentsOf: text[copied..<index])
                    normalized.append(contentsOf: Array("__FILE__".utf8))
                    copied = end
                }
                index = end
            } else {
                switch byte {
                case 0x7B:  // {
                    keep(upTo: index)
                    let opener = String(decoding: sinceBoundary, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
                    let benign = opener.hasPrefix("namespace") || opener.hasPrefix("inline namespace") || opener.hasPrefix("extern \"")
                    blocks.append((opener, benign))
                    sinceBoundary.removeAll(keepingCapacity: true)
                    boundary = index + 1
                case 0x7D, 0x3B:  // } ;
                    if byte == 0x7D, !blocks.isEmpty { blocks.removeLast() }
                    sinceBoundary.removeAll(keepingCapacity: true)
                    boundary = index + 1
                case 0x28: parens += 1
                case 0x29:
                    parens = max(0, parens - 1)
                    if let open = attributeParens, open >= 0, parens <= open { attributeParens = nil }
                case 0x5B where index + 1 < text.count && text[index + 1] == 0x5B && attributeParens == nil:
                    attributeParens = -1
                case 0x5D where index + 1 < text.count && text[index + 1] == 0x5D && attributeParens == -1:
                    attributeParens = nil
                default:
                    break
                }
                index += 1
            }
        }
        keep(upTo: text.count)
        if sinceBoundary.count < 256 { sinceBoundary.append(0x20) }
        normalized.append(contentsOf: text[copied...])
    }

    /// The index after a pp-number, with C++14 digit separators and exponent signs.
    private func number(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start + 1
        while index < text.count {
            let next = text[index]
            if Self.isIdentifierByte(next) || next == 0x2E {
                index += 1
            } else if next == 0x27, index + 1 < text.count, Self.isIdentifierByte(text[index + 1]) {
                index += 2
            } else if next == 0x2B || next == 0x2D, [0x65, 0x45, 0x70, 0x50].contains(text[index - 1]) {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// The index after a string or character literal (or the line's end, where a literal always ends).
    private func quoted(_ text: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int {
        var index = start + 1
        while index < text.count && text[index] != quote {
            if text[index] == 0x5C { index += 1 }
            index += 1
        }
        return min(index + 1, text.count)
    }

    /// The index after a C++ raw string `R"delim(…)delim"`; one spanning lines ends the line (the rest of it is then
    /// lexed as code: more triggers, never fewer).
    private func rawString(_ text: UnsafeBufferPointer<UInt8>, from quote: Int) -> Int {
        guard let open = text[(quote + 1)...].firstIndex(of: 0x28) else { return quote + 1 }
        let terminator = [0x29] + Array(text[(quote + 1)..<open]) + [0x22]
        var index = open + 1
        while index + terminator.count <= text.count {
            if text[index..<(index + terminator.count)].elementsEqual(terminator) { return index + terminator.count }
            index += 1
        }
        return text.count
    }

    private mutating func identifier(_ word: String, _ emit: (Event) -> Void) {
        if PreprocessedTriggers.keywords.contains(word) {
            emit(.trigger(file: file, line: line, word: word))
        } else if word == "__attribute__" || word == "__attribute" || word == "__declspec" {
            attributeParens = parens
        } else if attributeParens != nil {
            let bare = word.count > 4 && word.hasPrefix("__") && word.hasSuffix("__") ? String(word.dropFirst(2).dropLast(2)) : word
            if PreprocessedTriggers.attributes.contains(bare) { emit(.trigger(file: file, line: line, word: bare)) }
        }
    }
}
