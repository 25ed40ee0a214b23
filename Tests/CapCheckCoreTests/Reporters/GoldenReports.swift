@testable import CapCheckCore

/// Hand-made results for the golden-file tests: no toolchain, no build. An app at `/home/dev/app` with dependencies
/// checked out under `.build/checkouts`, one local dependency inside the app's folder (`Packages/yams`) and one
/// outside it (`/home/dev/shared/c-hooks`); violations of a built-in effect, a code property and a user capability;
/// an unused grant nested under its parent; assembly sources and inactive `#if` code to count per target.
enum GoldenReports {
    static let root = "/home/dev/app"
    static let nio = "/home/dev/app/.build/checkouts/swift-nio"
    static let crypto = "/home/dev/app/.build/checkouts/swift-crypto"
    static let vault = "/home/dev/app/.build/checkouts/vault"
    static let yams = "/home/dev/app/Packages/yams"
    static let hooks = "/home/dev/shared/c-hooks"

    static func hop(_ symbol: String, _ package: String, _ file: String, _ line: Int, _ column: Int, via: String? = nil) -> PathHop {
        PathHop(symbol: symbol, package: package, module: "", file: file, line: line, column: column, via: via)
    }

    static let main = "\(root)/Sources/App/main.swift"

    static let yamsEnv = [
        hop("top-level code (main.swift)", "app", main, 1, 1),
        hop("Yams.load(yaml:)", "yams", main, 7, 5),
        hop("Yams.Parser.encoding", "yams", "\(yams)/Sources/Yams/Parser.swift", 42, 9, via: "property accessor"),
        hop("getenv", "toolchain", "\(yams)/Sources/Yams/Parser.swift", 43, 20),
    ]
    static let nioUnsafe = [
        hop("top-level code (main.swift)", "app", main, 1, 1),
        hop("NIOCore.ByteBuffer.withUnsafeReadableBytes<A>(_:)", "swift-nio", main, 12, 9),
        hop("Swift.UnsafeRawBufferPointer", "toolchain", "\(nio)/Sources/NIOCore/ByteBuffer-core.swift", 120, 15),
    ]
    static let vaultKeychain = [
        hop("top-level code (main.swift)", "app", main, 1, 1),
        hop("Vault.Keychain.read(_:)", "vault", main, 9, 3),
        hop("Vault.Keychain.read(_:)", "vault", "\(vault)/Sources/Vault/Keychain.swift", 5, 10),
    ]
    /// Load-time C code, through a header outside every package (shown as it is).
    static let hooksEnv = [
        hop("program start (load-time code of linked targets)", "app", "\(root)/Package.swift", 1, 1),
        hop("hooks_init", "c-hooks", "\(hooks)/Sources/CHooks/hooks.c", 14, 41, via: "run at program load or exit"),
        hop("setenv", "toolchain", "/usr/include/stdlib.h", 3, 1),
    ]
    static let nioNet = [
        hop("top-level code (main.swift)", "app", main, 1, 1),
        hop("NIOPosix.ClientBootstrap.connect(host:port:)", "swift-nio", main, 15, 5),
        hop("socket", "toolchain", "\(nio)/Sources/NIOPosix/System.swift", 88, 12),
    ]
    static let cryptoLatentFS = [
        hop("Crypto.Keys.load(from:)", "swift-crypto", "\(crypto)/Sources/Crypto/Keys.swift", 20, 17),
        hop("FoundationEssentials.FileManager.contents(atPath:)", "toolchain", "\(crypto)/Sources/Crypto/Keys.swift", 21, 30),
    ]

    static func assembly(_ target: String, _ file: String) -> Unanalyzed {
        let path = "\(crypto)/Sources/\(target)/\(file)"
        return Unanalyzed(package: "swift-crypto", reason: "assembly source \(path) of target \(target): machine code capcheck does not read",
                          kind: .assemblySource, target: target, file: path)
    }

    static func inactive(_ line: Int, _ condition: String, _ reference: String, _ capability: String) -> Unanalyzed {
        let file = "\(yams)/Sources/Yams/Emitter.swift"
        return Unanalyzed(package: "yams", reason: "\(file):\(line): `#if \(condition)` branch, which this build does not compile, refers to \(reference) (\(capability)); not analysed",
                          kind: .inactiveCode, target: "Yams", file: file, line: line, condition: "#if \(condition)", reference: reference, capability: capability)
    }

    static let unanalyzed = [
        assembly("CCryptoBoringSSL", "gen/bcm/aes-gcm-avx2-x86_64-linux.S"),
        assembly("CCryptoBoringSSL", "gen/bcm/sha256-x86_64-linux.S"),
        inactive(6, "os(macOS)", "Foundation.FileManager.contents(atPath:)", "fs"),
        assembly("CCryptoBoringSSL", "gen/crypto/chacha-x86_64-linux.S"),
        assembly("CCryptoExtras", "asm/poly1305.S"),
        inactive(9, "os(macOS)", "Foundation.ProcessInfo.environment", "env"),
        Unanalyzed(package: "c-hooks", reason: "system library target CZlib (links z): a library from the system, not analysed; ffi for c-hooks wherever its module is imported",
                   kind: .systemLibrary, target: "CZlib"),
        inactive(15, "CAPCHECK_NEVER", "Swift.UnsafePointer", "unsafe"),
        Unanalyzed(package: "vault", reason: "an entry written by an older capcheck, without a kind"),
        Unanalyzed(package: "vault", reason: "another entry written by an older capcheck, without a kind"),
    ]

