#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the libFuzzer targets built by the fuzz preset, one after the other, each on its own corpus
# (build/fuzz/corpus/<target>, seeded from the test fixtures and the sample trace) plus the committed
# crash regressions (tests/fuzz/regressions/<target>). Run from the repository root in the build
# environment. Exits non-zero when a target finds a crash; the input is saved in build/fuzz/artifacts.
#
#   tests/fuzz/run-fuzzers.sh [TARGET...]     every target (or the ones named)
#
# Environment: CTIFLOW_FUZZ_SECONDS (default 15) per target, or CTIFLOW_FUZZ_RUNS (executions per target,
# for long runs: CTIFLOW_FUZZ_RUNS=10000000); CTIFLOW_FUZZ_ARGS adds libFuzzer options;
# CTIFLOW_FUZZ_PRESET=fuzz-fast runs the targets of that preset (UBSan without ASan, several times
# faster, for long runs) on the same corpora.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=build/${CTIFLOW_FUZZ_PRESET:-fuzz}/tests/fuzz
work=build/fuzz
# Undefined behaviour is a finding, not a warning.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_record fuzz_archive $(cd "$bin" && ls fuzz_flow 2>/dev/null || true))

fixtures() { find resources/samples tests/data -type f -name '*.txt' -not -path '*/golden/*' | sort; }
packed() { find tests/data -type f \( -name '*.gz' -o -name '*.gzo' -o -name '*.zip' -o -name '*.tar' -o -name '*.tgz' \) | sort; }

# Seeds: the fixtures as they are, and for the archive target also packed as gzip, zip, tar, tar.gz
# and a zip inside a zip.
seed() {
    local target=$1 dir=$work/corpus/$1 tmp
    mkdir -p "$dir"
    local f n=0
    for f in $(fixtures); do
        n=$((n + 1))
        cp "$f" "$dir/seed-$n.txt"
    done
    [ "$target" = fuzz_archive ] || return 0
    # Short members keep the archives under the length limit.
    tmp=$(mktemp -d)
    for f in resources/samples/*.txt tests/data/export/*.txt; do head -c 1500 "$f" >"$tmp/$(basename "$f")"; done
    (
        cd "$tmp"
        first=$(ls | head -1)
        gzip -9 -c "$first" >seed.txt.gz
        zip -q -9 seed.zip ./*.txt seed.txt.gz
        zip -q -0 stored.zip "$first"
        tar --format=ustar -cf seed.tar ./*.txt
        tar --format=ustar -czf seed.tar.gz ./*.txt seed.txt.gz
        zip -q nested.zip seed.zip seed.tar.gz
    )
    for f in seed.txt.gz seed.zip stored.zip seed.tar seed.tar.gz nested.zip; do cp "$tmp/$f" "$dir/seed-$f"; done
    for f in $(packed); do
        n=$((n + 1))
        cp "$f" "$dir/seed-$n-$(basename "$f")"
    done
    rm -rf "$tmp"
}

status=0
for target in "${targets[@]}"; do
    [ -x "$bin/$target" ] || { echo "run-fuzzers: $bin/$target is not built (cmake --build --preset ${CTIFLOW_FUZZ_PRESET:-fuzz})" >&2; exit 2; }
    seed "$target"
    mkdir -p "$work/artifacts" "tests/fuzz/regressions/$target"
    limit=(-max_total_time="${CTIFLOW_FUZZ_SECONDS:-15}")
    [ -z "${CTIFLOW_FUZZ_RUNS:-}" ] || limit=(-runs="$CTIFLOW_FUZZ_RUNS")
    # Small inputs keep the executions fast; a few records or a small archive reach every path.
    max_len=2048
    [ "$target" = fuzz_record ] || max_len=8192
    dict=()
    [ ! -f "tests/fuzz/$target.dict" ] || dict=(-dict="tests/fuzz/$target.dict")
    echo "== $target ${limit[*]}"
    # shellcheck disable=SC2086
    if ! "$bin/$target" "${limit[@]}" "${dict[@]}" -max_len="$max_len" -timeout=20 -rss_limit_mb=2560 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-" ${CTIFLOW_FUZZ_ARGS:-} \
        "$work/corpus/$target" "tests/fuzz/regressions/$target" 2>"$work/$target${CTIFLOW_FUZZ_PRESET:+-$CTIFLOW_FUZZ_PRESET}.log"; then
        tail -60 "$work/$target${CTIFLOW_FUZZ_PRESET:+-$CTIFLOW_FUZZ_PRESET}.log" >&2
        status=1
    fi
    grep -E '^stat::number_of_executed_units|^Done' "$work/$target${CTIFLOW_FUZZ_PRESET:+-$CTIFLOW_FUZZ_PRESET}.log" || true
done
exit $status
