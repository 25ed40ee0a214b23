#!/usr/bin/env bash
# Measures the value analysis of narrowed grants (issue 12) on RealWorld/Probe and rewrites the part of
# docs/real-world.md between the values markers: per effect, how many distinct values the packages' uses of sinks
# get and how many resolve (a constant, a prefix, or a value from the caller), and per package what resolved and
# what did not, with why. Uses the build of RealWorld/audit.sh ($WORK, default .build-realworld).
#
#   RealWorld/values.sh              (runs `capcheck audit --values`, then writes the section)
#   RealWorld/values.sh --table-only (rewrites the section from the kept $WORK/audit-values.json)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${WORK:-$ROOT/.build-realworld}
CAPCHECK=${CAPCHECK:-$ROOT/.build/debug/capcheck}
mkdir -p "$WORK"
if [ "${1:-}" != "--table-only" ]; then
    "$CAPCHECK" audit --values --package-path RealWorld/Probe --scratch-path "$WORK" --format json --output "$WORK/audit-values.json"
fi
python3 - "$WORK/audit-values.json" docs/real-world.md "$WORK/checkouts" "$ROOT" <<'PY'
import json, re, sys
from collections import Counter, defaultdict
report = json.load(open(sys.argv[1]))
checkouts, root = sys.argv[3].rstrip("/") + "/", sys.argv[4].rstrip("/") + "/"
def relative(text):
    return (text or "").replace(checkouts, "").replace(root, "")
effects = ["fs", "env", "exec", "net"]
counts = {c: Counter() for c in effects}
per_package = []
for p in sorted(report["packages"], key=lambda p: p["identity"]):
    values = p.get("reachedValues") or {}
    lines = []
    for capability in effects:
        entries = values.get(capability) or []
        if not entries:
            continue
        for v in entries:
            counts[capability]["resolved" if v["kind"] != "unknown" else "unknown"] += 1
        shown = []
        for v in entries:
            place = f"{relative(v['file'])}:{v['line']}"
            if v["kind"] == "constant":
                shown.append(f"`{v['value']}`")
            elif v["kind"] == "prefix":
                shown.append(f"`{v['value']}…`")
            elif v["kind"] == "caller":
                shown.append(f"from the caller ({v.get('supplier')}, {v.get('note')})")
            else:
                shown.append(f"unknown: {relative(v.get('note'))} ({place})")
        unique = list(dict.fromkeys(shown))
        more = f" and {len(unique) - 12} more" if len(unique) > 12 else ""
        lines.append(f"  - {capability}: " + "; ".join(unique[:12]).replace("|", "&#124;") + more)
    if lines:
        per_package.append(f"- **{p['identity']}**\n" + "\n".join(lines))
rows = ["| effect | distinct values | resolved (constant, prefix or from the caller) | share |", "|---|---|---|---|"]
for capability in effects:
    total = sum(counts[capability].values())
    resolved = counts[capability]["resolved"]
    share = f"{100 * resolved / total:.0f}%" if total else "—"
    rows.append(f"| {capability} | {total} | {resolved} | {share} |")
section = "\n".join(rows) + "\n\nPer package (each package's uses as the holder of the grant sees them; values made in its dependencies count for it too):\n\n" + "\n".join(per_package) + "\n"
doc = open(sys.argv[2]).read()
doc = re.sub(r"(<!-- values:begin -->\n).*(<!-- values:end -->)", lambda m: m.group(1) + section + m.group(2), doc, flags=re.S)
open(sys.argv[2], "w").write(doc)
print(section)
PY
