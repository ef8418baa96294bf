#!/bin/sh
# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Rewrites the flow analysis golden files (tests/data/flow/golden/*.json) from the current analysis.
# Run on purpose, after a deliberate change to the rules or the JSON, and review the diff.
#   tests/tools/regen-golden-flow.sh [BUILD_DIR]   (default build/dev)
set -eu
build=${1:-build/dev}
cmake --build "$build" --target tst_flow
CTIFLOW_REGENERATE_GOLDEN=1 "$build/tests/tst_flow" goldenJson
git status --short tests/data/flow/golden
