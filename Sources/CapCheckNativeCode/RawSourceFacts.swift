import CapCheckSupport
import CPreprocessedScan
import Foundation

/// What a C-family file's own text shows before any preprocessing (`capcheck_raw_scan`, in C so that the debug
/// `capcheck` the plugin builds reads fast): the first trigger word in its code or `#pragma` lines, the first thing the
/// raw reading cannot follow, the first builtin whose value differs between inclusions, its include directives (and
/// whether each stands at file scope), its `#define`s and the lines libclang's facts depend on. `RecordPrefilter`
/// reads it.
package struct RawFileFacts: Sendable {
    package var trigger: (line: Int, word: String)?
    package var unsafe: (line: Int, what: String)?
    package var dynamic: (line: Int, what: String)?
    /// Each include directive: the base name of the file it names (`*` for a computed include), its line, and whether
    /// it stands at file scope (outside every brace, and after no brace inside a conditional group).
    package var includes: [(base: String, line: Int, atFileScope: Bool)] = []
    /// Each `#define`'s name, with the byte offsets of its definitions (for macros whose USR names no file: a system
    /// header's).
    package var definitions: [String: [Int]] = [:]
    /// The line ranges whose meaning libclang's facts depend on: conditional and `#pragma` directives, asm statements,
    /// attribute lists, `_Pragma`, trigger words.
    package var sensitive: [ClosedRange<Int>] = []

    /// Reads `bytes`, as C (`cplusplus` false), C++ (true) or either (nil): a conditional that tests `__cplusplus` alone
    /// then has a known branch. nil when out of memory.
    package init?(_ bytes: some ContiguousBytes, cplusplus: Bool? = nil) {
        var facts = capcheck_raw_facts()
        let language: Int32 = cplusplus.map { $0 ? 1 : 0 } ?? -1
        let read = bytes.withUnsafeBytes { capcheck_raw_scan($0.bindMemory(to: UInt8.self).baseAddress, $0.count, language, &facts) }
        guard read != 0 else { return nil }
        defer { capcheck_raw_free(&facts) }
        if facts.trigger_line > 0 { trigger = (facts.trigger_line, String(cString: facts.trigger_what)) }
        if facts.unsafe_line > 0 { unsafe = (facts.unsafe_line, String(cString: facts.unsafe_what)) }
        if facts.dynamic_line > 0 { dynamic = (facts.dynamic_line, String(cString: facts.dynamic_what)) }
        for (prefix, number, name) in Self.entries(facts.included, count: facts.included_count) {
            includes.append((name, number, prefix == UInt8(ascii: "+")))
        }
        for (_, offset, name) in Self.entries(facts.defined, count: facts.defined_count) { definitions[name, default: []].append(offset) }
        for (_, first, last) in Self.entries(facts.sensitive, count: facts.sensitive_count) {
            if let last = Int(last), last >= first { sensitive.append(first...last) }
        }
    }
}

extension RawFileFacts {
    /// The `<prefix><number> <name>` lines of a list the C scanner wrote.
    fileprivate static func entries(_ list: UnsafeMutablePointer<CChar>?, count: Int) -> [(UInt8, Int, String)] {
        guard let list else { return [] }
        let bytes = UnsafeRawBufferPointer(start: list, count: count)
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard let space = line.firstIndex(of: UInt8(ascii: " ")), space > line.startIndex,
                  let number = Int(String(decoding: line[line.index(after: line.startIndex)..<space], as: UTF8.self)) else { return nil }
            return (line[line.startIndex], number, String(decoding: line[line.index(after: space)...], as: UTF8.self))
        }
    }
}

