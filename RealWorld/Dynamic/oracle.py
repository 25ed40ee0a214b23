#!/usr/bin/env python3
"""The run-time oracle of RealWorld/Dynamic: what each probe did, against what `capcheck audit` says it reaches.

For one probe it reads
  - the per-process strace logs (`strace -f -ff -k`: one system call a line, then its stack),
  - the per-process calltrace logs (RealWorld/Dynamic/calltrace.c: every read or change of the environment and
    every program start, with its stack and the process's memory map),
  - `swift package show-dependencies --format json` (where each package's sources are),
  - capcheck's `audit --format json` report of the same build,
turns each event into a capability, attributes it to the package whose code made it (the innermost frame whose
source file belongs to a package), and lists every (package, capability) seen at run time that the audit does not
report as reached. Run by run.sh; `--help` for the options.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

# System calls by capability. Path-based file calls are fs; a call on a descriptor alone (fstat, read) is not.
FS_CALLS = {
    "open", "openat", "openat2", "creat", "stat", "lstat", "newfstatat", "fstatat64", "statx", "access", "faccessat",
    "faccessat2", "readlink", "readlinkat", "mkdir", "mkdirat", "rmdir", "unlink", "unlinkat", "rename", "renameat",
    "renameat2", "link", "linkat", "symlink", "symlinkat", "chmod", "fchmodat", "fchmodat2", "chown", "fchownat",
    "lchown", "truncate", "utime", "utimes", "utimensat", "futimesat", "chdir", "chroot", "statfs", "mknod", "mknodat",
    "inotify_add_watch", "getxattr", "lgetxattr", "setxattr", "lsetxattr", "listxattr", "llistxattr", "removexattr",
    "lremovexattr", "name_to_handle_at", "fanotify_mark", "mount", "umount2", "pivot_root", "swapon", "swapoff",
    "acct", "quotactl",
}
NET_CALLS = {
    "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4", "getsockname", "getpeername",
    "setsockopt", "getsockopt", "sendto", "recvfrom", "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "shutdown",
}
EXEC_CALLS = {"execve", "execveat", "fork", "vfork", "pidfd_send_signal"}
# Library entry points whose system calls all serve one capability, whatever the calls are: the resolver reads
# /etc/hosts and the environment (net), a spawn reads the environment and clones (exec), the loader opens files (ffi).
COMPOSITE_ENTRIES = [
    (re.compile(r"^(getaddrinfo|gethostbyname\w*|gethostbyaddr\w*|getnameinfo|__?res_\w+|_nss_dns_\w+|gaih_inet\w*)$"), "net"),
    # The system's databases (users, groups, services, protocols) through NSS: glibc asks nscd over its Unix socket
    # before it reads the files under /etc. The catalog lists these lookups as `fs` (reading a system database; the
    # package names no peer), so the socket they open is counted the same way.
    (re.compile(r"^(getpw\w*|getgr\w*|getsp\w*|getserv\w*|getproto\w*|getrpc\w*|getnetgrent\w*|innetgr|initgroups"
                r"|getgrouplist|fgetpwent\w*|fgetgrent\w*)$"), "fs"),
    (re.compile(r"^(posix_spawnp?|__spawni\w*|__posix_spawn\w*|fork|vfork|__libc_fork|system|popen|execv\w*|execl\w*)$"), "exec"),
    (re.compile(r"^(dlopen\w*|dlmopen\w*|_dl_open|dl_open_worker\w*|_dl_map_object\w*)$"), "ffi"),
]
# Toolchain APIs the catalog lists as pure by design although they read the environment and fixed files
# (docs/catalog.md, "Not covered"): Foundation's locale, time zone, calendars and formatters (`TZ`, `LANG`, ICU's data),
# the temporary folder (`TMPDIR`), and a new UUID (`/dev/urandom`).
# An env or fs event under one of these frames is listed as excluded, not as a miss.
DOCUMENTED_PURE = re.compile(r"^(?:(?:specialized |static |closure #\d+ in |protocol witness for )*)"
                             r"(Locale|TimeZone|Calendar|DateFormatter|ISO8601DateFormatter|NumberFormatter|_LocaleICU"
                             r"|_TimeZoneICU|_CalendarICU|LocaleCache|TimeZoneCache|CalendarCache)\b"
                             r"|^(NSTemporaryDirectory\(\)|FileManager\.temporaryDirectory\.getter|static URL\.temporaryDirectory\.getter)$"
                             r"|^(?:specialized )?(UUID\.init\(\)|NSUUID\.init\(\)|ProcessInfo\.globallyUniqueString\.getter)$"
                             r"|^(__CreateCFDateFormatter|CFDateFormatter\w*|CFLocale\w*|__CFLocale\w*|CFTimeZone\w*|__CFTimeZone\w*)$")
# A toolchain frame between the event and the package's code that means "the toolchain sets up its own state, once":
# the package called an API, and that API's first use initialises the runtime, Foundation or Dispatch.
ONCE_FRAMES = re.compile(r"^(swift_once|swift::once\w*|pthread_once|__pthread_once\w*|dispatch_once\w*|_dispatch_once\w*"
                         r"|__cxa_guard_acquire|__CFInitialize|swift::runtime::environment::\w+|_swift_stdlib_getenv\w*"
                         r"|swift::SWIFT_\w+|_GLOBAL__sub_I_\w+)")


class Frame:
    __slots__ = ("module", "offset", "symbol", "function", "file", "line")

    def __init__(self, module, offset, symbol=None):
        self.module, self.offset, self.symbol = module, offset, symbol
        self.function, self.file, self.line = symbol, None, None


class Event:
    def __init__(self, pid, kind, detail, frames):
        self.pid, self.kind, self.detail, self.frames = pid, kind, detail, frames


def parse_strace(folder):
    frame_line = re.compile(r"^ > (.*?)\((.*?)\) \[(0x[0-9a-f]+)\]$")
    events = []
    for path in sorted(glob.glob(os.path.join(folder, "trace.*"))):
        pid = int(path.rsplit(".", 1)[1])
        current = None
        for line in open(path, errors="replace"):
            line = line.rstrip("\n")
            if line.startswith(" > "):
                match = frame_line.match(line)
                if current is not None and match:
                    module, symbol, address = match.groups()
                    current.frames.append(Frame(module, int(address, 16), symbol.split("+")[0] or None))
                continue
            name = re.match(r"^(\w+)\(", line)
            current = Event(pid, name.group(1), line, []) if name else None
            if current:
                events.append(current)
    return events


def parse_maps(lines):
    """/proc/self/maps → [(start, end, module path, base)], base being the module's load address."""
    regions, bases = [], {}
    for line in lines:
        parts = line.split()
        if len(parts) < 6 or not parts[5].startswith("/"):
            continue
        start, end = (int(x, 16) for x in parts[0].split("-"))
        offset, module = int(parts[2], 16), parts[5]
        bases.setdefault(module, start - offset)
        bases[module] = min(bases[module], start - offset)
        regions.append((start, end, module))
    return [(start, end, module, bases[module]) for start, end, module in regions]


