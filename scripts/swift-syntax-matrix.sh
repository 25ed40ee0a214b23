#!/usr/bin/env bash
# Builds capcheck and runs its swift-syntax tests against each swift-syntax version given (default: 600.0.1 602.0.0
# 603.0.1), to back the range Package.swift declares (docs/compatibility.md). Not part of .ci/run: each version
# builds swift-syntax anew, a few minutes on 2 cores.
#
#   bash scripts/swift-syntax-matrix.sh [VERSION...]
#
# For each version: copies this checkout (its working tree, without build folders, .git or Package.resolved) to a
# temporary folder, resolves there, pins swift-syntax to the version (`swift package resolve swift-syntax
# --version`, which needs only the version to be reachable, as the local package mirrors are), checks the pin took,
# runs `swift build --build-tests`, then `swift test --skip-build --filter "$CAPCHECK_MATRIX_FILTER"`.
# The default filter is the tests that exercise swift-syntax: the Swift-source rules on text (SwiftSourceScanner),
# the escape-hatch fixture end to end (EscapeApp), the value analysis on text (SwiftExpressionValues) and the
# narrowed-grant fixture end to end (NarrowApp; NarrowedValues: audit, explain, init). CAPCHECK_MATRIX_FILTER=''
# runs the whole suite (about 8 minutes a version here); the Python tools .ci/run installs under .build/ci-python are
# copied along when present (run .ci/run once first).
#
# Prints one line per version, `swift-syntax V: build ok (Ns), tests: N passed, N failed (filter)` or what failed,
# and exits 1 if any version failed. Each copy is left in $CAPCHECK_MATRIX_DIR (default: a new temporary folder)
# when its version fails, and removed when it passes.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(600.0.1 602.0.0 603.0.1)
filter=${CAPCHECK_MATRIX_FILTER-'SwiftSourceScannerTests|EscapeAppTests|SwiftExpressionValuesTests|NarrowAppTests|NarrowedValuesTests'}
if [ -n "$filter" ]; then scope="filter $filter"; else scope="whole suite"; fi
work=${CAPCHECK_MATRIX_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/capcheck-swift-syntax.XXXXXX")}
mkdir -p "$work"

results=()
status=0
for version in "${versions[@]}"; do
    dir="$work/$version"
    log="$work/$version.log"
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -C "$root" --exclude=.git --exclude=.build --exclude='.build-*' --exclude='.build_*' --exclude=.swiftpm \
        --exclude=Package.resolved -cf - . | tar -C "$dir" -xf -
    # The Python tools .ci/run installs (pre-commit, the SARIF schema), for the tests that need them.
    if [ -d "$root/.build/ci-python" ]; then mkdir -p "$dir/.build" && cp -R "$root/.build/ci-python" "$dir/.build/"; fi
    # A repository of its own: the pre-commit test runs `pre-commit try-repo` on the checkout.
    (cd "$dir" && git init -q && git add -A && git -c user.name=matrix -c user.email=matrix@localhost commit -qm "matrix copy") >/dev/null 2>&1
    echo "== swift-syntax $version in $dir (log: $log)"
    result=""
    if ! (cd "$dir" && swift package resolve && swift package resolve swift-syntax --version "$version") >"$log" 2>&1; then
        result="resolve failed"
    elif ! pinned=$(sed -n '/"identity" : "swift-syntax"/,/}/s/.*"version" : "\(.*\)".*/\1/p' "$dir/Package.resolved") \
        || [ "$pinned" != "$version" ]; then
        result="pin failed (Package.resolved has ${pinned:-none})"
    else
        start=$(date +%s)
        if ! (cd "$dir" && swift build --build-tests) >>"$log" 2>&1; then
            result="build failed after $(( $(date +%s) - start ))s"
        else
            build="build ok ($(( $(date +%s) - start ))s)"
            start=$(date +%s)
            (cd "$dir" && swift test --skip-build ${filter:+--filter "$filter"}) >>"$log" 2>&1
            code=$?
            summary=$(grep -E "Executed [0-9]+ tests?, with" "$log" | tail -1)
            executed=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
            failed=$(sed -E 's/.* ([0-9]+) failures? .*/\1/' <<<"$summary")
            tests="tests: $(( ${executed:-0} - ${failed:-0} )) passed, ${failed:-?} failed in $(( $(date +%s) - start ))s ($scope)"
            if [ $code -eq 0 ] && [ -n "$summary" ] && [ "${executed:-0}" -gt 0 ]; then result="$build, $tests"
            else result="$build, FAILED $tests, exit $code"; fi
        fi
    fi
    case "$result" in
        build\ ok*,\ tests:*) rm -rf "$dir" ;;
        *) status=1 ;;
    esac
    results+=("swift-syntax $version: $result")
    echo "${results[-1]}"
done

echo "== summary ($(swift --version 2>&1 | head -1))"
printf '%s\n' "${results[@]}"
exit $status
