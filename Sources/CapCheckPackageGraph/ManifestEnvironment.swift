import Foundation

/// The environment variables that can change what SwiftPM reports of a package graph, for `PackageGraphCache`'s key.
///
/// A manifest reads a variable by name (`ProcessInfo.processInfo.environment["SWIFTCI_USE_LOCAL_DEPS"]`,
/// `Context.environment["X"]`, `getenv("X")`); SwiftPM and the toolchain read their own (`SWIFT*`, `HOME`, `PATH`,
/// `XDG_*`, …). Everything else in the environment (`_`, a CI job's ids, capcheck's own switches, the loader path
/// SwiftPM gives a plugin's tools) cannot change the graph, and keying on it made every run whose environment
/// differed from the last one resolve the graph again.
///
/// The reading is conservative: a manifest that reaches the environment any other way — a variable named by a
/// computed string, the whole dictionary, `environ`, `CommandLine.unsafeArgv`, a file read (`/proc/self/environ`),
/// a process, a pointer, a `@_silgen_name` declaration — makes the whole environment part of the key.
package enum ManifestEnvironment {
    /// Prefixes of the variables SwiftPM and the compiler consult while loading manifests. Not the dynamic loader's
    /// (`LD_LIBRARY_PATH`): SwiftPM sets it for the tools of a command plugin, so the plugin and the CLI would never
    /// share the cache, and the toolchain's `swift` is part of the key by itself.
    static let toolPrefixes = ["SWIFT", "TOOLCHAINS", "SDKROOT", "DEVELOPER_DIR", "HOME", "PATH", "XDG_", "TMPDIR"]

    /// What the shell sets for its own bookkeeping, left out even when a manifest may read the whole environment: `_` is
    /// the path of the command that started capcheck (`/usr/bin/time`, a wrapper), so keying on it resolved the graph
    /// again whenever capcheck was started another way. A manifest that changed its targets on these would still be
    /// caught by the build's own plan (`StaleIndexCheck`: a source no package of the graph owns makes it resolve again).
    static let shellBookkeeping: Set<String> = ["_", "SHLVL", "OLDPWD"]

    /// The `name=value` entries of `environment` that the manifests' texts, SwiftPM or the toolchain can read, sorted.
    package static func relevantEntries(of environment: [String: String], manifests: [String]) -> [String] {
        var named = Set<String>()
        for manifest in manifests {
            guard let read = variablesRead(by: manifest) else {
                return environment.filter { !shellBookkeeping.contains($0.key) }.map { $0.key + "=" + $0.value }.sorted()
            }
            named.formUnion(read)
        }
        return environment.filter { name, _ in named.contains(name) || toolPrefixes.contains(where: name.hasPrefix) }
            .map { $0.key + "=" + $0.value }.sorted()
    }

    /// The variables a manifest reads by a literal name, or nil when it may read others (see the type's comment).
    package static func variablesRead(by manifest: String) -> Set<String>? {
        let (code, literals) = codeAndLiterals(of: manifest)
        var names = Set<String>()
        var rest = code
        for regex in namedReads {
            for match in regex.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                guard let range = Range(match.range(at: 1), in: code), let index = Int(code[range]) else { continue }
                guard let name = literals[index] else { return nil }  // an interpolated name
                names.insert(name)
            }
            rest = regex.stringByReplacingMatches(in: rest, range: NSRange(rest.startIndex..., in: rest), withTemplate: " ")
        }
        if opaqueReads.firstMatch(in: rest, range: NSRange(rest.startIndex..., in: rest)) != nil { return nil }
        return names
    }

    /// A variable read by a literal name (`environment["X"]`, `getenv("X")`), the literal's number in group 1.
    private static let namedReads = [#"\benvironment\s*\[\s*"(\d+)"\s*\]"#, #"\b(?:secure_)?getenv\s*\(\s*"(\d+)"\s*\)"#]
        .map { try! NSRegularExpression(pattern: $0) }

    /// Whatever else can read the environment or the process's memory: the environment by any other spelling,
    /// files (`/proc/self/environ`), processes, pointers and declarations bound to C symbols by name.
    private static let opaqueReads = try! NSRegularExpression(pattern: [
        #"\b(?:environment|environ|getenv|secure_getenv|unsafeArgv|argv|envp)\b"#,
        #"\b(?:FileManager|FileHandle|FileDescriptor|Process|Bundle|InputStream|contentsOf|contentsOfFile|atPath)\b"#,
        #"\b(?:dlopen|dlsym|popen|posix_spawnp?|syscall|fopen|freopen)\b"#,
        #"(?<![.\w])(?:open|openat|read|pread|system|exec(?:v|ve|vp|vpe|l|le|lp))\s*\("#,
        #"\b(?:Unsafe\w*|withUnsafe\w*|unsafeBitCast|unsafeAddress\w*|OpaquePointer)\b"#,
        #"@_(?:silgen_name|extern|cdecl)\b"#,
    ].joined(separator: "|"))

    /// The manifest with comments removed and each string literal replaced by `"N"`, N indexing `literals`; a literal
    /// with interpolation is nil there.
    package static func codeAndLiterals(of text: String) -> (code: String, literals: [String?]) {
        let chars = Array(text.unicodeScalars)
        var code = String.UnicodeScalarView()
        var literals: [String?] = []
        var i = 0
        func at(_ offset: Int) -> Unicode.Scalar? { i + offset < chars.count ? chars[i + offset] : nil }
        while i < chars.count {
            let c = chars[i]
            if c == "/", at(1) == "/" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
            } else if c == "/", at(1) == "*" {
                var depth = 0
                repeat {
                    if chars[i] == "/", at(1) == "*" { depth += 1; i += 2 }
                    else if chars[i] == "*", at(1) == "/" { depth -= 1; i += 2 }
                    else { i += 1 }
                } while depth > 0 && i < chars.count
                code.append(" ")
            } else if c == "#" || c == "\"" {
                var hashes = 0
                while at(hashes) == "#" { hashes += 1 }
                guard at(hashes) == "\"" else { code.append(c); i += 1; continue }
                i += hashes
                let multiline = at(1) == "\"" && at(2) == "\""
                i += multiline ? 3 : 1
                let quotes = multiline ? 3 : 1
                var content = String.UnicodeScalarView()
                var interpolated = false
                while i < chars.count {
                    if chars[i] == "\\", (1...hashes + 1).allSatisfy({ $0 <= hashes ? at($0) == "#" : true }) {
                        let next = at(hashes + 1)
                        if next == "(" { interpolated = true }
                        content.append(chars[i]); if let next { content.append(next) }
                        i += hashes + 2
                        continue
                    }
                    if chars[i] == "\"", (0..<quotes).allSatisfy({ at($0) == "\"" }), (0..<hashes).allSatisfy({ at(quotes + $0) == "#" }) {
                        i += quotes + hashes
                        break
                    }
                    content.append(chars[i])
                    i += 1
                }
                code.append(contentsOf: "\"\(literals.count)\"".unicodeScalars)
                literals.append(interpolated || content.contains("\\") ? nil : String(content))
            } else {
                code.append(c)
                i += 1
            }
        }
        return (String(code), literals)
    }
}
