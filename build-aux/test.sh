#!/usr/bin/env bash
# Builds Amigo with warnings as errors and runs every test suite:
# unit, integration (moto), ui (Xvfb), fault. Extra arguments go to
# `meson test` (e.g. `--suite unit`).
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

builddir=${AMIGO_BUILDDIR:-_build-test}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dwerror=true
fi
meson compile -C "$builddir"

status=0
meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" || status=$?

# In CI, a short libFuzzer run of every fuzz target over its corpus
# (clang, ASan, UBSan; the corpora are also replayed in the unit suite).
if [ "${CI:-}" = true ] && [ $# -eq 0 ]; then
  echo "Fuzzing smoke run (build-aux/fuzz.sh --smoke)"
  build-aux/fuzz.sh --smoke --jobs 2 || status=1
fi

# One closing line that counts the test cases (TAP subtests) of every
# program that ran, so a run that tested nothing cannot look green.
python3 - "$builddir/meson-logs/testlog.json" <<'PY' || true
import json, re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)
    out = t.get("stdout") or ""
    oks = len(re.findall(r"^ok \d+", out, re.M))
    not_oks = len(re.findall(r"^not ok \d+(?! .*# TODO)", out, re.M))
    skips = len(re.findall(r"^ok \d+ .*# SKIP", out, re.M))
    if oks or not_oks:
        passed += oks - skips
        failed += not_oks
        skipped += skips
    elif t.get("result") == "OK":
        passed += 1
    elif t.get("result") == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
