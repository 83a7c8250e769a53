#!/usr/bin/env bash
# Installs every Debian bookworm package that building, the demo and the tests of
# NAD Studio need. Idempotent: packages already present are skipped, and
# `apt-get update` only runs when the package lists are missing or a package is unknown.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # Qt 6 (widgets, svg, translations, test)
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libgl-dev
  # plots
  libqcustomplot-dev
  # engine
  libtorch-dev libopenblas0-openmp libopencv-dev libsqlite3-dev sqlite3 zlib1g-dev
  nlohmann-json3-dev libcli11-dev libssl-dev
  # core tests (Qt-free, so they also build on a GPU server without Qt)
  libgtest-dev
  # reliability jobs: clang with libFuzzer and its sanitizer runtimes (tests/fuzz); gcc's
  # ASan/UBSan runtimes come with build-essential
  clang libclang-rt-14-dev
  # data
  dataset-fashion-mnist
  # headless GUI runs and screenshots; the figures' default font (DejaVu Sans)
  xvfb xauth fonts-dejavu-core
  # tests: real torchvision architectures exported to TorchScript
  python3 python3-torch python3-torchvision
  # tests: SciPy as the reference for the clustering and dendrogram order
  python3-scipy
  # the Debian package (cpack -G DEB) and its install test (packaging/test-deb.sh):
  # dpkg-shlibdeps, desktop-file-validate, appstreamcli, man
  dpkg-dev desktop-file-utils appstream man-db
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ] \
   || ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
  $SUDO apt-get update
fi
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
