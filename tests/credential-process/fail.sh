#!/bin/sh
# Fails the way SSO helpers do, with a reason on stderr.
echo "some progress on stdout"
echo "Error: the SSO session has expired, run: aws sso login" >&2
exit 3
