#!/usr/bin/env bash
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

harness_name=$name
harness_what=$what
# shellcheck source=tests/harness-lib.sh
. "$here/harness-lib.sh"
harness_init "${!log_setting:-}"
ready_timeout=20
ready_poll=0.05
harness_start "$python" "$here/$script" --port 0 "${script_args[@]}"

port=$(harness_ready_field port)
if [ -z "$port" ]; then
  echo "$name: unexpected ready line from $what: $ready_line" >&2
  exit 99
fi

export "$export_name=http://127.0.0.1:$port"
harness_run "$@"
