#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Rewrites the ingestion golden dumps (tests/data/ingest/golden) from what the loader now parses.
# Run after a deliberate change to parsing or to the fixtures, then review `git diff` before committing.
#   tests/tools/regen-golden-ingest.sh [BUILD_DIR]     (default build/dev; run inside installer/ctiflow-dev shell)
set -euo pipefail
build=${1:-build/dev}
cmake --build "$build" --target tst_loader_golden
CTIFLOW_REGEN_GOLDEN=1 TZ=UTC QT_QPA_PLATFORM=offscreen "$build/tests/tst_loader_golden"
git -C "$(dirname "$0")/../.." status --short tests/data/ingest/golden
