#!/usr/bin/env bash
# Installs the dependencies (when missing) and builds NAD Studio in Release mode.
#   packaging/build.sh [BUILD_DIR] [CMAKE_OPTION...]   (default: build/ at the repository root)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"
shift || true

bash "$ROOT/packaging/install-deps.sh"

JOBS="${NAD_JOBS:-$(nproc)}"
cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNAD_BUILD_TESTS=ON "$@"
cmake --build "$BUILD_DIR" -j "$JOBS"