def parse_calltrace(folder):
    events = []
    for path in sorted(glob.glob(os.path.join(folder, "calls.*"))):
        pid = int(path.rsplit(".", 1)[1])
        text = open(path, errors="replace").read()
        body, _, maps = text.partition("MAPS\n")
        regions = parse_maps(maps.splitlines())

        def locate(address):
            for start, end, module, base in regions:
                if start <= address < end:
                    return Frame(module, address - base)
            return None

        for block in body.split("\n\n"):
            lines = [l for l in block.splitlines() if l]
            if not lines or not lines[0].startswith("E "):
                continue
            _, kind, name, _tid = lines[0].split(" ", 3)
            frames = [f for f in (locate(int(l[2:], 16)) for l in lines[1:] if l.startswith("F ")) if f]
            events.append(Event(pid, "exec" if kind == "exec" else "env", f"{kind} {name}", frames))
    return events


class Symbolizer:
    """Function, file and line of module offsets, through the toolchain's llvm-symbolizer (batched per module)."""

    def __init__(self, tool):
        self.tool = tool
        self.cache = {}

    def resolve(self, frames):
        wanted = collections.defaultdict(set)
        for frame in frames:
            if (frame.module, frame.offset) not in self.cache and os.path.isfile(frame.module):
                wanted[frame.module].add(frame.offset)
        for module, offsets in wanted.items():
            ordered = sorted(offsets)
            # Return addresses point after the call: look up the byte before (every frame but a fault's pc is one).
            query = "".join(f"0x{max(o - 1, 0):x}\n" for o in ordered)
            output = subprocess.run([self.tool, "--obj", module, "--output-style=JSON", "--inlines", "--functions=linkage"],
                                    input=query, capture_output=True, text=True).stdout
            for offset, line in zip(ordered, output.splitlines()):
                try:
                    symbols = json.loads(line).get("Symbol", [])
                except json.JSONDecodeError:
                    symbols = []
                self.cache[(module, offset)] = [(s.get("FunctionName"), s.get("FileName") or None, s.get("Line"))
                                                for s in symbols]

    def expand(self, frame):
        """The frame as one or more (function, file, line), innermost inlined first."""
        found = self.cache.get((frame.module, frame.offset)) or []
        return [(function or frame.symbol, file, line) for function, file, line in found] or [(frame.symbol, None, None)]


