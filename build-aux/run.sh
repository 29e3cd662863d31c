#!/usr/bin/env bash
# Builds Amigo and runs it from the build tree.
#
# With no AWS account configured (no AWS_* keys in the environment, no
# ~/.aws files), or with --demo, Amigo runs against a local moto server
# filled with a few example images, so you see a working window without
# touching AWS. --no-demo runs it against your own configuration always.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=auto
case "${1:-}" in
  --demo) mode=demo; shift ;;
  --no-demo) mode=real; shift ;;
esac

build-aux/install-deps.sh

builddir=${AMIGO_BUILDDIR:-_build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir"
fi
meson compile -C "$builddir"

export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data"

if [ "$mode" = auto ]; then
  mode=real
  if [ -z "${AWS_ACCESS_KEY_ID:-}" ] && [ -z "${AWS_PROFILE:-}" ] &&
     [ ! -e "${AWS_CONFIG_FILE:-$HOME/.aws/config}" ] &&
     [ ! -e "${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}" ]; then
    mode=demo
  fi
fi

if [ "$mode" = real ]; then
  exec "$builddir/src/amigo" "$@"
fi

echo "No AWS account configured: running Amigo against a local moto server (demo)."
export AMIGO_MOTO_ARGS="--quiet"
exec tests/moto-harness.sh bash -c '
  set -e
  "$(dirname "$0")/demo-seed.py"
  export AWS_ACCESS_KEY_ID="$AMIGO_TEST_ACCESS_KEY_ID"
  export AWS_SECRET_ACCESS_KEY="$AMIGO_TEST_SECRET_ACCESS_KEY"
  export AWS_ENDPOINT_URL="$AMIGO_TEST_ENDPOINT"
  export AWS_REGION="${AWS_REGION:-ap-northeast-2}"
  unset AMIGO_TEST_ACCESS_KEY_ID AMIGO_TEST_SECRET_ACCESS_KEY
  "$@"
' "$PWD/build-aux/demo-seed.py" "$builddir/src/amigo" "$@"
