#!/usr/bin/env bash
# Quick start, command 1: install, build, and run the built-in Fashion-MNIST demo.
# With a display it opens nad-studio on the demo project; without one it runs the same job
# headless with `nad demo`. The project lives in $XDG_DATA_HOME/nad-studio/demo.nad.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/packaging/build.sh" "$ROOT/build"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$ROOT/build/bin/nad-studio" --demo "$@"
else
  echo "No display: running the demo headless (nad demo)."
  exec "$ROOT/build/bin/nad" demo "$@"
fi