/// What the body of one macro definition holds (`capcheck_raw_define`): read where the index records the macro
/// expanded, so that what a `#define` could put into code is known without preprocessing.
package struct MacroBodyFacts: Sendable, Equatable {
    /// A trigger word outside the parameters (`asm`, `syscall`, an attribute word, `_Pragma`).
    package var trigger = false
    /// A builtin whose value differs between inclusions (`__COUNTER__`, `__INCLUDE_LEVEL__`, `__BASE_FILE__`, …).
    package var dynamic = false
    /// A `##` whose result could be a trigger word.
    package var paste = false
    /// A `{` or `}`: an expansion could open or close a block.
    package var braces = false
    /// A digraph, trigraph or universal character name.
    package var unsafe = false
    /// More `(` than `)`, or fewer: an expansion may take its arguments from after its invocation.
    package var unbalanced = false
    /// The body's words outside the parameters that occur inside a trigger word (what a paste could be made of).
    package var fragments: Set<String> = []

    package init(trigger: Bool = false, dynamic: Bool = false, paste: Bool = false, braces: Bool = false, unsafe: Bool = false,
                 unbalanced: Bool = false, fragments: Set<String> = []) {
        self.trigger = trigger
        self.dynamic = dynamic
        self.paste = paste
        self.braces = braces
        self.unsafe = unsafe
        self.unbalanced = unbalanced
        self.fragments = fragments
    }

    /// Whether an expansion could put a trigger word into code whatever its arguments (a paste is judged at its site:
    /// `RecordPrefilter`).
    package var triggers: Bool { trigger || unsafe }

    /// The facts of the `#define` of `name` starting at byte `offset` of `bytes` (the macro's name there); nil when the
    /// text at `offset` is not `name`.
    package static func read(_ bytes: some ContiguousBytes, offset: Int, name: String) -> MacroBodyFacts? {
        var facts = capcheck_raw_define_facts()
        let read = bytes.withUnsafeBytes { buffer in
            name.withCString { capcheck_raw_define(buffer.bindMemory(to: UInt8.self).baseAddress, buffer.count, offset, $0, &facts) }
        }
        defer { capcheck_raw_define_free(&facts) }
        guard read != 0, facts.found != 0 else { return nil }
        let fragments = facts.fragments.map { list in
            String(decoding: UnsafeRawBufferPointer(start: list, count: facts.fragments_count), as: UTF8.self).split(separator: "\n").map(String.init)
        } ?? []
        return MacroBodyFacts(trigger: facts.trigger != 0, dynamic: facts.dynamic != 0, paste: facts.paste != 0, braces: facts.braces != 0,
                              unsafe: facts.unsafe != 0, unbalanced: facts.unbalanced != 0, fragments: Set(fragments))
    }

    /// What any of `candidates` could do; nil when there is none.
    package static func union(of candidates: [MacroBodyFacts]) -> MacroBodyFacts? {
        guard let first = candidates.first else { return nil }
        return candidates.dropFirst().reduce(first) { $0.union($1) }
    }

    /// Both facts at once: what either definition could do.
    package func union(_ other: MacroBodyFacts) -> MacroBodyFacts {
        MacroBodyFacts(trigger: trigger || other.trigger, dynamic: dynamic || other.dynamic, paste: paste || other.paste,
                       braces: braces || other.braces, unsafe: unsafe || other.unsafe, unbalanced: unbalanced || other.unbalanced,
                       fragments: fragments.union(other.fragments))
    }
}

/// A macro's invocation in a file's text (`capcheck_raw_site`): where it ends, and the words in it that occur inside a
/// trigger word. A paste in an expansion is made of the invocation's words and the bodies of the macros expanded
/// within it, so a paste that no concatenation of those words could turn into a trigger word makes none.
package struct MacroSite: Sendable {
    /// The byte after the invocation.
    package var end: Int
    /// nil when the invocation cannot be read (no name there, an unclosed argument list, a directive inside it).
    package var fragments: Set<String>?

    /// The invocation at byte `offset` of `bytes`; nil when out of memory.
    package init?(_ bytes: some ContiguousBytes, offset: Int) {
        var facts = capcheck_raw_site_facts()
        let read = bytes.withUnsafeBytes { capcheck_raw_site($0.bindMemory(to: UInt8.self).baseAddress, $0.count, offset, &facts) }
        guard read != 0 else { return nil }
        defer { capcheck_raw_site_free(&facts) }
        end = facts.end
        guard facts.unknown == 0 else { return }
        fragments = Set(facts.fragments.map { list in
            String(decoding: UnsafeRawBufferPointer(start: list, count: facts.fragments_count), as: UTF8.self).split(separator: "\n").map(String.init)
        } ?? [])
    }

    /// Whether some trigger word is a concatenation of `fragments`.
    package static func formable(_ fragments: Set<String>) -> Bool {
        let list = fragments.sorted().joined(separator: "\n")
        return list.withCString { capcheck_raw_formable($0, strlen($0)) } != 0
    }
}
