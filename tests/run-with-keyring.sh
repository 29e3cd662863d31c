#!/bin/sh
# run-with-keyring.sh [--file-backend] COMMAND [ARGS...]
#
# Runs COMMAND against a real, private keyring: a fresh temporary HOME and
# XDG directories, a private session bus (dbus-run-session) and a
# gnome-keyring-daemon of its own, unlocked with a random password. The
# user's own keyring and session bus are never touched. Exits with
# COMMAND's status; 77 (skip) when the tools are missing, unless CI=true.
#
# --file-backend: no daemon; libsecret's file backend instead (the one
# Flatpak apps use behind the Secret portal), on a file in the temp HOME.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

me=run-with-keyring

skip_or_fail () {
  if [ "${CI:-}" = true ]; then
    echo "$me: $1 (failing: CI=true)" >&2
    exit 1
  fi
  echo "$me: $1; skipping" >&2
  exit 77
}

bus_call () {
  dbus-send --session --print-reply "$@" 2>/dev/null
}

# ---- inside the private bus ---------------------------------------------
if [ "${1:-}" = --inner ]; then
  shift
  mode=$1
  shift

  daemon_pid=
  stop_daemon () {
    # Only the daemon this script started: its pid was read off our private bus.
    if [ -n "$daemon_pid" ]; then
      kill "$daemon_pid" 2>/dev/null
      daemon_pid=
    fi
  }
  trap stop_daemon EXIT
  trap 'stop_daemon; exit 130' INT
  trap 'stop_daemon; exit 143' TERM

  if [ "$mode" = service ]; then
    # A non-empty password matters: gnome-keyring writes a keyring with an
    # empty password unencrypted.
    # --unlock creates the "login" collection unlocked with this password,
    # and with no other keyring it also becomes the "default" alias, so
    # storing into SECRET_COLLECTION_DEFAULT needs no prompt (the tests
    # check the alias and the lock state).
    out=$(printf '%s' "$AMIGO_TEST_KEYRING_PASSWORD" |
          gnome-keyring-daemon --daemonize --unlock --components=secrets) ||
      { echo "$me: gnome-keyring-daemon failed to start" >&2; exit 1; }
    # It prints GNOME_KEYRING_CONTROL=… (nothing when it uses the default
    # $XDG_RUNTIME_DIR/keyring); export whatever it says.
    old_ifs=$IFS
    IFS='
'
    for line in $out; do
      case $line in
        [A-Z_]*=*) export "$line" ;;
        *) ;;
      esac
    done
    IFS=$old_ifs

    # Wait for the daemon to own the name. Ask the bus rather than the name
    # itself, which would start a second daemon through D-Bus activation.
    tries=0
    until bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets |
          grep -q 'boolean true'; do
      tries=$((tries + 1))
      if [ "$tries" -gt 100 ]; then
        echo "$me: gnome-keyring-daemon never appeared on the session bus" >&2
        exit 1
      fi
      sleep 0.1
    done
    daemon_pid=$(bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                   org.freedesktop.DBus.GetConnectionUnixProcessID \
                   string:org.freedesktop.secrets | sed -n 's/.*uint32 //p')
    if ! bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets \
           org.freedesktop.DBus.Peer.Ping >/dev/null; then
      echo "$me: gnome-keyring-daemon does not answer on the session bus" >&2
      exit 1
    fi
    if ! bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \
           org.freedesktop.DBus.Properties.Get \
           string:org.freedesktop.Secret.Collection string:Locked | grep -q 'boolean false'; then
      echo "$me: the login keyring is not unlocked" >&2
      exit 1
    fi
    export AMIGO_TEST_KEYRING_FILE="$XDG_DATA_HOME/keyrings/login.keyring"
  else
    export SECRET_BACKEND=file
    export SECRET_FILE_TEST_PATH="$XDG_DATA_HOME/keyrings/amigo-test.keyring"
    export SECRET_FILE_TEST_PASSWORD="$AMIGO_TEST_KEYRING_PASSWORD"
    export AMIGO_TEST_KEYRING_FILE="$SECRET_FILE_TEST_PATH"
  fi
  unset AMIGO_TEST_KEYRING_PASSWORD
  export AMIGO_TEST_KEYRING_BACKEND="$mode"

  "$@"
  status=$?
  stop_daemon
  exit "$status"
fi

# ---- outside: check the tools, make the sandbox, start the bus -------------
mode=service
if [ "${1:-}" = --file-backend ]; then
  mode=file
  shift
fi
if [ $# -eq 0 ]; then
  echo "usage: $0 [--file-backend] COMMAND [ARGS...]" >&2
  exit 2
fi

for tool in dbus-run-session dbus-send; do
  command -v "$tool" >/dev/null 2>&1 || skip_or_fail "$tool is not installed"
done
if [ "$mode" = service ]; then
  command -v gnome-keyring-daemon >/dev/null 2>&1 ||
    skip_or_fail "gnome-keyring-daemon is not installed"
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/amigo-keyring.XXXXXX") || exit 1
trap 'rm -rf "$root"' EXIT
trap 'rm -rf "$root"; exit 130' INT
trap 'rm -rf "$root"; exit 143' TERM

export HOME="$root/home"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_STATE_HOME="$HOME/.local/state"
export XDG_RUNTIME_DIR="$root/run"
export TMPDIR="$root/tmp"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" \
         "$XDG_RUNTIME_DIR" "$TMPDIR" || exit 1
chmod 700 "$root" "$XDG_RUNTIME_DIR"
# Nothing of the caller's session leaks in.
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK \
      SECRET_BACKEND SECRET_FILE_TEST_PATH SECRET_FILE_TEST_PASSWORD
export AMIGO_TEST_PRIVATE_KEYRING="$root"
AMIGO_TEST_KEYRING_PASSWORD=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
export AMIGO_TEST_KEYRING_PASSWORD

dbus-run-session -- "$0" --inner "$mode" "$@"
exit $?