class Ownership:
    """Which package a source file belongs to (the longest package folder that holds it)."""

    def __init__(self, dependencies):
        self.roots = []

        def walk(node):
            self.roots.append((os.path.realpath(node["path"]) + "/", node["identity"]))
            for child in node.get("dependencies", []):
                walk(child)

        walk(dependencies)
        self.roots.sort(key=lambda r: -len(r[0]))
        self.root = dependencies["identity"]
        self.module_packages = {}

    def owner(self, file):
        if not file:
            return None
        real = os.path.realpath(file)
        for folder, identity in self.roots:
            if real.startswith(folder):
                return identity
        return None


SWIFT_MODULE = re.compile(r"^\$s(\d+)")


def swift_module(function):
    """The module a mangled Swift symbol is declared in (`$s7NIOCore…` → NIOCore), if it is one."""
    match = SWIFT_MODULE.match(function or "")
    if not match:
        return None
    length = int(match.group(1))
    start = match.end()
    return function[start:start + length]


def demangle(names):
    names = sorted({n for n in names if n and n.startswith("$s")})
    if not names:
        return {}
    output = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names) + "\n",
                            capture_output=True, text=True).stdout.splitlines()
    return dict(zip(names, output)) if len(output) == len(names) else {}


def classify_call(event):
    """The capability a system call needs on its own, or None."""
    name, detail = event.kind, event.detail
    if name in ("newfstatat", "statx", "fstatat64") and '""' in detail and "AT_EMPTY_PATH" in detail:
        return None  # fstat of a descriptor
    if name in FS_CALLS:
        return "fs"
    if name in NET_CALLS:
        return "net"
    if name in EXEC_CALLS:
        return "exec"
    if name in ("clone", "clone3") and "CLONE_THREAD" not in detail:
        return "exec"
    return None


def analyse(events, symbolizer, ownership, from_calltrace):
    """Each event as (capability, package, api, stack, excluded-why) where package is the innermost package frame."""
    symbolizer.resolve([f for e in events for f in e.frames])
    results = []
    for event in events:
        capability = event.kind if from_calltrace else classify_call(event)
        if capability is None:
            continue
        stack = []  # innermost first: (function, file, line, module path, package)
        for frame in event.frames:
            if frame.module.endswith("calltrace.so"):
                continue
            for function, file, line in symbolizer.expand(frame):
                package = ownership.owner(file)
                if package:
                    module = swift_module(function)
                    if module:
                        ownership.module_packages.setdefault(module, package)
                stack.append([function, file, line, frame.module, package])
        results.append((event, capability, stack))
    # Frames without a file (thunks) belong to the package of their Swift module, as learnt from frames with one.
    out = []
    for event, capability, stack in results:
        for entry in stack:
            # Only frames of the probe's own executable: a thunk in a toolchain library (libFoundationEssentials.so) has
            # no package, whatever its mangled name's first module (an extension member `$s20FoundationEssentials11
            # FileManagerC5FilesE…` defined in Files would otherwise teach FoundationEssentials → files).
            if entry[4] is None and not re.search(r"\.so(\.[0-9.]+)?$", entry[3] or ""):
                module = swift_module(entry[0])
                entry[4] = ownership.module_packages.get(module)
        innermost = next((i for i, entry in enumerate(stack) if entry[4]), None)
        if innermost is None:
            continue  # only toolchain and system code on the stack: nothing to attribute
        inner = stack[:innermost]
        api = inner[-1][0] if inner else None
        excluded = None
        composite = next((c for function, *_ in inner for pattern, c in COMPOSITE_ENTRIES if pattern.match(function or "")), None)
        if composite:
            capability = composite
        elif any(ONCE_FRAMES.match(function or "") for function, *_ in inner):
            excluded = "toolchain one-time setup"
        # Every other package with code on the visible stack (callers, or code that called back into a closure).
        outer = []
        for entry in stack[innermost:]:
            if entry[4] and entry[4] not in outer:
                outer.append(entry[4])
        out.append({"event": event, "capability": capability, "package": stack[innermost][4], "api": api,
                    "stack": stack, "excluded": excluded, "outer": outer[1:]})
    return out


