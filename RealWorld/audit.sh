#!/usr/bin/env bash
# Regenerates the measured table of docs/real-world.md: builds RealWorld/Probe (an app on ten real packages'
# graphs, from the local package mirrors), runs `capcheck audit --format json` on it, and rewrites the part of
# docs/real-world.md between the table markers. The audit JSON is kept in $WORK/audit.json.
#
#   RealWorld/audit.sh            (WORK defaults to .build-realworld, git-ignored)
#   RealWorld/audit.sh --table-only   (rewrites the table from the kept $WORK/audit.json, building nothing)
#
# The table names no folder of this machine: a file of a dependency is written relative to the checkouts folder
# (`swift-crypto/Sources/…`), any other relative to this repository; a target's assembly sources are one line with
# their count and the folder that holds them, a package's code in inactive `#if` branches one line with its count.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${WORK:-$ROOT/.build-realworld}
mkdir -p "$WORK"
if [ "${1:-}" != "--table-only" ]; then
    swift build -c release --product capcheck >/dev/null
    "$ROOT/.build/release/capcheck" audit --package-path RealWorld/Probe --scratch-path "$WORK" --format json --output "$WORK/audit.json"
fi
python3 - "$WORK/audit.json" docs/real-world.md "$WORK/checkouts" "$ROOT" <<'PY'
import json, os, re, sys
from collections import Counter, OrderedDict
report = json.load(open(sys.argv[1]))
checkouts, root = sys.argv[3].rstrip("/") + "/", sys.argv[4].rstrip("/") + "/"

def relative(text):
    """Every path under the checkouts folder or this repository, relative to it."""
    return text.replace(checkouts, "").replace(root, "")

def short(path):
    hops = [h["symbol"] for h in path]
    return " → ".join(hops if len(hops) <= 5 else hops[:2] + ["…"] + hops[-3:])

rows = ["| package | version | reached | latent | one path per reached capability |", "|---|---|---|---|---|"]
for p in sorted(report["packages"], key=lambda p: p["identity"]):
    if p["identity"] == report["root"]:
        continue
    paths = "<br>".join(f"**{c}**: {short(p['reachedPaths'][c])}" for c in p["reached"]) or "—"
    paths = paths.replace("|", "&#124;")
    rows.append(f"| {p['identity']} | {p.get('version') or '—'} | {', '.join(p['reached']) or '—'} | "
                f"{', '.join(p['latent']) or '—'} | {paths} |")

# One line per unanalysed entry, except two kinds that come by the hundred in these graphs: a target's assembly
# sources (one line per target, with their count and the folder holding them) and a package's code in `#if` branches
# the build does not compile (one line per package, with the count, the conditions and the capabilities; the JSON
# lists each file and line).
assembly = re.compile(r"^assembly source (.+) of target (\S+): (.*)$")
lines, folded = [], OrderedDict()
def fold(key, value):
    if key not in folded:
        folded[key] = []
        lines.append(key)
    folded[key].append(value)
for entry in report["unanalyzed"]:
    reason = relative(entry["reason"])
    match = assembly.match(reason)
    if match:
        file, target, why = match.groups()
        fold(("assembly", entry["package"], target, why), file)
    elif entry.get("condition"):
        fold(("inactive", entry["package"]), entry)
    else:
        lines.append(f"- {entry['package']}: {reason}")
def plural(count, noun):
    return f"{count} {noun}{'' if count == 1 else 's'}"
def line(item):
    if isinstance(item, str):
        return item
    if item[0] == "assembly":
        _, package, target, why = item
        files = folded[item]
        folder = os.path.commonpath(files) if len(files) > 1 else os.path.dirname(files[0])
        return f"- {package}: {plural(len(files), 'assembly source')} of target {target}, under {folder}/: {why}"
    _, package = item
    entries = folded[item]
    conditions = Counter(e["condition"] for e in entries).most_common()
    shown = ", ".join(f"`{c}`" for c, _ in conditions[:3]) + (", …" if len(conditions) > 3 else "")
    capabilities = ", ".join(sorted({e["capability"] for e in entries if e.get("capability")}))
    files = len({e["file"] for e in entries})
    return (f"- {package}: {plural(len(entries), 'line')} in {plural(files, 'file')}, in branches this build does not "
            f"compile ({shown}), refer to sinks ({capabilities}); not analysed")
def package_of(item):
    return item[1] if isinstance(item, tuple) else item[2:].split(":", 1)[0]
unanalyzed = [line(item) for item in sorted(lines, key=package_of)]  # stable: a package's entries in the report's order
table = "\n".join(rows) + "\n\nUnanalysed:\n\n" + ("\n".join(unanalyzed) or "- nothing") + "\n"
doc = open(sys.argv[2]).read()
doc = re.sub(r"(<!-- table:begin -->\n).*(<!-- table:end -->)", lambda m: m.group(1) + table + m.group(2), doc, flags=re.S)
open(sys.argv[2], "w").write(doc)
print(table)
PY
