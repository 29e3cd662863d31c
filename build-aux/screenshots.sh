#!/usr/bin/env bash
# Writes PNGs of Amigo's main views into data/screenshots/ (or $1): the
# first run, the list, the details, a search matching nothing, an error,
# and the list in Korean.
# The window is the real one against a seeded local moto server, under
# Xvfb; nothing reaches AWS.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-data/screenshots}
builddir=${AMIGO_BUILDDIR:-_build}
mkdir -p "$out"
out=$(cd "$out" && pwd)

build-aux/install-deps.sh
[ -f "$builddir/build.ninja" ] || meson setup "$builddir"
meson compile -C "$builddir"

export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data"
export GSETTINGS_BACKEND=memory
# Translations from the build tree: po/<lang>/LC_MESSAGES/amigo.mo
mkdir -p "$builddir/locale/ko/LC_MESSAGES"
cp "$builddir/po/ko/LC_MESSAGES/amigo.mo" "$builddir/locale/ko/LC_MESSAGES/amigo.mo"
export AMIGO_LOCALEDIR="$PWD/$builddir/locale"
shot="$PWD/$builddir/tests/screenshot"
seed="$PWD/build-aux/demo-seed.py"
t=tests

export AMIGO_MOTO_ARGS=--quiet
"$t/run-with-keyring.sh" "$t/run-with-xvfb.sh" "$shot" welcome "$out/welcome.png"
"$t/moto-harness.sh" "$t/fault-harness.sh" "$t/run-with-keyring.sh" "$t/run-with-xvfb.sh" bash -c '
  set -e
  python3 "$1" >/dev/null
  "$2" list "$3/list.png"
  "$2" details "$3/details-window.png"
  "$2" list "$3/list-small.png" 800 600
  LANGUAGE=ko LANG=ko_KR.UTF-8 LC_ALL=C.UTF-8 "$2" details "$3/list-ko.png"
  "$2" no-results "$3/no-results.png"
  "$2" error "$3/error.png"
' _ "$seed" "$shot" "$out"
ls -la "$out"
