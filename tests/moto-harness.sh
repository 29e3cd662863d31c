#!/usr/bin/env bash
# shellcheck disable=SC2317 # cleanup and on_signal run from traps
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
ready_timeout=60

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

workdir=$(mktemp -d "${TMPDIR:-/tmp}/amigo-moto.XXXXXX") || exit 99
ready_file="$workdir/ready"
log_file="${AMIGO_MOTO_LOG:-$workdir/server.log}"
server_pid=""
command_pid=""

cleanup () {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2> /dev/null; then
    kill -TERM "$server_pid" 2> /dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$server_pid" 2> /dev/null || break
      sleep 0.2
    done
    kill -KILL "$server_pid" 2> /dev/null
    wait "$server_pid" 2> /dev/null
  fi
  server_pid=""
  rm -rf "$workdir"
}
# On INT or TERM, stop the command too (with TERM: an asynchronous command
# of a non-interactive shell ignores INT), then the server via cleanup.
on_signal () {
  if [ -n "$command_pid" ]; then
    kill -TERM "$command_pid" 2> /dev/null
  fi
  exit "$1"
}
trap cleanup EXIT
trap 'on_signal 143' TERM
trap 'on_signal 130' INT

show_log () {
  echo "moto-harness: last lines of the server log ($log_file):" >&2
  tail -n 30 "$log_file" >&2 2> /dev/null
}

# shellcheck disable=SC2086 # AMIGO_MOTO_ARGS is a list of options
"$python" "$launcher" --port 0 --enforce-auth ${AMIGO_MOTO_ARGS:-} > "$ready_file" 2> "$log_file" &
server_pid=$!

ready_line=""
deadline=$((SECONDS + ready_timeout))
while [ -z "$ready_line" ]; do
  ready_line=$(grep -m 1 '^AMIGO_MOTO_READY ' "$ready_file" 2> /dev/null)
  [ -n "$ready_line" ] && break
  if ! kill -0 "$server_pid" 2> /dev/null; then
    wait "$server_pid"
    echo "moto-harness: the moto server exited with status $? before it was ready" >&2
    show_log
    exit 99
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "moto-harness: the moto server was not ready after ${ready_timeout}s" >&2
    show_log
    exit 99
  fi
  sleep 0.1
done

port=""
access_key_id=""
secret_access_key=""
for field in $ready_line; do
  case "$field" in
    port=*) port="${field#port=}" ;;
    access_key_id=*) access_key_id="${field#access_key_id=}" ;;
    secret_access_key=*) secret_access_key="${field#secret_access_key=}" ;;
  esac
done
if [ -z "$port" ] || [ -z "$access_key_id" ] || [ -z "$secret_access_key" ]; then
  echo "moto-harness: unexpected ready line from the moto server" >&2
  exit 99
fi

export AMIGO_TEST_ENDPOINT="http://127.0.0.1:$port"
export AMIGO_TEST_ACCESS_KEY_ID="$access_key_id"
export AMIGO_TEST_SECRET_ACCESS_KEY="$secret_access_key"

# In the background so that a signal to this script is handled at once;
# standard input stays the script's.
"$@" <&0 &
command_pid=$!
wait "$command_pid"
status=$?
command_pid=""
if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
  show_log
fi
exit "$status"
