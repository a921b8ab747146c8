#!/usr/bin/env bash
# Siting benchmark (issue "Siting"): MCLP, k = 30 new sites, ~10k demand blocks, 1000
# candidate sites, 1000 m walk on the synthetic city (N=101: 100 m grid, ~19k edges).
# Makes the city once, then times heuristic and exact on the same cost table.
#   bench/siting/run.sh [BUILD_DIR] [WORK_DIR] [K] [TIME_LIMIT_S]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:-$ROOT/build/default}"
WORK="${2:-/tmp/refuge-bench-siting}"
K="${3:-30}"
mkdir -p "$WORK/cache"
CITY="$WORK/city101.gpkg"
[ -f "$CITY" ] || /usr/bin/python3 "$ROOT/../shared/tools/synthetic_city.py" 101 1000 "$CITY" 7
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$BUILD/bench/bench_siting" "$CITY" "$K" 1000 "${4:-600}" "$WORK/cache"
