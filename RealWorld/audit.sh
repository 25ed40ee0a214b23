#!/usr/bin/env bash
# Regenerates the measured table of docs/real-world.md: builds RealWorld/Probe (an app on ten real packages'
# graphs, from the local package mirrors), runs `capcheck audit --format json` on it, and rewrites the part of
# docs/real-world.md between the table markers. The audit JSON is kept in $WORK/audit.json.
#
#   RealWorld/audit.sh            (WORK defaults to .build-realworld, git-ignored)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${WORK:-$ROOT/.build-realworld}
mkdir -p "$WORK"
swift build -c release --product capcheck >/dev/null
"$ROOT/.build/release/capcheck" audit --package-path RealWorld/Probe --scratch-path "$WORK" --format json --output "$WORK/audit.json"
python3 - "$WORK/audit.json" docs/real-world.md <<'PY'
import json, re, sys
report = json.load(open(sys.argv[1]))
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
unanalyzed = [f"- {u['package']}: {u['reason']}" for u in report["unanalyzed"]]
table = "\n".join(rows) + "\n\nUnanalysed:\n\n" + ("\n".join(unanalyzed) or "- nothing") + "\n"
doc = open(sys.argv[2]).read()
doc = re.sub(r"(<!-- table:begin -->\n).*(<!-- table:end -->)", lambda m: m.group(1) + table + m.group(2), doc, flags=re.S)
open(sys.argv[2], "w").write(doc)
print(table)
PY
