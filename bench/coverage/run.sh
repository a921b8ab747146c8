#!/usr/bin/env bash
# Coverage + capacity benchmark on the ~900k-edge synthetic city (N=700, 100 shelters):
# makes the city once, warms the graph cache, then times the whole chain three times.
#   bench/coverage/run.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:-$ROOT/build/default}"
WORK="${2:-/tmp/refuge-bench-coverage}"
mkdir -p "$WORK/cache"
CITY="$WORK/city700.gpkg"
[ -f "$CITY" ] || /usr/bin/python3 "$ROOT/../shared/tools/synthetic_city.py" 700 100 "$CITY"
"$BUILD/bench/bench_coverage" "$CITY" "$WORK/cache" 1000 >/dev/null   # warm the graph cache
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3; do
  echo "--- run $i"
  "$BUILD/bench/bench_coverage" "$CITY" "$WORK/cache" 1000
done
