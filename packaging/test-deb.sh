#!/usr/bin/env bash
# Builds the Debian package from a build folder, installs it with apt-get, checks the installed
# programs and files from outside the build tree, then removes the package again (and any
# package apt-get pulled in for it), so the machine is left as it was.
#   packaging/test-deb.sh BUILD_DIR
# Needs root and apt-get (CI runs it as root on a clean Debian 12 through ctest:
# packaging/deb_install); elsewhere it exits 77, which ctest reports as skipped. The tools it
# uses come from packaging/install-deps.sh (dpkg-dev, desktop-file-utils, appstream, man-db).
set -euo pipefail

SKIP=77
BUILD_DIR="$(cd "${1:?usage: test-deb.sh BUILD_DIR}" && pwd)"
APP_ID=io.github.nadstudio.NadStudio

say() { echo "test-deb: $*"; }
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
indent() { sed 's/^/  /'; }

if [ "$(id -u)" -ne 0 ]; then say "skipped: installs a package, needs root"; exit $SKIP; fi
if ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then
  say "skipped: no apt-get/dpkg"; exit $SKIP
fi
if dpkg-query -W -f='${Status}' nad-studio 2>/dev/null | grep -q "ok installed"; then
  say "skipped: nad-studio is already installed here; not replacing it"; exit $SKIP
fi
for f in /usr/bin/nad /usr/bin/nad-studio; do
  if [ -e "$f" ]; then say "skipped: $f exists (not from the package); not overwriting it"; exit $SKIP; fi
done
missing=()
for tool in cpack dpkg-shlibdeps desktop-file-validate appstreamcli man; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || fail "missing ${missing[*]}: run packaging/install-deps.sh"
[ -f "$BUILD_DIR/CPackConfig.cmake" ] || fail "$BUILD_DIR is not a configured build folder"

WORK="$(mktemp -d /tmp/nad-deb.XXXXXX)"
chmod 755 "$WORK"  # apt-get reads the .deb as user _apt
BEFORE="$WORK/packages-before"
dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 ~ /^ii/ {print $2}' | sort > "$BEFORE"
INSTALLED=0

cleanup() {
  local rc=$?
  if [ "$INSTALLED" = 1 ]; then
    say "removing nad-studio"
    DEBIAN_FRONTEND=noninteractive apt-get remove -y nad-studio >"$WORK/remove.log" 2>&1 \
      || { cat "$WORK/remove.log" >&2; rc=1; }
    local after new
    after="$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 ~ /^ii/ {print $2}' | sort)"
    new="$(comm -13 "$BEFORE" <(echo "$after") | tr '\n' ' ')"
    if [ -n "${new// /}" ]; then
      say "removing what apt-get installed with it: $new"
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive apt-get purge -y $new >>"$WORK/remove.log" 2>&1 \
        || { cat "$WORK/remove.log" >&2; rc=1; }
    fi
    for f in /usr/bin/nad /usr/bin/nad-studio /usr/share/man/man1/nad.1.gz; do
      if [ -e "$f" ]; then echo "test-deb: FAIL: $f left behind" >&2; rc=1; fi
    done
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

# 1. The package.
say "building the package (cpack -G DEB) from $BUILD_DIR"
T0=$SECONDS
(cd "$BUILD_DIR" && cpack -G DEB -B "$WORK/cpack" >"$WORK/cpack.log" 2>&1) \
  || { cat "$WORK/cpack.log" >&2; fail "cpack failed"; }
shopt -s nullglob
debs=("$WORK"/cpack/nad-studio_*_amd64.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one nad-studio_<version>_amd64.deb, found: $(ls "$WORK/cpack")"
DEB="$WORK/$(basename "${debs[0]}")"
mv "${debs[0]}" "$DEB"
chmod 644 "$DEB"
VERSION="$(dpkg-deb -f "$DEB" Version)"
say "built $(basename "$DEB") in $((SECONDS - T0)) s"
EXPECTED_VERSION="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD_DIR/CPackConfig.cmake")"
[ "$VERSION" = "$EXPECTED_VERSION" ] || fail "package version $VERSION, project version $EXPECTED_VERSION"
DEPENDS="$(dpkg-deb -f "$DEB" Depends)"
say "Depends: $DEPENDS"
for dep in libtorch libqt6widgets6 libqt6svg6 libqcustomplot libopencv-core libsqlite3-0 \
           libopenblas0-openmp fonts-dejavu-core; do
  [[ "$DEPENDS" == *"$dep"* ]] || fail "Depends lacks $dep"
done
# Exactly these files, nothing from the build tree or the test suites.
dpkg-deb -c "$DEB" | awk '$1 !~ /^d/ {print $6}' | sort > "$WORK/contents"
{
  printf '%s\n' ./usr/bin/nad ./usr/bin/nad-studio ./usr/share/applications/nad-studio.desktop \
    "./usr/share/metainfo/$APP_ID.metainfo.xml" ./usr/share/man/man1/nad.1.gz \
    ./usr/share/man/man1/nad-studio.1.gz ./usr/share/doc/nad-studio/copyright \
    ./usr/share/icons/hicolor/scalable/apps/nad-studio.svg
  for size in 16 32 48 64 128 256; do
    echo "./usr/share/icons/hicolor/${size}x${size}/apps/nad-studio.png"
  done
  for model in vgg-w16-s1 resnet-w8-s1 densenet-w8-s1 darts-w8-s1; do
    printf '%s\n' "./usr/share/nad-studio/zoo/$model.pt" "./usr/share/nad-studio/zoo/$model.json"
  done
} | sort > "$WORK/expected"
diff -u "$WORK/expected" "$WORK/contents" >&2 || fail "the package's files differ from the expected list"
say "contents: $(wc -l < "$WORK/contents") files as expected"

# 2. Install it.
say "installing with apt-get"
T0=$SECONDS
INSTALLED=1
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$DEB" \
  >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log" >&2; fail "apt-get install failed"; }
