#!/usr/bin/env bash
# Runs the whole test suite N times while every core is kept busy, to find tests that depend on timing.
#   scripts/loaded-suite.sh [-n RUNS] [-j LOADERS] [-t SECONDS]
# RUNS defaults to 10; LOADERS (busy-looping processes) to the number of cores, at least 2; SECONDS, the
# most one run may take before it counts as failed (a hung test), to 900.
# Prints "loaded suite: K of N passed" and exits non-zero if any run failed. Each run's output is kept in
# a log directory (its path is printed), so a failure can be read afterwards.
set -u

runs=10
loaders=$(nproc 2>/dev/null || echo 2)
[ "$loaders" -lt 2 ] && loaders=2
limit=900
while getopts 'n:j:t:h' opt; do
  case $opt in
    n) runs=$OPTARG ;;
    j) loaders=$OPTARG ;;
    t) limit=$OPTARG ;;
    *) echo "usage: $0 [-n RUNS] [-j LOADERS] [-t SECONDS]" >&2; exit 2 ;;
  esac
done
for v in "$runs" "$loaders" "$limit"; do
  case $v in '' | *[!0-9]*) echo "$0: -n, -j and -t take whole numbers, not '$v'" >&2; exit 2 ;; esac
done
[ "$runs" -gt 0 ] || { echo "$0: -n must be at least 1" >&2; exit 2; }

cd "$(dirname "$0")/.." || exit 2
logs=$(mktemp -d "${TMPDIR:-/tmp}/bootwhy-loaded-XXXXXX")

# Only processes started here are stopped on the way out, by their ids: the busy loops, and the process
# group of the test run under way.
busy=()
run_pid=
stop_all() {
  if [ -n "$run_pid" ]; then
    kill -TERM -- "-$run_pid" 2>/dev/null
    wait "$run_pid" 2>/dev/null
    run_pid=
  fi
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${busy[@]}"; do wait "$pid" 2>/dev/null; done
  busy=()
}
trap stop_all EXIT
trap 'echo "loaded suite: interrupted" >&2; exit 130' INT
trap 'echo "loaded suite: terminated" >&2; exit 143' TERM

for _ in $(seq "$loaders"); do
  node -e 'for (;;) {}' &
  busy+=("$!")
done
echo "loaded suite: $loaders busy processes (${busy[*]}), $runs runs, logs in $logs"

passed=0
for i in $(seq "$runs"); do
  start=$(date +%s)
  # A session of its own (so the whole run can be stopped as a group), and a limit on its length: a hung
  # test fails the run instead of stopping the script.
  setsid timeout -k 30 "$limit" npm test >"$logs/run-$i.log" 2>&1 </dev/null &
  run_pid=$!
  wait "$run_pid"
  status=$?
  run_pid=
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    result=passed
  elif [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    result="FAILED: still running after $limit s (see $logs/run-$i.log)"
  else
    result="FAILED (see $logs/run-$i.log)"
  fi
  echo "run $i of $runs: $result in $(($(date +%s) - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  if [ "$result" != passed ]; then
    # uvu's account of each failed test: its name and message, without colour codes.
    sed 's/\x1b\[[0-9;]*m//g' "$logs/run-$i.log" | grep -E -A6 '^ +FAIL ' | grep -v -E '^ +at ' | head -40 | sed 's/^/    /'
  fi
done

echo "loaded suite: $passed of $runs passed"
[ "$passed" -eq "$runs" ]
