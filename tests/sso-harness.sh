#!/usr/bin/env bash
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
# Exit status, AMIGO_SSO_STANDIN_PYTHON and AMIGO_SSO_STANDIN_LOG: see
# sidecar-harness.sh, which does the work.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec "$here/sidecar-harness.sh" --name sso-harness --what "the stand-in" --script sso-standin.py \
  --ready AMIGO_SSO_READY --export AMIGO_TEST_SSO_ENDPOINT --settings AMIGO_SSO_STANDIN \
  --sts-endpoint "${AMIGO_TEST_ENDPOINT:-}" -- "$@"