def describe_stack(stack, names, limit=14):
    lines = []
    for function, file, line, module, package in stack[:limit]:
        name = names.get(function, function) or "?"
        where = f"{os.path.basename(file)}:{line}" if file else os.path.basename(module)
        lines.append(f"{name}  ({package or 'toolchain'}; {where})")
    return lines


def probe(args):
    ownership = Ownership(json.load(open(args.dependencies)))
    audit = json.load(open(args.audit))
    reached = {p["identity"]: set(p["reached"]) for p in audit["packages"]}
    latent = {p["identity"]: set(p["latent"]) for p in audit["packages"]}
    symbolizer = Symbolizer(args.symbolizer)
    observed = analyse(parse_strace(args.strace), symbolizer, ownership, from_calltrace=False)
    observed += analyse(parse_calltrace(args.calltrace), symbolizer, ownership, from_calltrace=True)
    names = demangle({entry[0] for o in observed for entry in o["stack"]})
    for o in observed:
        inner = o["stack"][:next((i for i, entry in enumerate(o["stack"]) if entry[4]), 0)]
        # A merged function (`…Tm`: the compiler folded functions that differ only in a callee, passed as an argument)
        # carries one of its originals' names: the frame under NSHomeDirectory() that calls String.homeDirectoryPath()
        # is `merged FileManager.temporaryDirectory.getter`, shared with homeDirectoryForCurrentUser. Its name says
        # nothing about which API ran, so it never marks an event as under a pure API.
        if not o["excluded"] and o["capability"] in ("env", "fs") \
                and any(DOCUMENTED_PURE.match(names.get(function, function) or "") for function, *_ in inner
                        if not (function or "").endswith("Tm")):
            o["excluded"] = "an API the catalog lists as pure (docs/catalog.md, Not covered)"

    counts = collections.Counter(o["capability"] for o in observed if not o["excluded"])
    pairs = collections.defaultdict(list)
    for o in observed:
        if o["excluded"] or o["package"] == ownership.root:
            continue
        pairs[(o["package"], o["capability"])].append(o)
    misses = []
    for (package, capability), found in sorted(pairs.items()):
        if capability in reached.get(package, set()):
            continue
        example = found[0]
        misses.append({
            "package": package, "capability": capability, "events": len(found),
            "audit": "latent" if capability in latent.get(package, set()) else "not reported",
            "call": example["event"].detail[:160], "api": names.get(example["api"], example["api"]),
            "stack": describe_stack(example["stack"], names),
        })
    observed_pairs = {f"{p} {c}" for p, c in pairs}
    # Outer frames: a package whose code is further out on the stack of an event. Through a direct call chain it
    # reaches the capability too (effects propagate to callers); through a callback (an event loop running a
    # closure) it need not. Listed for review, not counted as misses.
    outer_gaps = collections.defaultdict(list)
    for o in observed:
        if o["excluded"]:
            continue
        for package in o["outer"]:
            if package != ownership.root and o["capability"] not in reached.get(package, set()):
                outer_gaps[(package, o["capability"])].append(o)
    outer = [{"package": p, "capability": c, "events": len(found), "innermost": found[0]["package"],
              "stack": describe_stack(found[0]["stack"], names, 24)} for (p, c), found in sorted(outer_gaps.items())]
    static_only = sorted(f"{identity} {capability}" for identity, capabilities in reached.items() if identity != ownership.root
                         for capability in capabilities if capability in ("fs", "net", "exec", "env")
                         and f"{identity} {capability}" not in observed_pairs)
    excluded = collections.Counter((o["package"], o["capability"], names.get(o["api"], o["api"]), o["excluded"])
                                   for o in observed if o["excluded"])
    result = {
        "probe": args.probe,
        "events": dict(sorted(counts.items())),
        "rootEvents": sum(1 for o in observed if not o["excluded"] and o["package"] == ownership.root),
        "attributed": sorted(observed_pairs),
        "misses": misses,
        "staticOnly": static_only,
        "excluded": [{"package": p, "capability": c, "api": a, "why": w, "events": n} for (p, c, a, w), n in sorted(excluded.items())],
        "outerFrames": outer,
        "apis": sorted({f"{o['package']} {o['capability']} {names.get(o['api'], o['api'])}" for o in observed if not o["excluded"]}),
    }
    with open(args.output, "w") as out:
        json.dump(result, out, indent=2)
    print(f"{args.probe}: {sum(counts.values())} events ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}); "
          f"{len(observed_pairs)} (package, capability) pairs; {len(misses)} missed")
    for gap in outer:
        print(f"  outer frame: {gap['package']} {gap['capability']} not reported ({gap['events']} events, innermost {gap['innermost']})")
    for miss in misses:
        print(f"  MISS {miss['package']} {miss['capability']} ({miss['audit']}, {miss['events']} events): {miss['call']}")
        for line in miss["stack"]:
            print(f"      {line}")
    return 1 if misses else 0


