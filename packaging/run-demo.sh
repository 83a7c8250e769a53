#!/usr/bin/env bash
# Quick start, command 1: install, build, and run the built-in Fashion-MNIST demo end to end:
# train (or reuse) the four zoo models, learn paths for all 10 concepts on each, evaluate, and
# write every figure (`nad demo`, headless). With a display it then opens nad-studio on the
# project. Project: $XDG_DATA_HOME/nad-studio/demo.nad; figures: demo-figures/ beside it.
# Extra arguments go to `nad demo` (see `nad demo --help`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/packaging/build.sh" "$ROOT/build"

"$ROOT/build/bin/nad" demo "$@"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$ROOT/build/bin/nad-studio" --demo
fi
