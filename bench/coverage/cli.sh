#!/usr/bin/env bash
# The whole `refuge-cli coverage` on the 489k-block synthetic city (warm graph cache),
# outputs included, as the user waits for it (issue 12 item 13): for each binary given,
# RUNS runs interleaved (A B A B ...), each printing wall, user + sys CPU and peak RSS
# (/usr/bin/time). EXTRA_ARGS (e.g. --demand-layer) are added to every run.
#   bench/coverage/cli.sh WORK_DIR REFUGE_CLI [REFUGE_CLI_2 ...]
#   RUNS=3 EXTRA_ARGS=--demand-layer bench/coverage/cli.sh /tmp/covbench build/default/bin/refuge-cli
# WORK_DIR must hold city700.gpkg (bench/coverage/run.sh makes it).
set -euo pipefail
WORK="$1"; shift
CITY="$WORK/city700.gpkg"
RUNS="${RUNS:-3}"
[ -f "$CITY" ] || { echo "cli.sh: $CITY: missing (run bench/coverage/run.sh first)" >&2; exit 2; }
mkdir -p "$WORK/cache"
args() {
  echo coverage --network "$CITY:roads" --facilities "$CITY:shelters" --capacity-field capacity \
       --demand "$CITY:blocks" --population-field population --max-meters 1000 \
       --cache-dir "$WORK/cache" --out "$WORK/out-$1" ${EXTRA_ARGS:-}
}
n=0
for cli in "$@"; do  # warm the graph cache and the page cache once per binary
  n=$((n + 1)); "$cli" $(args "$n") >/dev/null
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  n=0
  for cli in "$@"; do
    n=$((n + 1))
    /usr/bin/time -f "$cli run $i: %e s wall, %U + %S s CPU, %M KB peak" "$cli" $(args "$n") >/dev/null
  done
done
