#!/usr/bin/env bash
# Run a command against a private moto server (tests/moto-launcher.py) that
# enforces SigV4 authentication, then stop the server.
#
#   tests/moto-harness.sh COMMAND [ARG...]
#
# The command sees:
#   AMIGO_TEST_ENDPOINT           http://127.0.0.1:PORT
#   AMIGO_TEST_ACCESS_KEY_ID      the key of the server's IAM user amigo-test
#   AMIGO_TEST_SECRET_ACCESS_KEY  its secret (a throwaway of the local fake)
#
# Exit status: the command's; 77 (skip) when no Python with moto is found,
# unless CI=true (then 1); 99 when the server does not start; 2 on misuse.
#
# Environment:
#   AMIGO_MOTO_PYTHON   a Python interpreter to try first
#   AMIGO_MOTO_ARGS     extra launcher options, e.g. "--no-patches"
#   AMIGO_MOTO_LOG      keep the server's log in this file (default: a
#                       temporary file, whose end is printed if the command fails)

set -u

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
launcher="$here/moto-launcher.py"
ready_timeout=180   # a wait until ready: generous for a loaded machine, free when moto is quick

skip_or_fail () {
  echo "moto-harness: $1" >&2
  if [ "${CI:-}" = "true" ]; then
    exit 1
  fi
  exit 77
}

# Print the real interpreter (not a pyenv shim) of the first candidate that
# can import moto's server.
find_python () {
  local candidate executable
  local pyenv_root="${PYENV_ROOT:-${HOME:-/nonexistent}/.pyenv}"
  for candidate in ${AMIGO_MOTO_PYTHON:+"$AMIGO_MOTO_PYTHON"} python3 python3.11 \
                   "$pyenv_root/shims/python3" "$pyenv_root"/versions/*/bin/python3; do
    command -v "$candidate" > /dev/null 2>&1 || continue
    executable=$("$candidate" -c 'import sys, moto.server; print(sys.executable)' 2> /dev/null) || continue
    if [ -n "$executable" ] && [ -x "$executable" ]; then
      printf '%s\n' "$executable"
      return 0
    fi
  done
  return 1
}

python=$(find_python) || skip_or_fail "no Python with moto found (tried \$AMIGO_MOTO_PYTHON, python3, python3.11, pyenv); install it with: pip install \"moto[server]\""

harness_name=moto-harness
harness_what="the moto server"
# shellcheck source=tests/harness-lib.sh
. "$here/harness-lib.sh"
harness_init "${AMIGO_MOTO_LOG:-}"
ready_tag=AMIGO_MOTO_READY
ready_poll=0.1
# shellcheck disable=SC2086 # AMIGO_MOTO_ARGS is a list of options
harness_start "$python" "$launcher" --port 0 --enforce-auth ${AMIGO_MOTO_ARGS:-}

port=$(harness_ready_field port)
access_key_id=$(harness_ready_field access_key_id)
secret_access_key=$(harness_ready_field secret_access_key)
if [ -z "$port" ] || [ -z "$access_key_id" ] || [ -z "$secret_access_key" ]; then
  echo "moto-harness: unexpected ready line from the moto server" >&2
  exit 99
fi

export AMIGO_TEST_ENDPOINT="http://127.0.0.1:$port"
export AMIGO_TEST_ACCESS_KEY_ID="$access_key_id"
export AMIGO_TEST_SECRET_ACCESS_KEY="$secret_access_key"

harness_run "$@"
