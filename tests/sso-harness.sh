#!/usr/bin/env bash
# shellcheck disable=SC2317 # cleanup and on_signal run from traps
# Run a command with tests/sso-standin.py (IAM Identity Center: SSO OIDC and
# the portal) beside the moto server that tests/moto-harness.sh started, then
# stop the stand-in. Role credentials are minted through moto's STS.
#
#   tests/moto-harness.sh tests/sso-harness.sh COMMAND [ARG...]
#
# The command sees what moto-harness.sh exports, plus:
#   AMIGO_TEST_SSO_ENDPOINT  http://127.0.0.1:PORT, the stand-in (test
#                            control under /amigo-test, see sso-standin.py)
#
# Exit status: the command's; 77 (skip) when no python3 is found, unless
# CI=true (then 1); 99 when the stand-in does not start; 2 on misuse.
#
# Environment:
#   AMIGO_SSO_STANDIN_PYTHON  a Python 3 interpreter to try first (the stand-in
#                             needs the standard library only)
#   AMIGO_SSO_STANDIN_LOG     keep the stand-in's log in this file (default: a
#                             temporary file, whose end is printed if the
#                             command fails)

set -u

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]  (inside tests/moto-harness.sh)" >&2
  exit 2
fi
if [ -z "${AMIGO_TEST_ENDPOINT:-}" ]; then
  echo "sso-harness: AMIGO_TEST_ENDPOINT is not set; run me inside tests/moto-harness.sh" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
standin_script="$here/sso-standin.py"
ready_timeout=20

python=""
for candidate in ${AMIGO_SSO_STANDIN_PYTHON:+"$AMIGO_SSO_STANDIN_PYTHON"} ${AMIGO_MOTO_PYTHON:+"$AMIGO_MOTO_PYTHON"} python3 /usr/bin/python3; do
  if command -v "$candidate" > /dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 7))' 2> /dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "sso-harness: no python3 (3.7 or later) found" >&2
  [ "${CI:-}" = "true" ] && exit 1
  exit 77
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/amigo-sso.XXXXXX") || exit 99
ready_file="$workdir/ready"
log_file="${AMIGO_SSO_STANDIN_LOG:-$workdir/standin.log}"
standin_pid=""
command_pid=""

cleanup () {
  if [ -n "$standin_pid" ] && kill -0 "$standin_pid" 2> /dev/null; then
    kill -TERM "$standin_pid" 2> /dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$standin_pid" 2> /dev/null || break
      sleep 0.2
    done
    kill -KILL "$standin_pid" 2> /dev/null
    wait "$standin_pid" 2> /dev/null
  fi
  standin_pid=""
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
  echo "sso-harness: last lines of the stand-in log ($log_file):" >&2
  tail -n 30 "$log_file" >&2 2> /dev/null
}

"$python" "$standin_script" --port 0 --sts-endpoint "$AMIGO_TEST_ENDPOINT" > "$ready_file" 2> "$log_file" &
standin_pid=$!

ready_line=""
deadline=$((SECONDS + ready_timeout))
while [ -z "$ready_line" ]; do
  ready_line=$(grep -m 1 '^AMIGO_SSO_READY ' "$ready_file" 2> /dev/null)
  [ -n "$ready_line" ] && break
  if ! kill -0 "$standin_pid" 2> /dev/null; then
    wait "$standin_pid"
    echo "sso-harness: the stand-in exited with status $? before it was ready" >&2
    show_log
    exit 99
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "sso-harness: the stand-in was not ready after ${ready_timeout}s" >&2
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
  echo "sso-harness: unexpected ready line from the stand-in: $ready_line" >&2
  exit 99
fi

export AMIGO_TEST_SSO_ENDPOINT="http://127.0.0.1:$port"

"$@" <&0 &
command_pid=$!
wait "$command_pid"
status=$?
command_pid=""
if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
  show_log
fi
exit "$status"
