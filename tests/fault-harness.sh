#!/usr/bin/env bash
# Run a command with tests/fault-proxy.py in front of the moto server that
# tests/moto-harness.sh started, then stop the proxy.
#
#   tests/moto-harness.sh tests/fault-harness.sh COMMAND [ARG...]
#
# The command sees what moto-harness.sh exports, plus:
#   AMIGO_FAULT_PROXY   http://127.0.0.1:PORT, the proxy (control API under
#                       /__fault__, see fault-proxy.py)
#
# Exit status, AMIGO_FAULT_PROXY_PYTHON and AMIGO_FAULT_PROXY_LOG: see
# sidecar-harness.sh, which does the work.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec "$here/sidecar-harness.sh" --name fault-harness --what "the proxy" --script fault-proxy.py \
  --ready AMIGO_PROXY_READY --export AMIGO_FAULT_PROXY --settings AMIGO_FAULT_PROXY \
  --upstream "${AMIGO_TEST_ENDPOINT:-}" -- "$@"
