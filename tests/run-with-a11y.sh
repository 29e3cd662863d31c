#!/bin/sh
# run-with-a11y.sh [--python] COMMAND [ARGS...]
#
# Runs COMMAND with accessibility on: GTK talks AT-SPI on the accessibility
# bus, which the session bus starts on demand (at-spi-bus-launcher, then
# at-spi2-registryd). Run it inside a private session bus
# (run-with-keyring.sh) and an X server (run-with-xvfb.sh, whose
# NO_AT_BRIDGE and GTK_A11Y=none it undoes).
#
# --python: COMMAND is a Python script that needs pyatspi; it runs with the
# first of $AMIGO_A11Y_PYTHON, /usr/bin/python3 and python3 that has it
# (Debian's python3-pyatspi installs it for the system Python only).
#
# Exits with COMMAND's status; 77 (skip) when a tool is missing, unless
# CI=true.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

me=run-with-a11y

skip_or_fail () {
  if [ "${CI:-}" = true ]; then
    echo "$me: $1 (failing: CI=true)" >&2
    exit 1
  fi
  echo "$me: $1; skipping" >&2
  exit 77
}

python=
if [ "${1:-}" = --python ]; then
  shift
  for candidate in ${AMIGO_A11Y_PYTHON:+"$AMIGO_A11Y_PYTHON"} /usr/bin/python3 python3; do
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c 'import pyatspi' >/dev/null 2>&1; then
      python=$candidate
      break
    fi
  done
  [ -n "$python" ] || skip_or_fail "no Python with pyatspi (apt-get install python3-pyatspi)"
fi
if [ $# -eq 0 ]; then
  echo "usage: $0 [--python] COMMAND [ARGS...]" >&2
  exit 2
fi

[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] ||
  skip_or_fail "no session bus (run me inside run-with-keyring.sh)"
[ -n "${DISPLAY:-}" ] ||
  skip_or_fail "no X server (run me inside run-with-xvfb.sh)"

# Start the accessibility bus ourselves rather than let the session bus
# activate it: what it and the registry daemon print must go to stderr, not
# into the test's TAP output.
find_libexec () {
  for dir in /usr/libexec /usr/lib/at-spi2-core /usr/lib/at-spi2 /usr/lib/x86_64-linux-gnu; do
    if [ -x "$dir/$1" ]; then
      echo "$dir/$1"
      return 0
    fi
  done
  return 1
}
launcher=$(find_libexec at-spi-bus-launcher) ||
  skip_or_fail "at-spi-bus-launcher is missing (apt-get install at-spi2-core)"
registryd=$(find_libexec at-spi2-registryd) ||
  skip_or_fail "at-spi2-registryd is missing (apt-get install at-spi2-core)"

launcher_pid=
registryd_pid=
stop_launcher () {
  # Only what this script started; the launcher takes its bus down with it.
  for pid in $registryd_pid $launcher_pid; do
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  registryd_pid=
  launcher_pid=
}
trap stop_launcher EXIT
trap 'stop_launcher; exit 130' INT
trap 'stop_launcher; exit 143' TERM

"$launcher" --launch-immediately --a11y=1 >&2 &
launcher_pid=$!
tries=0
until dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
        org.a11y.Bus.GetAddress 2>/dev/null | grep -q 'string "unix:'; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ] || ! kill -0 "$launcher_pid" 2>/dev/null; then
    echo "$me: the accessibility bus did not start" >&2
    exit 1
  fi
  sleep 0.1
done
address=$(dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
            org.a11y.Bus.GetAddress | sed -n 's/^ *string "\(.*\)"$/\1/p')
"$registryd" >&2 &
registryd_pid=$!
tries=0
until dbus-send --bus="$address" --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.a11y.atspi.Registry 2>/dev/null |
      grep -q 'boolean true'; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ] || ! kill -0 "$registryd_pid" 2>/dev/null; then
    echo "$me: the accessibility registry did not start" >&2
    exit 1
  fi
  sleep 0.1
done

unset NO_AT_BRIDGE
export GTK_A11Y=atspi
# libadwaita would ask a settings portal, which the private bus would
# start (and which has no display to talk to): XSettings is enough here.
export ADW_DISABLE_PORTAL=1

if [ -n "$python" ]; then
  "$python" "$@"
else
  "$@"
fi
status=$?
stop_launcher
exit "$status"
