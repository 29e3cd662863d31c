# shellcheck shell=bash
# shellcheck disable=SC2317 # harness_cleanup and harness_on_signal run from traps
# shellcheck disable=SC2154 # harness_name, harness_what, ready_* are the caller's
# harness-lib.sh — what tests/moto-harness.sh and tests/sidecar-harness.sh
# share, sourced by both: start a helper server, wait for its ready line,
# run the command beside it, stop it on the way out (signals included), and
# show the end of its log when the command fails.
#
# The caller sets, before harness_init:
#   harness_name   the start of every message, e.g. moto-harness
#   harness_what   the helper in messages, e.g. "the moto server"

# Makes the working directory and the log; $1: the log file the caller's
# settings name, if any ("" for a temporary one). Sets workdir, ready_file,
# log_file and installs the traps.
harness_init () {
  workdir=$(mktemp -d "${TMPDIR:-/tmp}/amigo-${harness_name%-harness}.XXXXXX") || exit 99
  ready_file="$workdir/ready"
  log_file="${1:-$workdir/helper.log}"
  helper_pid=""
  command_pid=""
  trap harness_cleanup EXIT
  trap 'harness_on_signal 143' TERM
  trap 'harness_on_signal 130' INT
}

harness_cleanup () {
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

# On INT or TERM, stop the command too (with TERM: an asynchronous command
# of a non-interactive shell ignores INT), then the helper via cleanup.
harness_on_signal () {
  if [ -n "$command_pid" ]; then
    kill -TERM "$command_pid" 2> /dev/null
  fi
  exit "$1"
}

harness_show_log () {
  echo "$harness_name: last lines of $harness_what's log ($log_file):" >&2
  tail -n 30 "$log_file" >&2 2> /dev/null
}

# Starts the helper: "$@" with its output to the ready file and its errors
# to the log. Then waits (at most $ready_timeout seconds, polling every
# $ready_poll) for its line starting with $ready_tag, left in ready_line;
# exits 99 when it dies or is late.
harness_start () {
  "$@" > "$ready_file" 2> "$log_file" &
  helper_pid=$!

  ready_line=""
  local deadline=$((SECONDS + ready_timeout))
  while [ -z "$ready_line" ]; do
    ready_line=$(grep -m 1 "^$ready_tag " "$ready_file" 2> /dev/null)
    [ -n "$ready_line" ] && break
    if ! kill -0 "$helper_pid" 2> /dev/null; then
      wait "$helper_pid"
      echo "$harness_name: $harness_what exited with status $? before it was ready" >&2
      harness_show_log
      exit 99
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$harness_name: $harness_what was not ready after ${ready_timeout}s" >&2
      harness_show_log
      exit 99
    fi
    sleep "$ready_poll"
  done
}

# The value of FIELD=value in the ready line, or nothing.
harness_ready_field () {
  local field
  for field in $ready_line; do
    case "$field" in
      "$1"=*) printf '%s\n' "${field#"$1"=}" ;;
    esac
  done
}

# Runs the command in the background (so that a signal to the harness is
# handled at once; standard input stays the harness's) and exits with its
# status, showing the helper's log when it failed.
harness_run () {
  local status
  "$@" <&0 &
  command_pid=$!
  wait "$command_pid"
  status=$?
  command_pid=""
  if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
    harness_show_log
  fi
  exit "$status"
}
