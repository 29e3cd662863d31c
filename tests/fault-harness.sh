#!/usr/bin/env bash
# shellcheck disable=SC2317 # cleanup and on_signal run from traps
# Run a command with tests/fault-proxy.py in front of the moto server that
# tests/moto-harness.sh started, then stop the proxy.
#
#   tests/moto-harness.sh tests/fault-harness.sh COMMAND [ARG...]
#
# The command sees what moto-harness.sh exports, plus:
#   AMIGO_FAULT_PROXY   http://127.0.0.1:PORT, the proxy (control API under
#                       /__fault__, see fault-proxy.py)
#
# Exit status: the command's; 77 (skip) when no python3 is found, unless
# CI=true (then 1); 99 when the proxy does not start; 2 on misuse.
#
# Environment:
#   AMIGO_FAULT_PROXY_PYTHON  a Python 3 interpreter to try first (the proxy
#                             needs the standard library only)
#   AMIGO_FAULT_PROXY_LOG     keep the proxy's log in this file (default: a
#                             temporary file, whose end is printed if the
#                             command fails)

set -u

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]  (inside tests/moto-harness.sh)" >&2
  exit 2
fi
if [ -z "${AMIGO_TEST_ENDPOINT:-}" ]; then
  echo "fault-harness: AMIGO_TEST_ENDPOINT is not set; run me inside tests/moto-harness.sh" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
proxy_script="$here/fault-proxy.py"
ready_timeout=20

python=""
for candidate in ${AMIGO_FAULT_PROXY_PYTHON:+"$AMIGO_FAULT_PROXY_PYTHON"} ${AMIGO_MOTO_PYTHON:+"$AMIGO_MOTO_PYTHON"} python3 /usr/bin/python3; do
  if command -v "$candidate" > /dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 7))' 2> /dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "fault-harness: no python3 (3.7 or later) found" >&2
  [ "${CI:-}" = "true" ] && exit 1
  exit 77
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/amigo-fault.XXXXXX") || exit 99
ready_file="$workdir/ready"
log_file="${AMIGO_FAULT_PROXY_LOG:-$workdir/proxy.log}"
proxy_pid=""
command_pid=""

cleanup () {
  if [ -n "$proxy_pid" ] && kill -0 "$proxy_pid" 2> /dev/null; then
    kill -TERM "$proxy_pid" 2> /dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$proxy_pid" 2> /dev/null || break
      sleep 0.2
    done
    kill -KILL "$proxy_pid" 2> /dev/null
    wait "$proxy_pid" 2> /dev/null
  fi
  proxy_pid=""
  rm -rf "$workdir"
}
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
  echo "fault-harness: last lines of the proxy log ($log_file):" >&2
  tail -n 30 "$log_file" >&2 2> /dev/null
}

"$python" "$proxy_script" --port 0 --upstream "$AMIGO_TEST_ENDPOINT" > "$ready_file" 2> "$log_file" &
proxy_pid=$!

ready_line=""
deadline=$((SECONDS + ready_timeout))
while [ -z "$ready_line" ]; do
  ready_line=$(grep -m 1 '^AMIGO_PROXY_READY ' "$ready_file" 2> /dev/null)
  [ -n "$ready_line" ] && break
  if ! kill -0 "$proxy_pid" 2> /dev/null; then
    wait "$proxy_pid"
    echo "fault-harness: the proxy exited with status $? before it was ready" >&2
    show_log
    exit 99
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "fault-harness: the proxy was not ready after ${ready_timeout}s" >&2
    show_log
    exit 99
  fi
  sleep 0.05
done

port=""
for field in $ready_line; do
  case "$field" in
    port=*) port="${field#port=}" ;;
  esac
done
if [ -z "$port" ]; then
  echo "fault-harness: unexpected ready line from the proxy: $ready_line" >&2
  exit 99
fi

export AMIGO_FAULT_PROXY="http://127.0.0.1:$port"

"$@" <&0 &
command_pid=$!
wait "$command_pid"
status=$?
command_pid=""
if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
  show_log
fi
exit "$status"
