#!/usr/bin/env bash
# Proves that two capcheck builds report the same: runs `audit` and `check` with `--format json` of each build on every
# fixture root (and any extra package folders given after `--`), on the same build folders, and compares the reports
# byte for byte. For refactors that must not change behaviour (issue 19) and for caches and incremental work.
#
#   Benchmarks/compare-reports.sh OLD_CAPCHECK NEW_CAPCHECK [-- PACKAGE ...]
#
# Each fixture is built once (debug) into .build/compare/<name>; exits 1 on any difference, printing the first lines.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2; shift 2
extra=()
if [ "${1:-}" = "--" ]; then shift; extra=("$@"); fi
packages=()
for fixture in Fixtures/*/; do
    name=$(basename "$fixture")
    case $name in Packages|BrokenBuild|PluginUser|BuildTimeApp|SandboxProbe|Diff) continue ;; esac  # not analysable as is, or built by their own tests
    [ -f "$fixture/Package.swift" ] && packages+=("$PWD/${fixture%/}")
done
packages+=("${extra[@]}")
status=0
for package in "${packages[@]}"; do
    name=$(basename "$package")
    scratch=$PWD/.build/compare/$name
    if ! swift build --package-path "$package" --scratch-path "$scratch" >/dev/null 2>&1; then echo "skip $name: it does not build"; continue; fi
    for command in audit check; do
        for which in old new; do
            binary=$old; [ $which = new ] && binary=$new
            rm -rf "$scratch/capcheck"
            "$binary" $command --package-path "$package" --scratch-path "$scratch" --skip-build --format json --quiet \
                > "$scratch/$command.$which.json" 2>/dev/null || true
        done
        if cmp -s "$scratch/$command.old.json" "$scratch/$command.new.json"; then
            echo "same: $name $command ($(wc -c < "$scratch/$command.new.json") bytes)"
        else
            echo "DIFFERENT: $name $command"; diff "$scratch/$command.old.json" "$scratch/$command.new.json" | head -10; status=1
        fi
    done
done
exit $status
