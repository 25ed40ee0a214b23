#!/usr/bin/env bash
# capcheck benchmarks: one command, side-by-side ratios on the real toolchain (see docs/performance.md).
#
#   Benchmarks/run.sh [nio|vapor]...      (default: nio vapor)
#
# For each probe package under Benchmarks/Probes/<name> (a tiny app on that graph) it measures, in one run:
#   (c) the clean debug build that writes the index store,
#   (b) the floor: a bare single-threaded scan of every occurrence and relation (capcheck scan-index), timed as a
#       whole process like (a), and the scan's own time without process start-up,
#   (a) capcheck's analysis after the build (capcheck audit --skip-build), cold (no caches) and warm, and cold with
#       every C source parsed by libclang (CAPCHECK_NATIVE_PREFILTER=0: what the prefilter saves),
#   peak memory of (a), and the re-check after touching one file of one dependency (incremental build, then (a)),
#   then after editing that file (a new function: its index record changes): "changed", against the floor;
#   the value analysis: `capcheck init` writes the probe's narrowed policy, and the same policy with every grant
#   widened back to its kinds is beside it; then one file is edited before each run, alternately `capcheck check`
#   under each (a changed-input analysis): the ratio narrowed/kinds, best of $REPEAT each;
#   the plugin: the probe gets capcheck as a package dependency (by path), `swift package -c release capcheck audit`
#   builds its tool once (not timed), then one file is edited before each run, alternately through the plugin and
#   through the release CLI (`capcheck audit`, which builds too): the ratio plugin/CLI, best of $REPEAT each.
# Every analysis writes its JSON report; the last column says whether the cold, warm and touched runs' reports are
# byte-identical, and whether the changed run's equals a from-scratch run's (every capcheck cache removed) on the same
# build ("yes", or the runs that differ).
# Timings are the best of $REPEAT runs. Work folders go to $BENCH_DIR (default: .build-bench, git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH_DIR=${BENCH_DIR:-$ROOT/.build-bench}
REPEAT=${REPEAT:-3}
PROBES=("$@"); [ ${#PROBES[@]} -gt 0 ] || PROBES=(nio vapor)

declare -A TOUCH=([nio]="swift-nio/Sources/NIOCore/ByteBuffer-core.swift" [vapor]="vapor/Sources/Vapor/Application.swift")

swift build -c release --product capcheck >/dev/null
CAPCHECK=$ROOT/.build/release/capcheck

now() { date +%s.%N; }
elapsed() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.6f\n", a - b }'; }
best() { sort -g | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f\n", a / b }'; }

echo "| graph | units | records | occurrences | (c) build s | (b) floor s | (b) scan only s | (a) analysis s, cold | (a) cold, no prefilter | (a) warm | warm/(b) | cold/(c) | peak MB, cold | re-check s, touch | re-check s, changed | changed/(b) | changed, narrowed policy s | changed, kinds policy s | narrowed/kinds | plugin s, changed | CLI s, changed | plugin/CLI | reports identical |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for probe in "${PROBES[@]}"; do
  work=$BENCH_DIR/probe-$probe  # not "$probe": a root named like a dependency (vapor) clashes with it
  rm -rf "$work"; mkdir -p "$work"; cp -R "Benchmarks/Probes/$probe/." "$work/"
  scratch=$work/.build
  start=$(now); swift build --package-path "$work" --scratch-path "$scratch" >/dev/null 2>&1; build=$(elapsed "$start")
  store=$scratch/debug/index/store

  scan_line=$("$CAPCHECK" scan-index --store "$store")
  read -r _ units _ records _ occurrences _ _ _ _ <<<"$scan_line"
  # The floor is timed like (a), as a whole process (start-up included); the scan's own time is reported beside it.
  floor=$(for _ in $(seq "$REPEAT"); do s=$(now); "$CAPCHECK" scan-index --store "$store" >/dev/null; elapsed "$s"; done | best)
  scan=$(for _ in $(seq "$REPEAT"); do "$CAPCHECK" scan-index --store "$store" | awk '{print $NF}'; done | best)

  # Cold: no capcheck caches under the scratch folder.
  # One audit, its JSON report to $work/<name>.json.
  audit() { local name=$1; shift; "$@" "$CAPCHECK" audit -q --format json --output "$work/$name.json" --skip-build --package-path "$work" --scratch-path "$scratch"; }
  cold=$(for _ in $(seq "$REPEAT"); do rm -rf "$scratch/capcheck"; s=$(now); audit cold; elapsed "$s"; done | best)
  unfiltered=$(for _ in $(seq "$REPEAT"); do rm -rf "$scratch/capcheck"; s=$(now); audit unfiltered env CAPCHECK_NATIVE_PREFILTER=0; elapsed "$s"; done | best)
  rm -rf "$scratch/capcheck"
  peak=$( { audit peak /usr/bin/time -f "%M"; } 2>&1 | tail -1)
  warm=$(for _ in $(seq "$REPEAT"); do s=$(now); audit warm; elapsed "$s"; done | best)

  touched=$scratch/checkouts/${TOUCH[$probe]}
  touch "$touched"
  swift build --package-path "$work" --scratch-path "$scratch" >/dev/null 2>&1
  s=$(now); audit touched; recheck=$(elapsed "$s")

  printf '\nfunc capcheckBenchmarkEdit() -> Int { 42 }\n' >>"$touched"
  swift build --package-path "$work" --scratch-path "$scratch" >/dev/null 2>&1
  s=$(now); audit changed; edited=$(elapsed "$s")
  rm -rf "$scratch/capcheck"; audit fresh
  same=()
  for name in unfiltered peak warm touched; do cmp -s "$work/cold.json" "$work/$name.json" || same+=("$name≠cold"); done
  cmp -s "$work/fresh.json" "$work/changed.json" || same+=("changed≠fresh")
  identical=$([ ${#same[@]} -eq 0 ] && echo yes || echo "${same[*]}")

  # The value analysis: init's narrowed policy against the same grants as kinds, each after an edit (a changed input).
  "$CAPCHECK" init -q --skip-build --force --package-path "$work" --scratch-path "$scratch" --policy "$work/narrowed.json" >/dev/null
  python3 - "$work/narrowed.json" "$work/kinds.json" <<'PY'
import json, sys
policy = json.load(open(sys.argv[1]))
def widen(grants):
    for grant in grants.values():
        grant["allow"] = sorted({entry.split(":", 1)[0] for entry in grant["allow"]})
        widen(grant.get("packages", {}))
widen(policy["packages"])
json.dump(policy, open(sys.argv[2], "w"), indent=2)
PY
  narrowed_runs=(); kinds_runs=()
  for i in $(seq "$REPEAT"); do
    for policy in narrowed kinds; do
      printf '\nfunc capcheckBenchmarkValues%s%s() -> Int { %s }\n' "$policy" "$i" "$i" >>"$touched"
      swift build --package-path "$work" --scratch-path "$scratch" >/dev/null 2>&1
      s=$(now); "$CAPCHECK" check -q --skip-build --package-path "$work" --scratch-path "$scratch" --policy "$work/$policy.json" >/dev/null
      if [ "$policy" = narrowed ]; then narrowed_runs+=("$(elapsed "$s")"); else kinds_runs+=("$(elapsed "$s")"); fi
    done
  done
  narrowed=$(printf '%s\n' "${narrowed_runs[@]}" | best); kinds=$(printf '%s\n' "${kinds_runs[@]}" | best)

  # The plugin: capcheck as a dependency of the probe, its tool built once in release (not timed); then an edit
  # before each run, through the plugin and through the CLI in turn (both build, then analyse the changed record).
  sed -i "s|dependencies: \[.package(|dependencies: [.package(path: \"$ROOT\"), .package(|" "$work/Package.swift"
  swift package --package-path "$work" --scratch-path "$scratch" -c release capcheck audit -q >/dev/null 2>"$work/plugin.log"
  plugin_runs=(); cli_runs=()
  for i in $(seq "$REPEAT"); do
    printf '\nfunc capcheckBenchmarkPlugin%s() -> Int { %s }\n' "$i" "$i" >>"$touched"
    s=$(now); swift package --package-path "$work" --scratch-path "$scratch" -c release capcheck audit -q >/dev/null 2>"$work/plugin.log"
    plugin_runs+=("$(elapsed "$s")")
    printf '\nfunc capcheckBenchmarkCLI%s() -> Int { %s }\n' "$i" "$i" >>"$touched"
    s=$(now); "$CAPCHECK" audit -q --package-path "$work" --scratch-path "$scratch" >/dev/null; cli_runs+=("$(elapsed "$s")")
  done
  plugin=$(printf '%s\n' "${plugin_runs[@]}" | best); cli=$(printf '%s\n' "${cli_runs[@]}" | best)

  printf "| %s | %s | %s | %s | %.1f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %.1f%% | %d | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f | %s |\n" \
    "$probe" "$units" "$records" "$occurrences" "$build" "$floor" "$scan" "$cold" "$unfiltered" "$warm" \
    "$(ratio "$warm" "$floor")" "$(awk -v a="$cold" -v b="$build" 'BEGIN { print 100 * a / b }')" "$((peak / 1024))" "$recheck" "$edited" \
    "$(ratio "$edited" "$floor")" "$narrowed" "$kinds" "$(ratio "$narrowed" "$kinds")" "$plugin" "$cli" "$(ratio "$plugin" "$cli")" "$identical"
done
