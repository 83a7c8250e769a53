#!/usr/bin/env bash
# Builds the engine and its core test suites with AddressSanitizer + UndefinedBehaviorSanitizer
# (-DNAD_SANITIZE=ON, no GUI) and runs them. Any finding aborts the suite that hit it.
#   packaging/run-sanitized-tests.sh [BUILD_DIR]     (default: build-asan/ at the repository root)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build-asan}"

bash "$ROOT/packaging/install-deps.sh"
JOBS="${NAD_JOBS:-$(nproc)}"
cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNAD_BUILD_TESTS=ON \
      -DNAD_BUILD_GUI=OFF -DNAD_SANITIZE=ON >/dev/null
# The unit suites and the canaries; the e2e suites (training a zoo model, exporting torchvision
# models) would take most of CI's time under ASan for code the unit suites already reach, so
# only what the chosen suites need is built. core/no_qt_linked reads every core test binary and
# runs in the main build. A canary test is named core/sanitizer_catches_KIND; its binary is
# sanitizer_canary.
SUITES=(-R '^core/' -LE e2e -E '^core/no_qt_linked$')
mapfile -t targets < <(ctest --test-dir "$BUILD_DIR" -N "${SUITES[@]}" |
  sed -n 's|^ *Test *#[0-9]*: core/\([A-Za-z0-9_]*\)$|\1|p' | sed 's/^sanitizer_catches_.*/sanitizer_canary/' | sort -u)
[ ${#targets[@]} -gt 0 ] || { echo "run-sanitized-tests: no suite found in $BUILD_DIR" >&2; exit 1; }
cmake --build "$BUILD_DIR" -j "$JOBS" --target "${targets[@]}"
cd "$BUILD_DIR"
# The suites read ASAN_OPTIONS/UBSAN_OPTIONS/LSAN_OPTIONS from their ctest environment.
ctest --output-on-failure -j "$JOBS" --timeout 1800 "${SUITES[@]}"
