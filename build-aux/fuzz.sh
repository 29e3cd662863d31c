#!/usr/bin/env bash
# Builds the fuzz targets with clang, libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer (_build-fuzz/) and runs each over its corpus.
#
#   build-aux/fuzz.sh                  every target for 60 s
#   build-aux/fuzz.sh --time 1200      every target for 20 minutes
#   build-aux/fuzz.sh --runs 10000000  every target for 10 million inputs
#   build-aux/fuzz.sh --runs 10000000 --time 1200
#                                      10 million inputs or 20 minutes, whichever
#                                      comes first (the figures in the README)
#   build-aux/fuzz.sh --runs 10000000 --cpu 1200
#                                      the same with 20 minutes of CPU time instead
#                                      of wall time (fair on a shared, busy machine:
#                                      the kernel stops the target at its CPU limit)
#   build-aux/fuzz.sh --smoke          every target for 10 s (what CI runs)
#   build-aux/fuzz.sh --jobs 2 ...     two targets at once
#   build-aux/fuzz.sh sigv4 ...        only the named targets
#
# New inputs that widen coverage go to a scratch corpus (_build-fuzz/corpus)
# seeded from tests/fuzz/corpus/; a finding is written to _build-fuzz/
# (crash-*, leak-*, timeout-*) and the run fails: minimise it, add it to
# tests/fuzz/corpus/TARGET/ as a regression input, and fix the code. Each
# target prints libFuzzer's final statistics (executions, coverage).
set -euo pipefail
cd "$(dirname "$0")/.."

time_s=
runs=
cpu_s=
jobs=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) time_s=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --smoke) time_s=10; shift ;;
    --cpu) cpu_s=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

# Without --time: 60 s, or no time limit when --runs is given.
[ -z "$time_s" ] && { [ -n "$runs$cpu_s" ] && time_s=0 || time_s=60; }

command -v clang >/dev/null || { echo "clang is missing: apt-get install clang libclang-rt-14-dev" >&2; exit 1; }

builddir=${AMIGO_FUZZ_BUILDDIR:-_build-fuzz}
if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null
fi
# Regenerate first: named targets are looked up in the last configuration.
ninja -C "$builddir" build.ninja >/dev/null
if ! meson compile -C "$builddir" $(cd tests/fuzz/corpus && printf 'tests/fuzz/fuzz-%s ' *) \
     > "$builddir/compile.log" 2>&1; then
  tail -40 "$builddir/compile.log"
  exit 1
fi

if [ ${#targets[@]} -eq 0 ]; then
  targets=($(cd tests/fuzz/corpus && ls))
fi

# Targets that go through json-glib 1.6, whose own leak tests/lsan.supp
# suppresses (without the full stack, endpoint-rules once reported it as a
# finding): a suppression needs the full allocation stack, which costs
# ten times the speed, so only these targets pay for it.
full_stack_targets=" credential-process keyring-secret task-state error-documents endpoint-rules price-list "
asan_base=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
export G_DEBUG=gc-friendly G_SLICE=always-malloc

run_one() {
  local t=$1 scratch="$builddir/corpus/$1" log="$builddir/fuzz-$1.log"
  local limit=(-max_total_time="$time_s")
  local start=$SECONDS
  mkdir -p "$scratch"
  [ -n "$runs" ] && limit+=(-runs="$runs")
  # -timeout is wall-clock time: with a CPU budget on a shared machine a
  # starved process can sit 10 s on one small input, so allow more there.
  local per_input=10
  [ -n "$cpu_s" ] && per_input=120
  local rc=0 asan=$asan_base
  case "$full_stack_targets" in *" $t "*) asan=$asan:fast_unwind_on_malloc=0 ;; esac
  ( export ASAN_OPTIONS=$asan
    [ -n "$cpu_s" ] && ulimit -S -t "$cpu_s"
    exec "$builddir/tests/fuzz/fuzz-$t" "${limit[@]}" -max_len=65536 -timeout="$per_input" -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$builddir/$t-" \
       "$scratch" "tests/fuzz/corpus/$t" ) > "$log" 2>&1 || rc=$?
  # 152 = killed by SIGXCPU: the CPU budget of --cpu is spent, no finding.
  if [ $rc -eq 152 ] && [ -n "$cpu_s" ] && ! grep -q '^==[0-9]*==ERROR\|^SUMMARY: ' "$log"; then
    printf '%-16s ok    %5d s  cpu=%s s executions=%s (last status line) %s\n' "$t" $((SECONDS - start)) "$cpu_s" \
      "$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')" "$(grep -o 'cov: [0-9]*' "$log" | tail -1)"
  elif [ $rc -eq 0 ]; then
    printf '%-16s ok    %5d s  %s\n' "$t" $((SECONDS - start)) "$(grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" \
      | sed 's/stat:://; s/: */=/' | tr '\n' ' ')$(grep -o 'cov: [0-9]*' "$log" | tail -1)"
  else
    printf '%-16s FAIL  (see %s)\n' "$t" "$log"
    tail -30 "$log"
    return 1
  fi
}

status=0
running=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
    running=$((running - 1))
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
