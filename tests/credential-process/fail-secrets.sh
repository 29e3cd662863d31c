#!/bin/sh
# Fails, printing what looks like keys and a token on stderr (AWS's
# documentation examples): the error must not repeat them.
echo "error: refused AKIAIOSFODNN7EXAMPLE secret=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" >&2
echo "session ASIAIOSFODNN7EXAMPLE token IQoJb3JpZ2luX2VjEXAMPLEtokenAAAAAAAAAAAAAAAAAAAAAAAAAAAA== done" >&2
exit 3
