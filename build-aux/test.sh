#!/usr/bin/env bash
# Builds Amigo with warnings as errors and runs every test suite:
# unit, integration (moto), ui (Xvfb), fault. Extra arguments go to
# `meson test` (e.g. `--suite unit`).
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

builddir=${AMIGO_BUILDDIR:-_build-test}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dwerror=true
fi
meson compile -C "$builddir"
meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
