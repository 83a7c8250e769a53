#!/usr/bin/env bash
# Quick start, command 2: install, build, and run the whole test suite (ctest over the Qt Test
# and core suites). GUI suites run on Qt's offscreen platform, so no display is needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/packaging/build.sh" "$ROOT/build"
cd "$ROOT/build"
ctest --output-on-failure -j "${NAD_JOBS:-$(nproc)}" --timeout 1800
