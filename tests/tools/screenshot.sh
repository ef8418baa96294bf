#!/bin/sh
# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the CTI Flow window on a failed session under Xvfb, for the README:
#   tests/tools/screenshot.sh [BUILD_DIR] [OUTPUT.png] [PATH...]
# CTIFLOW_SCREENSHOT_ARGS passes more options to ctiflow-screenshot (--row N, --dock timing, --timeline,
# --preview: while the bundle still loads, --find TEXT: while a Find runs, --mark: the log's time mark,
# --shortcuts: the Keyboard Shortcuts dialog, --start-page: the window before opening, --note TEXT: a note on
# the selected step, --timings).
# Defaults: build/dev, docs/screenshot.png, the generated bundle in tests/data/ui/cucm1.
# Inside the build root: installer/ctiflow-dev shell "tests/tools/screenshot.sh"
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/build/dev}
output=${2:-$repo/docs/screenshot.png}
[ $# -gt 2 ] && shift 2 || set -- "$repo/tests/data/ui/cucm1"
mkdir -p "$(dirname "$output")"
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
xvfb-run -a -s "-screen 0 1700x1100x24" \
    "$build/tests/tools/screenshot/ctiflow-screenshot" --size 1600x1000 ${CTIFLOW_SCREENSHOT_ARGS:-} "$output" "$@"
echo "wrote $output"