say "installed in $((SECONDS - T0)) s"
dpkg-query -W -f='${Status}' nad-studio | grep -q "ok installed" || fail "nad-studio not installed"

# 3. The installed programs, run from an empty folder with the system PATH only.
cd "$WORK"
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
unset LD_LIBRARY_PATH QT_PLUGIN_PATH
[ "$(command -v nad)" = /usr/bin/nad ] || fail "nad is not /usr/bin/nad"
for exe in /usr/bin/nad /usr/bin/nad-studio; do
  if ldd "$exe" | grep -q "not found"; then ldd "$exe" | grep "not found" >&2; fail "$exe: missing libraries"; fi
  if readelf -d "$exe" | grep -qE "RPATH|RUNPATH"; then fail "$exe has an RPATH into the build tree"; fi
done
out="$(nad --version)" || fail "nad --version failed"
indent <<<"$out"
[[ "$out" == "nad $VERSION "* ]] || fail "nad --version does not say $VERSION"
DATA=/usr/share/datasets/fashion-mnist
if [ -d "$DATA" ]; then
  out="$(nad dataset inspect "$DATA")" || fail "nad dataset inspect $DATA failed"
  head -4 <<<"$out" | indent
  grep -q "Ankle boot" <<<"$out" || fail "nad dataset inspect does not list Fashion-MNIST's classes"
else
  fail "$DATA missing (package dataset-fashion-mnist, from packaging/install-deps.sh)"
fi
out="$(nad zoo list --zoo /usr/share/nad-studio/zoo)" || fail "nad zoo list on the shipped zoo failed"
for model in vgg-w16-s1 resnet-w8-s1 densenet-w8-s1 darts-w8-s1; do
  grep -q "$model" <<<"$out" || fail "the shipped zoo lacks $model: $out"
done
# The installed nad finds the shipped models itself (beside its prefix, not in the build tree).
out="$(nad zoo list --zoo "$WORK/empty-zoo")" || fail "nad zoo list failed"
grep -q "Shipped with NAD Studio: /usr/share/nad-studio/zoo (4 models)" <<<"$out" \
  || fail "nad does not find the shipped zoo: $out"
mkdir -m 700 "$WORK/runtime"
out="$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$WORK/runtime" nad-studio --version)" \
  || fail "nad-studio --version failed"
echo "  $out"
[ "$out" = "nad-studio $VERSION" ] || fail "nad-studio --version says '$out'"

# 4. The desktop entry, metainfo, icons and man pages as installed.
desktop-file-validate /usr/share/applications/nad-studio.desktop \
  || fail "desktop-file-validate"
say "desktop-file-validate: ok"
appstreamcli validate --no-net "/usr/share/metainfo/$APP_ID.metainfo.xml" \
  || fail "appstreamcli validate"
for size in 16 32 48 64 128 256; do
  png=/usr/share/icons/hicolor/${size}x${size}/apps/nad-studio.png
  # PNG header: width and height as big-endian 32-bit numbers at bytes 16 and 20.
  dims="$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')"
  [ "$dims" = "${size}x${size}" ] || fail "$png is $dims"
done
say "icons: ok"
page="$(man -w nad)" || fail "man -w nad finds no page"
[ "$page" = /usr/share/man/man1/nad.1.gz ] || fail "man -w nad: $page"
man -w nad-studio >/dev/null || fail "man -w nad-studio finds no page"
warnings="$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)"
[ -z "$warnings" ] || fail "man nad: $warnings"
say "man -w nad: $page"

say "all checks passed; removing the package"
