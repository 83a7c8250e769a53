#!/usr/bin/env bash
# Quick start, command 2: install, build, and run the whole test suite (ctest over the Qt Test
# and core suites). GUI suites run on Qt's offscreen platform, so no display is needed.
# Then the reliability jobs: the core suites again under ASan+UBSan (build-asan/), and a
# 60-second libFuzzer smoke per file reader (build-fuzz/). NAD_QUICK_TESTS=1 skips those two.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Cache compilations across clones of the repository (paths relative to the clone).
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
bash "$ROOT/packaging/build.sh" "$ROOT/build"
(cd "$ROOT/build" && ctest --output-on-failure -j "${NAD_JOBS:-$(nproc)}" --timeout 1800)

if [ "${NAD_QUICK_TESTS:-0}" != "1" ]; then
  echo "== core suites under AddressSanitizer + UndefinedBehaviorSanitizer"
  bash "$ROOT/packaging/run-sanitized-tests.sh" "$ROOT/build-asan"
  echo "== fuzz smoke (60 s per target)"
  bash "$ROOT/packaging/run-fuzz.sh" "${NAD_FUZZ_SMOKE_SECONDS:-60}"
fi
