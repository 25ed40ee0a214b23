import Foundation
import CapCheckSupport
import CapCheckModel

/// Values at calls in C source, read from the tokens after the callee's name: a string literal argument (or adjacent
/// literals) is a constant, a parameter of the calling function is followed by the tracer; anything else (a variable,
/// a macro, an expression) is unknown. A callee spelled through a macro is read only when the macro provably stands
/// for it (`passesWrittenArguments(to:at:)`); otherwise its site is unknown, never assumed.
package struct CSinkSites {
    private let source: SourceText
    /// `source.bytes`, which the scanning loops below read byte by byte.
    private let text: [UInt8]
    package let path: String
    /// The macros the index records as expanded in this file.
    let macros: MacroExpansions
    /// The C-family functions packages define, by name: one named like a C library function the reading trusts
    /// (`strlen` only reads, `htons` swaps bytes) is that package's code wherever it is called, since the linker binds
    /// every call to it (the nineteenth sweep's own `htons` turned a port the text showed into another).
    package var packageFunctions: Set<String> = []

    package init?(path: String, macros: MacroExpansions) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.path = path
        self.macros = macros
        source = SourceText(bytes: Array(data))
        text = source.bytes
    }

    /// Every call of `name` in the function whose definition's name is at `definition` (to the brace closing its body).
    package func calls(of name: String, inFunctionAt definition: SourceLocation) -> [SourceLocation] {
        guard let start = offset(line: definition.line, column: definition.column), let body = bodyText(from: start) else { return [] }
        return occurrences(of: name, in: body).filter { isCalled(in: body, after: $0 + name.utf8.count) }.map { location(of: start + $0) }
    }

    /// Whether the function whose definition's name is at `definition` names `name` other than in a call written
    /// `name(…)`: `(open)(…)`, `fp = open`, which `calls(of:inFunctionAt:)` does not list (the graph keeps one site
    /// per caller and callee, so those calls would go unread).
    /// A struct, union or enum tag (`struct statfs fs;`) or a member (`s.open`, `p->open`) is another name space's
    /// name, not the function.
    /// A string literal spelling the name (`dlsym(RTLD_DEFAULT, "getenv")`) counts too: the function found by it is
    /// called under another name, and its arguments are not read (the eighth sweep's: one direct call beside it hid it).
    package func mentionsOtherwise(_ name: String, inFunctionAt definition: SourceLocation) -> Bool {
        guard let start = offset(line: definition.line, column: definition.column), let body = bodyText(from: start) else { return true }
        if occurrences(of: name, in: body).contains(where: { !isCalled(in: body, after: $0 + name.utf8.count) && !isTagOrMember(in: body.bytes, at: $0) }) {
            return true
        }
        let literal = Array(("\"" + name + "\"").utf8)
        return (body.open..<body.bytes.count).contains { body.quoted[$0] && body.bytes[$0...].starts(with: literal) }
    }

    /// Whether the identifier at `index` follows `struct`, `union`, `enum`, `.` or `->`.
    private func isTagOrMember(in bytes: [UInt8], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, isSpace(bytes[before]) { before -= 1 }
        guard before >= 0 else { return false }
        if bytes[before] == UInt8(ascii: ".") { return true }
        if bytes[before] == UInt8(ascii: ">"), before > 0, bytes[before - 1] == UInt8(ascii: "-") { return true }
        var wordStart = before
        while wordStart > 0, isIdentifier(bytes[wordStart - 1]) { wordStart -= 1 }
        return ["struct", "union", "enum"].contains(String(decoding: bytes[wordStart...before], as: UTF8.self))
    }

    /// The text of the function whose definition's name is at byte `start` (`functionText(from:)`), with the offset of
    /// the brace opening its body; nil when no body follows.
    private func bodyText(from start: Int) -> (bytes: [UInt8], quoted: [Bool], open: Int)? {
        guard let function = functionText(from: start), let open = function.bytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
        return (function.bytes, function.quoted, open)
    }

    /// The offsets, within `body`, of the identifier `name` in the function's body (outside literals and comments).
    private func occurrences(of name: String, in body: (bytes: [UInt8], quoted: [Bool], open: Int)) -> [Int] {
        let word = Array(name.utf8), text = body.bytes
        return (body.open..<text.count).filter { index in
            !body.quoted[index] && text[index...].starts(with: word) && !isIdentifier(text[index - 1])
                && (index + word.count >= text.count || !isIdentifier(text[index + word.count]))
        }
    }

    /// Whether the next non-space byte from `after` opens a call's parentheses.
    private func isCalled(in body: (bytes: [UInt8], quoted: [Bool], open: Int), after: Int) -> Bool {
        after < body.bytes.count && body.bytes[after...].first(where: { !isSpace($0) }) == UInt8(ascii: "(")
    }

    /// The arguments, as written, of the call whose callee name starts at `site` and is spelled `callee` there (a call
    /// through a macro, `OPEN(p)`, has the macro's arguments, not the function's: nil).
    package func arguments(at site: SourceLocation, callee: String) -> [String]? {
        guard let start = offset(line: site.line, column: site.column), passesWrittenArguments(to: callee, at: start) else { return nil }
        return arguments(afterNameAt: start)
    }

    /// Whether the call at `start` passes its written arguments to `callee`: the index records no macro expanded there
    /// and the call spells `callee` (or `syscall`, for a raw system call `syscall(SYS_renameat2)`, whose first argument
    /// is the number); or every macro expanded there is object-like and only another name, and they lead from the
    /// spelled name to `callee` (`#define fopen_if_available fopen`). A function-like macro (`#define getenv(n)
    /// getenv("SECRET")`, even one named like the function) may pass anything, so its arguments are never read.
    private func passesWrittenArguments(to callee: String, at start: Int) -> Bool {
        let site = location(of: start)
        guard let expanded = macros.at(line: site.line, column: site.column) else { return false }
        var name = identifier(at: start)
        if expanded.isEmpty { return name == callee || (name == "syscall" && Self.rawSyscallNumber(callee)) }
        let renames = Dictionary(expanded.map { ($0.name, MacroDefinition.objectLikeBody(of: $0, in: self)) }, uniquingKeysWith: { _, _ in nil })
        var steps = 0
        while let next = renames[name] {
            guard let next, steps < renames.count else { return false }
            name = next
            steps += 1
        }
        return steps == renames.count && (name == callee || (name == "syscall" && Self.rawSyscallNumber(callee)))
    }

    /// Whether `callee` names a raw system call by its number (`syscall(SYS_openat)`).
    private static func rawSyscallNumber(_ callee: String) -> Bool { callee.hasPrefix("syscall(") }

    /// The text of this file from byte `offset`, to the end of its line.
    func line(from offset: Int) -> Substring? {
        guard offset >= 0, offset < text.count else { return nil }
        let end = text[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
        return Substring(String(decoding: text[offset..<end], as: UTF8.self))
    }

    private func identifier(at start: Int) -> String {
        var end = start
        while end < text.count, isIdentifier(text[end]) { end += 1 }
        return String(decoding: text[start..<end], as: UTF8.self)
    }

    /// The text of the function whose definition's name is at `definition`, to the brace closing its body, with
    /// comments blanked out; nil when no body follows.
    package func body(ofFunctionAt definition: SourceLocation) -> String? {
        guard let start = offset(line: definition.line, column: definition.column),
              let function = functionText(from: start) else { return nil }
        return String(decoding: function.bytes, as: UTF8.self)
    }

    /// The whole file's text, comments blanked to spaces (`sockaddr_in /**/ {` is a definition).
    package var wholeText: String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        _ = eachByteBlankingComments(from: 0) { byte, _ in out.append(byte); return true }
        return String(decoding: out, as: UTF8.self)
    }

    /// Where `site` lies in the text `body(ofFunctionAt: definition)` returns, in UTF-16 units (as `NSRange` counts);
    /// nil when it lies outside the function.
    package func bodyOffset(of site: SourceLocation, inFunctionAt definition: SourceLocation) -> Int? {
        guard let start = offset(line: definition.line, column: definition.column), let at = offset(line: site.line, column: site.column),
              at >= start, let function = functionText(from: start), at - start < function.bytes.count else { return nil }
        return String(decoding: function.bytes[..<(at - start)], as: UTF8.self).utf16.count
    }

    /// The text from a function definition's name to the brace closing its body, byte for byte (comments blanked to
    /// spaces, so offsets stay those of the file), with which bytes lie inside string or character literals; nil when
    /// no body follows (a prototype) or the file ends first.
    private func functionText(from start: Int) -> (bytes: [UInt8], quoted: [Bool])? {
        var depth = 0, enteredBody = false, complete = false, out: [UInt8] = [], quoted: [Bool] = []
        _ = eachByteBlankingComments(from: start) { byte, isQuoted in
            out.append(byte)
            quoted.append(isQuoted)
            guard !isQuoted else { return true }
            if byte == UInt8(ascii: "{") { depth += 1; enteredBody = true }
            if byte == UInt8(ascii: "}") { depth -= 1; if enteredBody && depth == 0 { complete = true; return false } }
            return byte != UInt8(ascii: ";") || enteredBody  // a `;` before any body: a prototype
        }
        return complete ? (out, quoted) : nil
    }

    /// Hands `visit` the file's bytes from `start`, each with whether it lies in a string or character literal,
    /// comments as spaces (so offsets stay those of the file), until `visit` returns false or the file ends.
    private func eachByteBlankingComments(from start: Int, _ visit: (_ byte: UInt8, _ quoted: Bool) -> Bool) -> Bool {
        var index = start
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let end = skipQuoted(from: index)
                for quotedByte in text[index..<end] where !visit(quotedByte, true) { return true }
                index = end
                continue
            }
            if byte == UInt8(ascii: "/"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "/") || text[index + 1] == UInt8(ascii: "*") {
                let end = skipComment(from: index)
                for _ in index..<end where !visit(UInt8(ascii: " "), false) { return true }
                index = end
                continue
            }
            guard visit(byte, false) else { return true }
            index += 1
        }
        return false
    }

    /// The values passed at argument `positions` of the call whose callee name starts at `site`, in the function whose
    /// definition's name is at `function`: a literal is a constant, a parameter of that function is followed by the
    /// tracer, anything else is unknown.
    /// The callee must be spelled `callee` at the site: through a macro the arguments written are the macro's, which
    /// may pass anything to the function.
    package func values(at site: SourceLocation, callee: String, positions: [Int], inFunctionAt function: SourceLocation? = nil,
                        returned: (_ name: String, _ at: SourceLocation) -> String? = { _, _ in nil }) -> [ValueOrigin] {
        guard let start = offset(line: site.line, column: site.column) else { return [.unknown("the call site is not in the file", site)] }
        guard passesWrittenArguments(to: callee, at: start) else {
            return [.unknown("`\(callee)` is called through a macro at `\(identifier(at: start))` here, whose written arguments need not be "
                             + "what `\(callee)` gets", site)]
        }
        guard let spans = argumentSpans(afterNameAt: start) else {
            return [.unknown("the call's arguments are not read here (not written as `name(…)`, or a comment among them)", site)]
        }
        let arguments = spans.map(\.text)
        let parameters = function.map(parameterNames(ofFunctionAt:)) ?? []
        return positions.map { position in
            guard position < arguments.count else { return .unknown("argument \(position + 1) is not passed here", site) }
            let argument = arguments[position]
            // `open(p, …)` after `#define p "/x"`, `getenv(cfg_name())` after `#define cfg_name evil_name`.
            if let first = macros(from: spans[position].start, through: spans[position].end - 1)?.first {
                return .unknown("a macro (`\(first.name)`) is expanded in the argument, which may then be anything", site)
            }
            if let value = literal(argument) { return .constant(value, site) }
            if let function, let index = parameters.firstIndex(of: argument) {
                guard !isChanged(argument, inFunctionAt: function, passedTo: callee) else {
                    return .unknown("parameter `\(argument)` is assigned or declared again in the function", site)
                }
                return .parameter(index, name: argument, function)
            }
            if argument.hasSuffix("()"), let function, case let called = String(argument.dropLast(2)).trimmingCharacters(in: .whitespaces),
               let value = returned(called, location(of: spans[position].start + argument.prefix { $0 == " " || $0 == "\t" || $0 == "\n" }.utf8.count)) {
                // A parameter of that name is a pointer the caller passes (`const char *(*cc_name)(void)`).
                guard !parameters.contains(called), !declaresParameter(named: called, ofFunctionAt: function) else {
                    return .unknown("`\(called)` is a parameter of the function, so it need not be the function of that name", site)
                }
                // `getenv(X509_get_default_cert_file_env())`: a function returning a constant, unless the name is a
                // local of this function (`const char *(*token_name)(void) = other_name;`) or assigned in it.
                guard !isWrittenOrDeclared(called, inFunctionAt: function) else {
                    return .unknown("`\(called)` is declared or assigned in the function, so it need not be the function of that name", site)
                }
                return .constant(value, site)
            }
            return .unknown("`\(argument.prefix(48))` is computed in C code, which capcheck does not follow", site)
        }
    }

    /// The string a function returns when its whole body is `return "literal";` or `return NAME;` with NAME defined in
    /// this file as a string literal (`#define X509_CERT_FILE_EVP "SSL_CERT_FILE"`); nil otherwise.
    package func returnedLiteral(ofFunctionAt location: SourceLocation) -> String? {
        guard let body = body(ofFunctionAt: location), let open = body.firstIndex(of: "{") else { return nil }
        let statement = body[body.index(after: open)...].dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
        guard statement.hasPrefix("return"), statement.hasSuffix(";") else { return nil }
        let expression = statement.dropFirst("return".count).dropLast().trimmingCharacters(in: .whitespaces)
        if let value = literal(expression) { return value }
        guard !expression.isEmpty, expression.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        let file = String(decoding: text, as: UTF8.self)
        // One `#define` of it in the file and no `#undef` (a redefinition could name anything).
        let anyDefinition = try? NSRegularExpression(pattern: #"(?m)^\s*#\s*(define|undef)\s+"# + expression + #"\b"#)
        guard anyDefinition?.numberOfMatches(in: file, range: NSRange(file.startIndex..., in: file)) == 1 else { return nil }
        let definition = try? NSRegularExpression(pattern: #"(?m)^\s*#\s*define\s+("# + expression + #")\s+("[^"\\\n]*")\s*$"#)
        let matches = definition?.matches(in: file, range: NSRange(file.startIndex..., in: file)) ?? []
        guard matches.count == 1, let name = Range(matches[0].range(at: 1), in: file), let range = Range(matches[0].range(at: 2), in: file) else {
            return nil
        }
        // The index must say the `return` expands that very definition: a `-D` on the command line, or a redefinition
        // the text hides (`#/**/undef`, `%:define`), is another (the twelfth sweep's, each run).
        guard let start = offset(line: location.line, column: location.column), let code = bodyText(from: start),
              let returnAt = occurrences(of: "return", in: code).first else { return nil }
        var at = returnAt + "return".utf8.count
        while at < code.bytes.count, isSpace(code.bytes[at]) { at += 1 }
        let use = self.location(of: start + at)
        guard let expanded = macros.at(line: use.line, column: use.column), expanded.count == 1, let macro = expanded.first,
              macro.name == expression, macro.definitionFile.map(PathText.standardized) == PathText.standardized(path),
              macro.definitionOffset == file.utf8.distance(from: file.utf8.startIndex, to: name.lowerBound) else { return nil }
        return literal(String(file[range]))
    }

    /// Whether any parameter declaration of the function at `location` spells `name` (a function pointer's too, which
    /// `parameterNames` leaves out).
    func declaresParameter(named name: String, ofFunctionAt location: SourceLocation) -> Bool {
        guard let start = offset(line: location.line, column: location.column), let declarations = arguments(afterNameAt: start) else { return true }
        return declarations.contains { $0.split { !($0.isLetter || $0.isNumber || $0 == "_") }.contains { $0 == name } }
    }

    /// The parameter names of the C function whose definition's name is at `location` (the last identifier of each
    /// parameter declaration; none for `(void)`).
    package func parameterNames(ofFunctionAt location: SourceLocation) -> [String] {
        guard let start = offset(line: location.line, column: location.column),
              let declarations = arguments(afterNameAt: start) else { return [] }
        // The declarator's name is the last identifier before an array bound (`const char ok[path]` declares `ok`, the
        // sixth sweep's); a function pointer's (`int (*f)(void)`) is not read. A name given twice names neither.
        let names = declarations.map { declaration -> String in
            guard !declaration.contains("(") else { return "" }
            let declarator = declaration.prefix { $0 != "[" }
            let identifiers = declarator.split { !($0.isLetter || $0.isNumber || $0 == "_") }
            return identifiers.last.map(String.init) ?? ""
        }
        return names.map { name in names.filter { $0 == name }.count > 1 ? "" : name }
    }

    private func arguments(afterNameAt start: Int) -> [String]? {
        argumentSpans(afterNameAt: start)?.map(\.text)
    }

    /// The arguments of the call whose name starts at `start`, each with the offsets it spans.
    private func argumentSpans(afterNameAt start: Int) -> [(text: String, start: Int, end: Int)]? {
        var index = start
        while index < text.count, isIdentifier(text[index]) { index += 1 }
        while index < text.count, isSpace(text[index]) { index += 1 }
        guard index < text.count, text[index] == UInt8(ascii: "(") else { return nil }
        index += 1
        var depth = 0, current: [UInt8] = [], result: [(text: String, start: Int, end: Int)] = [], from = index
        func close() { result.append((String(decoding: current, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), from, index)) }
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let end = skipQuoted(from: index)
                current += text[index..<end]
                index = end
                continue
            }
            // A comment can hide a comma (`openat(AT_FDCWD /*, "/ok", */, "/etc/passwd", …)`, the fifth sweep's): the
            // arguments are not split where one is.
            if byte == UInt8(ascii: "/"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "*") || text[index + 1] == UInt8(ascii: "/") {
                return nil
            }
            // Brackets and braces nest too: `d[0, "/x", 0]` is one argument (a comma operator), not three.
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                if depth == 0 { close(); return result }
                depth -= 1
            }
            if byte == UInt8(ascii: ","), depth == 0 {
                close()
                current = []
                from = index + 1
            } else {
                current.append(byte)
            }
            index += 1
        }
        return nil
    }

    /// The macros the index records as expanded in the function whose name is at `function`; nil when unknown.
    func macrosInFunction(at function: SourceLocation) -> [MacroReference]? {
        guard let start = offset(line: function.line, column: function.column), let code = functionText(from: start) else { return nil }
        return macros(from: start, through: start + code.bytes.count - 1)
    }

    /// The macros the index records as expanded from byte `first` through byte `last`; nil when unknown.
    private func macros(from first: Int, through last: Int) -> [MacroReference]? {
        let from = location(of: first), to = location(of: max(first, last))
        return macros.within(MacroExpansions.position(line: from.line, column: from.column), MacroExpansions.position(line: to.line, column: to.column))
    }

    /// Whether a macro is defined in a package's file rather than the C library's, the compiler's or the toolchain's
    /// headers (or on the command line).
    static func isPackageMacro(_ macro: MacroReference) -> Bool {
        guard let file = macro.definitionFile else { return false }
        return !["/usr/include/", "/lib/clang/", "/lib/swift/", "/usr/lib/gcc/"].contains(where: file.contains)
    }

    /// Whether parameter `name` of the function at `function` may hold another value where it is used: assigned
    /// (`name = …`, `name += …`, `++name`), its address taken (`&name`), or declared again in the body (a shadowing
    /// local, `const char *name = …`), or the body splices lines. Read from the body's text, comments and literals blanked.
    func isChanged(_ name: String, inFunctionAt function: SourceLocation, passedTo callee: String) -> Bool {
        guard let start = offset(line: function.line, column: function.column), let body = bodyText(from: start) else { return true }
        // A macro of the package's own expanded in the body may assign it without naming it in the body's text.
        guard let expanded = macros(from: start, through: start + body.bytes.count) else { return true }
        return expanded.contains(where: Self.isPackageMacro) || isWrittenOrDeclared(name, inFunctionAt: function)
            || !isOnlyRead(name, in: body, passedTo: callee)
    }

    /// C functions that read a string argument and write nothing through it (any argument).
    private static let readers: Set<String> = [
        "strlen", "strnlen", "strcmp", "strncmp", "strcasecmp", "strncasecmp", "strchr", "strrchr", "strstr", "strspn", "strcspn",
        "printf", "puts", "perror", "strdup", "strndup", "memcmp", "if", "while", "switch", "return", "sizeof",
    ]
    /// Functions whose second argument is only read (the first is written): `memcpy(buf, p, n)` copies from `p`.
    private static let secondArgumentReaders: Set<String> = ["memcpy", "memmove", "strcpy", "strncpy", "strcat", "strncat", "strlcpy", "strlcat"]

    /// Whether every mention of `name` in the body only reads it: an argument of `callee` (the sink) or of a function
    /// that only reads a string, a condition, or a comparison. Anything else may change it or what it points to, which a
    /// text reading cannot follow: `(p) = …`, `strcpy((char *)p, …)`, `char *q = p`, `p[0] = …`, `1'0; p = …` (the
    /// twelfth sweep's, each run: a parameter from the caller was opened with another value). So does a digit
    /// separator, which the literal-blanking reads as the start of a character literal.
    private func isOnlyRead(_ name: String, in body: (bytes: [UInt8], quoted: [Bool], open: Int), passedTo callee: String) -> Bool {
        let bytes = body.bytes, length = name.utf8.count
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        if zip(bytes, zip(bytes.dropFirst(), bytes.dropFirst(2))).contains(where: { isDigit($0) && $1.0 == UInt8(ascii: "'") && (isDigit($1.1) || isIdentifier($1.1)) }) {
            return false
        }
        for index in occurrences(of: name, in: body) {
            let (before, next, following) = neighbours(ofNameAt: index, length: length, in: bytes)
            let previous = before >= 0 ? bytes[before] : 0
            let comparedAfter = (next == UInt8(ascii: "=") || next == UInt8(ascii: "!")) && following == UInt8(ascii: "=")
            let joinedAfter = (next == UInt8(ascii: "&") && following == next) || (next == UInt8(ascii: "|") && following == next)
            guard next == UInt8(ascii: ",") || next == UInt8(ascii: ")") || comparedAfter || joinedAfter || next == UInt8(ascii: "?") else {
                return false
            }
            switch previous {
            case UInt8(ascii: "!"):
                continue
            case UInt8(ascii: "="):
                // `== p`, `!= p`; a single `=` makes an alias that may be written through.
                guard before > 0, [UInt8(ascii: "="), UInt8(ascii: "!")].contains(bytes[before - 1]) else { return false }
            case UInt8(ascii: "("), UInt8(ascii: ","):
                guard let (called, position) = calleeOfArgument(at: index, in: bytes, quoted: body.quoted),
                      called == callee || (!packageFunctions.contains(called) && (Self.readers.contains(called)
                          || (position == 1 && Self.secondArgumentReaders.contains(called)))) else {
                    return false
                }
            default:
                return false
            }
        }
        return true
    }

    /// The name of the function whose argument list holds the byte at `index`, and which argument it is; nil for a
    /// parenthesised expression or a cast (no name before the `(`).
    private func calleeOfArgument(at index: Int, in bytes: [UInt8], quoted: [Bool]) -> (name: String, position: Int)? {
        var depth = 0, at = index - 1, commas = 0
        while at >= 0 {
            if !quoted[at] {
                if bytes[at] == UInt8(ascii: ")") { depth += 1 }
                if bytes[at] == UInt8(ascii: "(") {
                    if depth == 0 { break }
                    depth -= 1
                }
                if depth == 0, bytes[at] == UInt8(ascii: ",") { commas += 1 }
                if depth == 0, [UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}")].contains(bytes[at]) { return nil }
            }
            at -= 1
        }
        guard at > 0 else { return nil }
        var end = at - 1
        while end >= 0, isSpace(bytes[end]) { end -= 1 }
        var start = end
        while start >= 0, isIdentifier(bytes[start]) { start -= 1 }
        guard start < end else { return nil }
        return (String(decoding: bytes[(start + 1)...end], as: UTF8.self), commas)
    }

    /// Whether the body's text assigns `name`, takes its address or declares it (the part of `isChanged` macros play
    /// no part in: a function named in a call is renamed by a macro only at the call, which is checked there).
    func isWrittenOrDeclared(_ name: String, inFunctionAt function: SourceLocation) -> Bool {
        guard let start = offset(line: function.line, column: function.column), let body = bodyText(from: start) else { return true }
        let bytes = body.bytes, length = name.utf8.count
        // A line splice (a backslash ending a line) can hide a mention of the name, and so can a universal character
        // name (`n\u0061me` is `name`).
        if zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "\\") && ($1 == 10 || $1 == 13 || $1 == UInt8(ascii: "u") || $1 == UInt8(ascii: "U")) }) {
            return true
        }
        for index in occurrences(of: name, in: body) {
            let (before, next, following) = neighbours(ofNameAt: index, length: length, in: bytes)
            if next == UInt8(ascii: "="), following != UInt8(ascii: "=") { return true }  // `name = …`
            if "+-*/%&|^<>".utf8.contains(next), following == UInt8(ascii: "=") || following == next && "+-".utf8.contains(next) {
                return true  // `name += …`, `name++`
            }
            if before >= 0, bytes[before] == UInt8(ascii: "&") || (before > 0 && "+-".utf8.contains(bytes[before]) && bytes[before - 1] == bytes[before]) {
                return true  // `&name`, `++name`
            }
            // A declarator after a comma outside parentheses (`char buf[1], name[64];`, the sixth sweep's): a
            // declaration list (or a comma expression, which does not matter).
            if before >= 0, bytes[before] == UInt8(ascii: ","), isOutsideParentheses(bytes, quoted: body.quoted, at: index) { return true }
            // A declaration: the name right after a type (an identifier or `*`), not after `return`, `case` or `sizeof`.
            if before >= 0, bytes[before] == UInt8(ascii: "*") || isIdentifier(bytes[before]) {
                var wordStart = before
                while wordStart > 0, isIdentifier(bytes[wordStart - 1]) { wordStart -= 1 }
                let previous = String(decoding: bytes[wordStart...before], as: UTF8.self)
                if bytes[before] == UInt8(ascii: "*") || !["return", "case", "sizeof", "else", "goto", "do"].contains(previous) { return true }
            }
        }
        return false
    }

    /// Around a name at `index`: the offset of the last non-space byte before it, and the first two bytes after the
    /// white space that follows it (0 past the end).
    private func neighbours(ofNameAt index: Int, length: Int, in bytes: [UInt8]) -> (before: Int, next: UInt8, following: UInt8) {
        var after = index + length
        while after < bytes.count, isSpace(bytes[after]) { after += 1 }
        var before = index - 1
        while before > 0, isSpace(bytes[before]) { before -= 1 }
        return (before, after < bytes.count ? bytes[after] : 0, after + 1 < bytes.count ? bytes[after + 1] : 0)
    }

    /// Whether the byte at `index` lies outside every parenthesis opened since the statement began (the last `;`, `{`
    /// or `}` before it).
    private func isOutsideParentheses(_ bytes: [UInt8], quoted: [Bool], at index: Int) -> Bool {
        var depth = 0, at = index - 1
        while at >= 0, quoted[at] || ![UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}")].contains(bytes[at]) {
            if !quoted[at], bytes[at] == UInt8(ascii: ")") { depth += 1 }
            if !quoted[at], bytes[at] == UInt8(ascii: "(") { depth -= 1 }
            at -= 1
        }
        return depth >= 0
    }

    /// The text of one or more adjacent plain string literals without escapes, or nil: none with a backslash, a
    /// trigraph (`??/` is a backslash in ISO C modes) or a control character (a raw NUL ends the string the kernel gets).
    private func literal(_ argument: String) -> String? {
        var rest = Substring(argument), value = ""
        while !rest.isEmpty {
            guard rest.first == "\"", let end = rest.dropFirst().firstIndex(of: "\"") else { return nil }
            let content = rest[rest.index(after: rest.startIndex)..<end]
            guard !content.contains("\\"), !content.contains("??"), !content.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
            value += content
            rest = rest[rest.index(after: end)...].drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
        }
        return argument.isEmpty ? nil : value
    }

    private func offset(line: Int, column: Int) -> Int? { source.offset(line: line, column: column) }

    private func location(of offset: Int) -> SourceLocation {
        let lineStarts = source.lineStarts
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: path, line: low + 1, column: offset - lineStarts[low] + 1)
    }

    private func skipQuoted(from index: Int) -> Int {
        let quote = text[index]
        var index = index + 1
        while index < text.count, text[index] != quote, text[index] != UInt8(ascii: "\n") {
            index += text[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(index + 1, text.count)
    }
    private func skipComment(from index: Int) -> Int {
        if text[index + 1] == UInt8(ascii: "/") {
            var index = index
            while index < text.count, text[index] != UInt8(ascii: "\n") { index += 1 }
            return index
        }
        var index = index + 2
        while index + 1 < text.count, !(text[index] == UInt8(ascii: "*") && text[index + 1] == UInt8(ascii: "/")) { index += 1 }
        return min(index + 2, text.count)
    }
    private func isIdentifier(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }
    /// C's white space: space, tab, newline, carriage return, vertical tab and form feed (`n\v= "HOME"` assigns `n`).
    private func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }
}
