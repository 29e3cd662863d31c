#!/bin/sh
# Never answers. Starts a child of its own, which survives unless the
# whole process group is killed, and tells the test its pid.
sleep 600 &
if [ -n "$AMIGO_TEST_PIDFILE" ]; then
  echo $! > "$AMIGO_TEST_PIDFILE.tmp"
  mv "$AMIGO_TEST_PIDFILE.tmp" "$AMIGO_TEST_PIDFILE"
fi
wait
