#!/usr/bin/env bash
# Runs `capcheck diff` across the two versions the local package mirrors hold of Yams, swift-crypto and
# swift-nio (docs/real-world.md, "Real upgrades"): for each, a probe app (RealWorld/Upgrades/<name>) is built
# and audited at the old version, then at the new one, and the two JSON reports are compared at sink level.
#
#   RealWorld/upgrades.sh          (WORK defaults to .build-upgrades, git-ignored)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${WORK:-$ROOT/.build-upgrades}
swift build -c release --product capcheck >/dev/null
CAPCHECK=$ROOT/.build/release/capcheck

upgrade() {  # name old new
  local name=$1 old=$2 new=$3
  for version in "$old" "$new"; do
    local probe=$WORK/$name-$version
    rm -rf "$probe"; mkdir -p "$probe"
    cp -R "RealWorld/Upgrades/$name/Sources" "$probe/"
    sed "s/@VERSION@/$version/" "RealWorld/Upgrades/$name/Package.swift.template" > "$probe/Package.swift"
    "$CAPCHECK" audit -q --package-path "$probe" --format json --output "$WORK/$name-$version.json" || return 2
  done
  echo "### $name $old → $new"
  echo '```'
  "$CAPCHECK" diff --granularity sink "$WORK/$name-$old.json" "$WORK/$name-$new.json"
  echo "(exit $?)"
  echo '```'
}

mkdir -p "$WORK"
upgrade yams 5.0.1 6.2.2
upgrade swift-crypto 3.12.3 4.5.2
upgrade swift-nio 2.101.2 2.101.3
