import CPreprocessedScan
import Foundation

/// Where a covering parse can stop. A source parsed only to cover the headers with triggers it includes
/// (`ParsePrefilter.decide`) keeps only those headers' findings, so libclang need not read what comes after the last of
/// them: it parses the source's own text up to the `#include` after which none of them has a line (the first at file
/// scope, between statements), with each conditional group open there closed. BoringSSL's `bcm.cc`, a unity file read
/// to cover the `asm` of its `.cc.inc` files, is read to its 85th line of 283, and libclang's time falls with it. No cut
/// is made when the source has a `#line` directive or line marker (the markers' lines are then not the physical ones)
/// or includes itself; a cut parse that did not read every kept header stands for nothing.
///
/// What follows the cut can change a kept header's findings only through names (every file with triggers is before
/// it): a later definition absorbs a header's declaration, and a name the header's `asm` or `alias` uses may be a
/// function declared later. So the parse reports those (`NativeSourceScanner.Result.cutDependence`), and the cut stands
/// (`stands`) only when the unit's index records show no function of such a name in any non-system file, no definition
/// of such a declaration, and no definition with C linkage of such a name in a system header (a `static inline`
/// function there resolves an `asm` name by its object-file name); when the parse has no errors; and when the raw
/// text can be cut there at all (`capcheck_raw_cut`). Otherwise the whole source is parsed, as before. Not told apart:
/// a toolchain header's function defined under an asm label after the cut, which a kept `asm` names by that label.
package struct CoveringParseCut: Sendable {
    /// The source's text to the end of `line`, then an `#endif` for each conditional group open there.
    package let text: String
    package let line: Int
    /// Where the cut falls in the source's preprocessed text: the size libclang reads (`ParseQueue`).
    package let offset: Int
    /// The files whose findings the parse keeps: the headers with triggers.
    package let kept: Set<String>

    /// The cut of `source` for a parse keeping the findings of `kept`, nil when there is none.
    package init?(source: String, triggers: PreprocessedTriggers, kept: Set<String>) {
        guard !kept.isEmpty, let (line, offset) = triggers.cut(after: kept), let data = FileManager.default.contents(atPath: source),
              let text = Self.text(of: data, toLine: line) else { return nil }
        self.text = text
        self.line = line
        self.offset = offset
        self.kept = kept
    }

    /// A file's text to the end of its physical line `line`, then an `#endif` for each conditional group open there;
    /// nil when the raw reading cannot cut there (`capcheck_raw_cut`) or the text is not UTF-8.
    package static func text(of data: some DataProtocol, toLine line: Int) -> String? {
        let bytes = Array(data)
        var open = 0
        let end = bytes.withUnsafeBufferPointer { capcheck_raw_cut($0.baseAddress, $0.count, line, &open) }
        guard end > 0, let prefix = String(bytes: bytes[..<end], encoding: .utf8) else { return nil }
        return prefix + String(repeating: "#endif\n", count: open)
    }

    /// What of a cut parse's kept findings depends on code after the cut (`NativeSourceScanner`).
    package struct Dependence: Sendable, Equatable {
        /// Names that a function declared after the cut would resolve.
        package var names: Set<String>
        /// USRs of kept declarations that a definition after the cut would absorb.
        package var declarations: Set<String>

        package init(names: Set<String> = [], declarations: Set<String> = []) {
            self.names = names
            self.declarations = declarations
        }
    }

    /// Whether the cut parse of `command`, with `dependence`, has the findings the whole parse would have in the kept
    /// files. `functions`: those of the source's unit (nil: not known).
    package func stands(_ dependence: Dependence, functions: () -> CUnitRecords.Functions?) -> Bool {
        if dependence.names.isEmpty && dependence.declarations.isEmpty { return true }
        guard let functions = functions() else { return false }
        return functions.names.isDisjoint(with: dependence.names) && functions.definedInSystem.isDisjoint(with: dependence.names)
            && functions.defined.isDisjoint(with: dependence.declarations)
    }
}
