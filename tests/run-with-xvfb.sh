#!/bin/sh
# Runs a command with a private X server (Xvfb), the way the ui suite and
# the screenshot program need: X11 backend, the cairo renderer (no GPU
# here), settings in memory, no accessibility bus.
set -eu
if ! command -v Xvfb >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "Xvfb is missing (apt-get install xvfb)" >&2
    exit 1
  fi
  echo "Xvfb is missing: skipping (apt-get install xvfb)" >&2
  exit 77
fi

export GDK_BACKEND=x11
export GSK_RENDERER=cairo
export GSETTINGS_BACKEND=${GSETTINGS_BACKEND:-memory}
export NO_AT_BRIDGE=1
export GTK_A11Y=none
export LIBGL_ALWAYS_SOFTWARE=1
# No OpenGL at all: GDK would otherwise load Mesa's software driver to probe
# it, and unload it leaking an allocation LeakSanitizer cannot attribute.
export GDK_DEBUG=${GDK_DEBUG:-gl-disable}

# Let Xvfb pick a free display and tell us which (-displayfd): choosing
# one ourselves races when several tests start at once.
fifo_dir=$(mktemp -d)
trap 'rm -rf "$fifo_dir"' EXIT
Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp -noreset 3>"$fifo_dir/display" >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null || true; wait $xpid 2>/dev/null || true; rm -rf "$fifo_dir"' EXIT INT TERM
display=""
for _ in $(seq 1 200); do
  display=$(cat "$fifo_dir/display" 2>/dev/null | tr -d '[:space:]')
  [ -n "$display" ] && break
  sleep 0.05
done
[ -n "$display" ] || { echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$display"
"$@"
