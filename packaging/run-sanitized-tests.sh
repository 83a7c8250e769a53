#!/usr/bin/env bash
# Builds core test suites with AddressSanitizer + UndefinedBehaviorSanitizer (-DNAD_SANITIZE=ON,
# no GUI) and runs them with the sanitizer canaries. Any finding aborts the suite that hit it.
#   packaging/run-sanitized-tests.sh [--all] [BUILD_DIR]   (default: build-asan/ at the root)
# By default (CI): the suites of the LibTorch-free libraries (ctest label torch_free: the readers
# of outside files, the project store, clustering), which need no LibTorch build under ASan —
# that build alone took most of CI's sanitizer stage. --all: every core unit suite, the engine
# and the run's parts included (about 15 minutes more on 2 cores), e.g. before a release.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ALL=0
if [ "${1:-}" = "--all" ]; then ALL=1; shift; fi
BUILD_DIR="${1:-$ROOT/build-asan}"

bash "$ROOT/packaging/install-deps.sh"
JOBS="${NAD_JOBS:-$(nproc)}"
cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNAD_BUILD_TESTS=ON \
      -DNAD_BUILD_GUI=OFF -DNAD_SANITIZE=ON >/dev/null
# Only what the chosen suites need is built. The e2e suites (training a zoo model, exporting
# torchvision models) never run here: under ASan they would take most of CI's time for code the
# unit suites already reach. core/no_qt_linked reads every core test binary and runs in the main
# build. A canary test is named core/sanitizer_catches_KIND (label reliability); its binary is
# sanitizer_canary.
if [ "$ALL" = 1 ]; then
  SUITES=(-R '^core/' -LE e2e -E '^core/no_qt_linked$')
else
  SUITES=(-R '^core/' -L 'torch_free|reliability')
fi
mapfile -t targets < <(ctest --test-dir "$BUILD_DIR" -N "${SUITES[@]}" |
  sed -n 's|^ *Test *#[0-9]*: core/\([A-Za-z0-9_]*\)$|\1|p' | sed 's/^sanitizer_catches_.*/sanitizer_canary/' | sort -u)
[ ${#targets[@]} -gt 0 ] || { echo "run-sanitized-tests: no suite found in $BUILD_DIR" >&2; exit 1; }
cmake --build "$BUILD_DIR" -j "$JOBS" --target "${targets[@]}"
cd "$BUILD_DIR"
# The suites read ASAN_OPTIONS/UBSAN_OPTIONS/LSAN_OPTIONS from their ctest environment.
ctest --output-on-failure -j "$JOBS" --timeout 1800 "${SUITES[@]}"