    static func package(_ identity: String, _ path: String, version: String? = nil, granted: [String] = [], reached: [String: [PathHop]] = [:],
                        latent: [String: [PathHop]] = [:], sinks: [String: [String]] = [:], buildTime: [String] = []) -> PackageSummary {
        PackageSummary(identity: identity, version: version, granted: granted, reached: reached.keys.sorted(), latent: latent.keys.sorted(),
                       reachedPaths: reached, latentPaths: latent, reachedSinks: sinks, buildTimeTargets: buildTime, path: path)
    }

    static let packages = [
        package("app", root, granted: ["build", "env", "exec", "ffi", "fs", "net", "unsafe"]),
        package("c-hooks", hooks, version: "1.0.0", granted: ["ffi"], reached: ["env": hooksEnv, "ffi": Array(hooksEnv.prefix(2))],
                sinks: ["env": ["setenv"], "ffi": ["native code of target CHooks"]]),
        package("log-helper", "\(root)/.build/checkouts/log-helper", version: "0.4.1", granted: ["fs"]),
        package("swift-crypto", crypto, version: "3.3.0", granted: ["ffi", "unsafe"], latent: ["fs": cryptoLatentFS]),
        package("swift-nio", nio, version: "2.65.0", granted: ["net"], reached: ["net": nioNet, "unsafe": nioUnsafe],
                sinks: ["net": ["socket"], "unsafe": ["Swift.UnsafeRawBufferPointer"]], buildTime: ["NIOMacros"]),
        package("vault", vault, version: "2.0.0", reached: ["keychain": vaultKeychain], sinks: ["keychain": ["Vault.Keychain.read"]]),
        package("yams", yams, reached: ["env": yamsEnv], sinks: ["env": ["getenv"]]),
    ]

    /// `check`: four violations, two unused grants (one nested), the unanalysed entries.
    static let check = AnalysisReport(
        root: "app",
        violations: [
            Violation(package: "c-hooks", capability: "env", sink: "setenv", path: hooksEnv),
            Violation(package: "swift-nio", capability: "unsafe", sink: "Swift.UnsafeRawBufferPointer", path: nioUnsafe),
            Violation(package: "vault", capability: "keychain", sink: "Vault.Keychain.read", path: vaultKeychain),
            Violation(package: "yams", capability: "env", sink: "getenv", path: yamsEnv),
        ],
        packages: packages, unanalyzed: unanalyzed,
        unusedGrants: [
            UnusedGrant(package: "log-helper", capability: "fs", under: [], file: "\(root)/capabilities.json", line: 12, column: 5),
            UnusedGrant(package: "swift-atomics", capability: "unsafe", under: ["swift-nio"], file: "\(root)/capabilities.json", line: 20, column: 9),
        ],
        packagePath: root, capcheckVersion: "1.2.3", catalogToolchain: "Swift version 6.3.1 (swift-6.3.1-RELEASE)")

    /// `audit`: what each package reaches and could reach, no policy.
    static let audit: AnalysisReport = {
        var report = check
        report.violations = []
        report.unusedGrants = []
        for index in report.packages.indices where report.packages[index].identity != "app" { report.packages[index].granted = [] }
        return report
    }()

    /// `explain yams`: two ways, one through an implicit edge.
    static let explanations = ExplanationList(
        package: "yams", capability: nil, root: "app",
        explanations: [
            Explanation(package: "yams", capability: "env", sink: "getenv", path: yamsEnv),
            Explanation(package: "yams", capability: "fs", sink: "Foundation.FileManager.contents(atPath:)", path: [
                hop("top-level code (main.swift)", "app", main, 1, 1),
                hop("Yams.load(contentsOf:)", "yams", main, 8, 5),
                hop("FoundationEssentials.FileManager.contents(atPath:)", "toolchain", "\(yams)/Sources/Yams/Loader.swift", 11, 30),
            ]),
        ],
        folders: check.folders)

    /// `diff`: the check report against an older one where swift-nio was 2.64.0 without net or its macro, vault was
    /// not yet a dependency, and an old dependency was dropped.
    static func diff(granularity: ReportDiff.Granularity) -> ReportDiff {
        var old = check
        old.packages.removeAll { $0.identity == "vault" }
        old.packages.append(package("swift-log", "\(root)/.build/checkouts/swift-log", version: "1.5.0", granted: ["fs"], reached: [:]))
        let nio = old.packages.firstIndex { $0.identity == "swift-nio" }!
        old.packages[nio].version = "2.64.0"
        old.packages[nio].reached = ["unsafe"]
        old.packages[nio].reachedSinks = ["unsafe": ["Swift.UnsafeMutableRawPointer"]]
        old.packages[nio].buildTimeTargets = []
        old.packages[nio].granted = []
        return ReportDiff.compare(old: old, new: check, granularity: granularity)
    }
}
