import CapCheckSupport
import CapCheckModel

/// Which argument of a sink carries the value a narrowed grant is about: the path of a file-system sink, the name of
/// an environment variable, the program of an exec sink, the host of a network sink. A sink this table does not
/// know has no resolvable value, so a narrowed grant never covers it (see `docs/semantics.md`).
package enum SinkArgumentRule: Equatable {
    /// C-style: these argument positions (0-based), each a value.
    case positions([Int])
    /// Swift: the arguments labelled like a path or URL (`atPath:`, `toPath:`, `at:`, `to:`, `contentsOf:`…), else
    /// the first unlabelled argument, else the receiver (`url.checkResourceIsReachable()`).
    case pathArguments
    /// `ProcessInfo.processInfo.environment["NAME"]`: the subscript's key.
    case environmentKey
    /// `process.run()`: the `executableURL` or `launchPath` assigned to the receiver in the same function.
    case programOfReceiver
    /// `system("cmd")`, `popen("cmd", …)`: a shell command at this position; its program is the first word when the
    /// command has no shell syntax.
    case shellCommand(Int)
    /// `putenv("NAME=value")`: the name before `=` at this position.
    case assignment(Int)
    /// The sink has no argument that names what it acts on (`fork`, `clearenv`): its value is unknown.
    case none(String)
    /// The sink reaches no new place (`socket`, `listen`, `setsockopt`: the address is named by `connect`, `bind` or
    /// `sendto`, which are checked): no value, covered by any narrowed grant of its kind.
    case noValue
    /// A C socket address at this position (`connect(fd, (struct sockaddr *)&addr, sizeof addr)`): resolved when the
    /// calling function fills a local `sockaddr_in` only with a constant port and address (`CSocketAddress`).
    case socketAddress(Int)
    /// The sink uses values no argument names, always the same ones (`localtime` reads `TZ`, then `/etc/localtime`,
    /// a file under `/usr/share/zoneinfo/` or the file `TZ` names): constants, prefixes (`…` at the end), and unknowns
    /// (`?` then why), made at the call.
    case implicit([String])

    /// Time-zone and locale functions of the C library: what they read without being told.
    private static let implicitValues: [Capability: [(names: Set<String>, values: [String])]] = [
        .env: [(timeZoneReaders, ["TZ"]),
               (["setlocale", "newlocale"], ["LANG", "LC_…", "LOCPATH"]),
               // `GLOB_TILDE` expands `~` from `HOME` (the run-time oracle's PathFiles probe: PathKit's `Path.glob`).
               (["glob", "glob64"], ["HOME"])],
        .fs: [(timeZoneReaders, ["/etc/localtime", "/usr/share/zoneinfo/…", "?the file the TZ environment variable names"]),
              (["setlocale", "newlocale"], ["/usr/lib/locale/…", "?files under the folder the LOCPATH environment variable names"])],
    ]

    /// The C library's functions that load the time zone (`tzset`): `TZ`, then the file it names or `/etc/localtime`.
    /// (`strptime` and `wcsftime` found by the seventh sweep; `gmtime`, `gmtime_r` and `timegm`, which load it too
    /// though they do not use it, by the ninth.)
    private static let timeZoneReaders: Set<String> = [
        "ctime", "ctime_r", "localtime", "localtime_r", "mktime", "strftime", "strftime_l", "timelocal", "tzset",
        "strptime", "strptime_l", "wcsftime", "wcsftime_l", "gmtime", "gmtime_r", "timegm",
    ]

    /// The rule for a sink of `capability` named `sink` (`getenv`, `Foundation.FileManager.contents(atPath:)`).
    /// Whether an `exec` sink looks a program named without a `/` up in `PATH` (`execvp`, `posix_spawnp`, a shell);
    /// `execv`, `execve`, `posix_spawn` and Foundation's `Process` take such a name from the working directory.
    package static func searchesPath(_ sink: String) -> Bool {
        ["execlp", "execvp", "execvpe", "posix_spawnp", "system", "popen"].contains(member(of: sink))
    }

    /// The C library's lookups by name or key, whose files (`/etc/passwd`, `/etc/shadow`, the NSS and resolver
    /// configuration, message catalogues, utmp) no argument names.
    private static let lookupPrefixes = [
        "getpw", "getgr", "getsp", "getsg", "fgetsp", "getalias", "setalias", "getnetgr", "setnetgr", "innetgr", "getrpc", "getserv",
        "getproto", "getnetby", "getnetent", "gethostent", "getpublickey", "getsecretkey", "getlogin", "__getlogin", "getusershell",
        "setusershell", "setspent", "setpwent", "setgrent", "getut", "setut", "pututline", "initgroups", "getgrouplist",
        "_nss_", "__nss_", "gettext", "dgettext", "dcgettext", "ngettext", "dngettext", "dcngettext", "__dcgettext", "__dgettext",
        "catopen", "res_init", "res_ninit", "__res_", "__resolv", "hostalias", "res_hostalias", "ruserpass", "ruserok",
        "fmtmsg", "tempnam", "tmpnam",
        // Found by the fifth sweep: `/etc/fstab`, `/etc/ethers`, `/var/log/wtmp`, `/dev/tty`, `/etc/ttys`, utmpx.
        "getfs", "setfs", "ether_", "logwtmp", "updwtmp", "login", "logout", "getpass", "getttyent", "getttynam", "setttyent",
        "pututxline",
        // Found by the seventh sweep: the NSS databases' `set…ent`, and profiling's `gmon.out` (named by `GMON_OUT_PREFIX`).
        "sethostent", "setservent", "setprotoent", "setnetent", "setrpcent", "setsgent", "monstartup", "_mcleanup", "moncontrol",
    ]

    /// A sink's name without its type and labels: `Foundation.FileManager.contents(atPath:)` → `contents`.
    private static func member(of sink: String) -> String {
        String(String(sink.split(separator: "(").first ?? "").split(separator: ".").last ?? "")
    }

    package static func rule(capability: Capability, sink: String) -> SinkArgumentRule {
        if sink.hasPrefix("syscall(") { return rawSystemCall(capability: capability, sink: sink) }
        // `std::ofstream`'s constructor, `std::filesystem::copy`: arguments of C++ classes (`std::string`,
        // `std::filesystem::path`) the C sites do not read, so never inside a narrowed grant.
        if sink.hasPrefix("std::") { return .none("\(sink) is C++ standard library code, whose arguments capcheck does not follow") }
        let isSwift = sink.contains(".") || sink.contains("(")
        let base = String(sink.split(separator: "(").first ?? "")
        let member = member(of: sink)
        if let implicit = implicitValues[capability]?.first(where: { $0.names.contains(member) }) { return .implicit(implicit.values) }
        switch capability {
        case .env:
            if base.hasSuffix("ProcessInfo.environment") { return .environmentKey }
            if member == "putenv" { return .assignment(0) }
            if ["getenv", "secure_getenv", "setenv", "unsetenv"].contains(member) { return .positions([0]) }
            return .none("\(sink) reads the environment without naming one variable")
        case .exec:
            if isSwift {
                if base.hasSuffix("Process.run"), sink.contains("(_:") { return .positions([0]) }
                if base.hasSuffix("Process.launchedProcess") { return .positions([0]) }
                if base.contains("Process.") { return .programOfReceiver }
                return .none("capcheck does not know which argument of \(sink) names the program")
            }
            if ["execl", "execle", "execlp", "execv", "execve", "execvp", "execvpe"].contains(member) { return .positions([0]) }
            if ["posix_spawn", "posix_spawnp"].contains(member) { return .positions([1]) }
            if ["system", "popen"].contains(member) { return .shellCommand(0) }
            return .none("\(sink) does not name a program")
        case .fs:
            if isSwift {
                // A user's name, not a path: the lookup reads `/etc/passwd` (found by the fifth sweep).
                if member == "NSHomeDirectoryForUser" || member == "homeDirectory" && sink.contains("forUser:") {
                    return .none("\(sink) reads the user database for a user's name, not a path")
                }
                return .pathArguments
            }
            if ["rename", "link", "symlink"].contains(member) { return .positions([0, 1]) }
            if ["renameat", "renameat2", "linkat"].contains(member) { return .positions([1, 3]) }
            // `openat2`, `faccessat2`, `fchmodat2`: the path after the folder, as `openat` (the name rule below misses them).
            if ["__openat_2", "__openat64_2", "inotify_add_watch", "openat2", "faccessat2", "fchmodat2"].contains(member) {
                return .positions([1])
            }
            if member == "fanotify_mark" { return .positions([4]) }
            // The file a spawned child opens or changes to (the sixth sweep's: argument 0 is the actions object).
            if member == "posix_spawn_file_actions_addopen" { return .positions([2]) }
            if member == "posix_spawn_file_actions_addchdir_np" { return .positions([1]) }
            if member == "mount" { return .positions([0, 1]) }
            if member == "open_by_handle_at" { return .none("\(sink) opens a file by a handle, not a path") }
            // A lookup by name reads files its argument does not name (`getpwnam("/etc/ssl/x")` reads /etc/passwd,
            // `gettext(msgid)` a catalogue under the locale's folder): never a path, so never inside a narrowed grant.
            if Self.lookupPrefixes.contains(where: member.hasPrefix) {
                return .none("\(sink) reads files its argument does not name (a lookup by name)")
            }
            // A pattern, not a path: `.[.]` matches `..`, `*` any name (what it lists is not its text).
            if ["glob", "glob64", "wordexp", "fnmatch"].contains(member) { return .none("\(sink) takes a pattern the file system expands, not a path") }
            if member == "symlinkat" { return .positions([0, 2]) }
            if Self.pathSecond.contains(member) { return .positions([1]) }
            if Self.pathThird.contains(member) { return .positions([2]) }
            if member.hasPrefix("f") && !["fopen", "fopen64", "freopen", "freopen64", "fstatat", "fstatat64", "ftok", "ftw", "ftw64"].contains(member) {
                return .none("\(sink) acts on an open descriptor or stream whose path is not an argument")
            }
            return .positions([0])
        case .net:
            if isSwift { return .pathArguments }
            if addressless.contains(member) { return .noValue }
            if ["connect", "bind"].contains(member) { return .socketAddress(1) }
            if member == "sendto" { return .socketAddress(4) }
            if ["getaddrinfo", "gethostbyname", "gethostbyname2", "gethostbyname_r", "gethostbyname2_r", "res_query", "res_search"].contains(member) {
                return .positions([0])
            }
            if ["res_nquery", "res_nsearch"].contains(member) { return .positions([1]) }
            return .none("\(sink) takes a socket address built in memory, which capcheck does not follow")
        default:
            return .none("\(capability.name) is not narrowed by value")
        }
    }

    /// `syscall(SYS_renameat2, oldfd, old, newfd, new, flags)`: the rule of the C library's function of that name,
    /// one argument further on (the first is the number); a number capcheck could not read names nothing.
    private static func rawSystemCall(capability: Capability, sink: String) -> SinkArgumentRule {
        let prefix = "syscall(SYS_"
        guard sink.hasPrefix(prefix), sink.hasSuffix(")") else { return .none("the system call's number is computed at run time") }
        switch rule(capability: capability, sink: String(sink.dropFirst(prefix.count).dropLast())) {
        case .positions(let positions): return .positions(positions.map { $0 + 1 })
        case .socketAddress(let position): return .socketAddress(position + 1)
        case .shellCommand(let position): return .shellCommand(position + 1)
        case .assignment(let position): return .assignment(position + 1)
        case let other: return other
        }
    }

    /// The `…at` functions (a folder's descriptor, then the path) and glibc's versioned `stat` entry points (a version
    /// number, then the path). Listed by name: `lstat` ends in `at` too, and takes its path first (the sixth sweep's).
    private static let pathSecond: Set<String> = [
        "faccessat", "fchmodat", "fchownat", "fstatat", "fstatat64", "newfstatat", "futimesat", "mkdirat", "mkfifoat", "mknodat",
        "name_to_handle_at", "openat", "openat64", "readlinkat", "scandirat", "scandirat64", "unlinkat", "utimensat", "statx",
        "__xstat", "__xstat64", "__lxstat", "__lxstat64",
    ]
    /// A version number and a folder's descriptor, then the path.
    private static let pathThird: Set<String> = ["__fxstatat", "__fxstatat64", "__xmknodat"]

    /// C socket functions that name no peer: the address is given by `connect`, `bind` or `sendto` (checked), or, for
    /// what is received, by the socket's own `bind`. Not `listen`: on a socket never bound it binds one itself, on every
    /// interface at a port of the kernel's choosing (the twelfth sweep's), so its value is unknown.
    private static let addressless: Set<String> = [
        "socket", "socketpair", "accept", "accept4", "setsockopt", "getsockopt", "getsockname", "getpeername",
        "recvfrom", "recvmsg", "recvmmsg", "shutdown",
    ]

    /// Argument labels that name a path or URL in Swift file-system and network APIs.
    package static let pathLabels: Set<String> = [
        "atPath", "toPath", "path", "at", "to", "contentsOf", "contentsOfFile", "contentsOfURL", "fileURLWithPath",
        "forReadingAtPath", "forWritingAtPath", "forUpdatingAtPath", "forReadingFrom", "forWritingTo", "forUpdating",
        "toFile", "atomicallyTo", "from", "with", "url", "fromPath", "andPath", "withDestinationPath", "withDestinationURL",
        "withItemAt", "toURL", "filePath", "for", "string", "ofItemAtPath",
    ]
}
