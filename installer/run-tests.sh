#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole test suite, as CI runs it, inside the build environment: the dev build (which includes
# the clang-format check), then the same tests built with AddressSanitizer and UBSan, then a short
# run of every libFuzzer target (a minute each; CTIFLOW_SKIP_FUZZ=1 skips it, CTIFLOW_FUZZ_SECONDS changes it).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${CTIFLOW_JOBS:-$(nproc)}

run_preset() {
    local preset=$1
    echo "== $preset: configure and build"
    cmake --preset "$preset" >"build-$preset.log" 2>&1 || { cat "build-$preset.log"; exit 1; }
    rm -f "build-$preset.log"
    cmake --build --preset "$preset" -j "$jobs"
    echo "== $preset: tests"
    ctest --preset "$preset" -j "$jobs"
}

run_preset dev
if [ "${CTIFLOW_SKIP_ASAN:-0}" != 1 ]; then
    run_preset asan
fi
if [ "${CTIFLOW_SKIP_FUZZ:-0}" != 1 ]; then
    echo "== fuzz: configure and build"
    cmake --preset fuzz >build-fuzz.log 2>&1 || { cat build-fuzz.log; exit 1; }
    rm -f build-fuzz.log
    cmake --build --preset fuzz -j "$jobs"
    echo "== fuzz: short run of each target"
    CTIFLOW_FUZZ_SECONDS=${CTIFLOW_FUZZ_SECONDS:-60} tests/fuzz/run-fuzzers.sh
fi
