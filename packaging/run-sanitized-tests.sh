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
cmake --build "$BUILD_DIR" -j "$JOBS"
cd "$BUILD_DIR"
# The suites read ASAN_OPTIONS/UBSAN_OPTIONS/LSAN_OPTIONS from their ctest environment. The unit
# suites and the canaries; the e2e suites (training a zoo model, exporting torchvision models)
# would take most of CI's time under ASan for code the unit suites already reach.
ctest --output-on-failure -j "$JOBS" --timeout 1800 -R '^core/' -LE e2e
