#!/usr/bin/env bash
# Quick start, command 2: install, check formatting, build with warnings as errors, and run every
# test tier (ctest labels unit, e2e, reliability, packaging; see cmake/NadTestTiers.cmake). GUI
# suites run on Qt's offscreen platform, so no display is needed. A suite that skips because a
# dependency the deps script installs is missing fails here (NAD_TESTS_REQUIRE_DEPENDENCIES).
# Then the reliability jobs: the LibTorch-free core suites again under ASan+UBSan (build-asan/;
# `run-sanitized-tests.sh --all` for every one), and a 60-second libFuzzer smoke per file reader
# (build-fuzz/). NAD_QUICK_TESTS=1 skips those two.
# Everyday work: `ctest --test-dir build -L unit` (the unit tier only).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Cache compilations across clones of the repository (paths relative to the clone).
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
# Without these, ccache refuses every compilation that uses a precompiled header (-include
# cmake_pch.hxx): about half of ours. The PCH's own inputs are hashed, so a stale one still misses.
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
# Each stage says how long it took, so a slow CI shows where its time went.
stage_start=$SECONDS
stage() {
  local took=$((SECONDS - stage_start))
  echo "== $* (the stage before took $((took / 60)) min $((took % 60)) s)"
  stage_start=$SECONDS
}
bash "$ROOT/packaging/install-deps.sh"
stage "formatting (clang-format)"
bash "$ROOT/packaging/check-format.sh"
stage "build (Release, warnings as errors)"
bash "$ROOT/packaging/build.sh" "$ROOT/build" -DNAD_WERROR=ON -DNAD_TESTS_REQUIRE_DEPENDENCIES=ON
stage "tests: every tier"
(cd "$ROOT/build" && ctest --output-on-failure -j "${NAD_JOBS:-$(nproc)}" --timeout 1800)

if [ "${NAD_QUICK_TESTS:-0}" != "1" ]; then
  stage "core suites under AddressSanitizer + UndefinedBehaviorSanitizer"
  bash "$ROOT/packaging/run-sanitized-tests.sh" "$ROOT/build-asan"
  stage "fuzz smoke (60 s per target)"
  bash "$ROOT/packaging/run-fuzz.sh" "${NAD_FUZZ_SMOKE_SECONDS:-60}"
fi
stage "done: the whole run took $((SECONDS / 60)) min $((SECONDS % 60)) s"
