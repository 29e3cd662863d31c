#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
set -eu
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top"
status=0
for f in $(grep -rlE '_\("|N_\("|C_\("|NC_\("|ngettext \(|translatable="yes"' src data 2>/dev/null \
           | grep -E '\.(c|ui|in|xml)$' | sort); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
for f in $(grep -vE '^(#|$)' po/POTFILES.in); do
  if [ ! -f "$f" ]; then
    echo "listed in po/POTFILES.in but missing: $f"
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
exit $status
