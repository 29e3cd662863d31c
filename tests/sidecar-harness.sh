#!/usr/bin/env bash
# shellcheck disable=SC2317 # cleanup and on_signal run from traps
# Run a command with a Python helper server (a "sidecar") beside the moto
# server that tests/moto-harness.sh started, then stop the helper. The
# harnesses fault-harness.sh (the fault proxy) and sso-harness.sh (the IAM
# Identity Center stand-in) are this script with their settings:
#
#   sidecar-harness.sh --name NAME --what WORDS --script FILE.py
#                      --ready TAG --export VARIABLE --settings PREFIX
#                      [SCRIPT_ARG...] -- COMMAND [ARG...]
#
# FILE.py (beside this script) is started as `FILE.py --port 0 SCRIPT_ARG...`
# and prints `TAG port=PORT` on its standard output when it listens; the
# command then runs with VARIABLE=http://127.0.0.1:PORT exported, beside
# what moto-harness.sh exports. NAME starts this script's messages, WORDS
# names the helper in them ("the proxy").
#
# Exit status: the command's; 77 (skip) when no python3 is found, unless
# CI=true (then 1); 99 when the helper does not start; 2 on misuse.
#
# Environment (PREFIX_PYTHON, PREFIX_LOG):
#   PREFIX_PYTHON  a Python 3 interpreter to try first (the helpers need the
#                  standard library only)
#   PREFIX_LOG     keep the helper's log in this file (default: a temporary
#                  file, whose end is printed if the command fails)

set -u

name=sidecar-harness what="the helper" script="" ready_tag="" export_name="" settings=""
script_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name=$2; shift 2 ;;
    --what) what=$2; shift 2 ;;
    --script) script=$2; shift 2 ;;
    --ready) ready_tag=$2; shift 2 ;;
    --export) export_name=$2; shift 2 ;;
    --settings) settings=$2; shift 2 ;;
    --) shift; break ;;
    *) script_args+=("$1"); shift ;;
  esac
done

if [ $# -eq 0 ] || [ -z "$script" ] || [ -z "$ready_tag" ] || [ -z "$export_name" ] || [ -z "$settings" ]; then
  echo "usage: $name COMMAND [ARG...]  (inside tests/moto-harness.sh)" >&2
  exit 2
fi
if [ -z "${AMIGO_TEST_ENDPOINT:-}" ]; then
  echo "$name: AMIGO_TEST_ENDPOINT is not set; run me inside tests/moto-harness.sh" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ready_timeout=20
python_setting="${settings}_PYTHON"
log_setting="${settings}_LOG"

python=""
for candidate in ${!python_setting:+"${!python_setting}"} ${AMIGO_MOTO_PYTHON:+"$AMIGO_MOTO_PYTHON"} python3 /usr/bin/python3; do
  if command -v "$candidate" > /dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 7))' 2> /dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "$name: no python3 (3.7 or later) found" >&2
  [ "${CI:-}" = "true" ] && exit 1
  exit 77
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/amigo-${name%-harness}.XXXXXX") || exit 99
ready_file="$workdir/ready"
log_file="${!log_setting:-$workdir/${script%.py}.log}"
helper_pid=""
command_pid=""

cleanup () {
  if [ -n "$helper_pid" ] && kill -0 "$helper_pid" 2> /dev/null; then
    kill -TERM "$helper_pid" 2> /dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$helper_pid" 2> /dev/null || break
      sleep 0.2
    done
    kill -KILL "$helper_pid" 2> /dev/null
    wait "$helper_pid" 2> /dev/null
  fi
  helper_pid=""
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
  echo "$name: last lines of $what's log ($log_file):" >&2
  tail -n 30 "$log_file" >&2 2> /dev/null
}

"$python" "$here/$script" --port 0 "${script_args[@]}" > "$ready_file" 2> "$log_file" &
helper_pid=$!

ready_line=""
deadline=$((SECONDS + ready_timeout))
while [ -z "$ready_line" ]; do
  ready_line=$(grep -m 1 "^$ready_tag " "$ready_file" 2> /dev/null)
  [ -n "$ready_line" ] && break
  if ! kill -0 "$helper_pid" 2> /dev/null; then
    wait "$helper_pid"
    echo "$name: $what exited with status $? before it was ready" >&2
    show_log
    exit 99
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "$name: $what was not ready after ${ready_timeout}s" >&2
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
  echo "$name: unexpected ready line from $what: $ready_line" >&2
  exit 99
fi

export "$export_name=http://127.0.0.1:$port"

"$@" <&0 &
command_pid=$!
wait "$command_pid"
status=$?
command_pid=""
if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
  show_log
fi
exit "$status"