def table(args):
    """Rewrites the part of the document between the dynamic-table markers from the probes' results."""
    rows = ["| probe | run-time events by capability | (package, capability) seen at run time | "
            "missed by the audit | outer-frame packages not reported | reached statically, not seen in this run |",
            "|---|---|---|---|---|---|"]
    details = []
    for path in args.results:
        result = json.load(open(path))
        events = ", ".join(f"{k} {v}" for k, v in result["events"].items()) or "none"
        misses = "<br>".join(f"**{m['package']} {m['capability']}** ({m['audit']})" for m in result["misses"]) or "none"
        outer = "<br>".join(f"{o['package']} {o['capability']}" for o in result["outerFrames"]) or "none"
        rows.append(f"| {result['probe']} | {events} | {', '.join(result['attributed']) or '—'} | {misses} | {outer} | "
                    f"{', '.join(result['staticOnly']) or '—'} |")
        for e in result["excluded"]:
            why = e.get("why", "toolchain one-time setup")
            details.append(f"- {result['probe']}: {e['package']} {e['capability']} through `{e['api']}` ({e['events']} events): {why}")
    text = ("\n".join(rows) + "\n\nLeft out (the toolchain's one-time setup, or an API the catalog lists as pure by design):\n\n"
            + ("\n".join(details) or "- nothing") + "\n")
    doc = open(args.doc).read()
    if "<!-- dynamic:begin -->" not in doc:
        raise SystemExit(f"{args.doc} has no <!-- dynamic:begin --> ... <!-- dynamic:end --> markers")
    doc = re.sub(r"(<!-- dynamic:begin -->\n).*(<!-- dynamic:end -->)", lambda m: m.group(1) + text + m.group(2), doc, flags=re.S)
    open(args.doc, "w").write(doc)
    print(text)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("probe", help="compare one probe's run with its audit")
    one.add_argument("--probe", required=True)
    one.add_argument("--strace", required=True, help="folder of strace's per-process logs (trace.<pid>)")
    one.add_argument("--calltrace", required=True, help="folder of calltrace's per-process logs (calls.<pid>)")
    one.add_argument("--dependencies", required=True, help="swift package show-dependencies --format json")
    one.add_argument("--audit", required=True, help="capcheck audit --format json of the same build")
    one.add_argument("--symbolizer", required=True, help="llvm-symbolizer")
    one.add_argument("--output", required=True, help="where to write this probe's result (JSON)")
    summary = commands.add_parser("table", help="write the results' table into a document")
    summary.add_argument("--doc", required=True)
    summary.add_argument("results", nargs="+")
    args = parser.parse_args()
    return probe(args) if args.command == "probe" else table(args)


if __name__ == "__main__":
    sys.exit(main())
