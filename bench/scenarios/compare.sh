#!/usr/bin/env bash
# A what-if end to end on the Cambridge sample (issue 16): `refuge-cli compare` of the
# baseline against "+1 shelter" (one shelter added, in Area 4 / The Port), as the user
# waits for it — apply the scenario (scenario.gpkg), shelter coverage on both sides,
# the risk index on both (the sample configures analysis.risk), delta files. Also the
# 100-year flood scenario. The sample project is copied into WORK_DIR with the
# scenarios added (absolute layer paths); the graph cache is warmed once, then RUNS
# runs print wall, user + sys CPU and peak RSS (/usr/bin/time).
#   bench/scenarios/compare.sh WORK_DIR build/default/bin/refuge-cli
set -euo pipefail
WORK="$1"; CLI="$2"
RUNS="${RUNS:-3}"
SRC="$(cd "$(dirname "$0")/../.." && pwd)/maps/cambridge"
mkdir -p "$WORK"
export XDG_CACHE_HOME="$WORK/cache"
python3 - "$SRC" "$WORK/cambridge-scenarios.refuge" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
p = json.load(open(os.path.join(src, "cambridge.refuge"), encoding="utf-8"))
for l in p["layers"]:
    if not os.path.isabs(l["source"]):
        l["source"] = os.path.join(src, l["source"])
p["scenarios"] = [
    {"name": "+1 shelter", "edits": {"shelters": {"add": [
        {"name": "New shelter (Area 4)", "capacity": 800, "lon": -71.0985, "lat": 42.3655}]}}},
    {"name": "flood-100yr", "hazard": {"layers": ["flood_100yr"]}},
    {"name": "flood", "hazard": {}},
]
json.dump(p, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
P="$WORK/cambridge-scenarios.refuge"
"$CLI" compare "$P" --a baseline --b "+1 shelter" --out "$WORK/warm" >/dev/null  # graph cache + page cache
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "compare baseline vs +1 shelter, run $i: %e s wall, %U + %S s CPU, %M KB peak" \
    "$CLI" compare "$P" --a baseline --b "+1 shelter" --out "$WORK/plus1" >/dev/null
done
/usr/bin/time -f "compare baseline vs flood-100yr: %e s wall, %U + %S s CPU, %M KB peak" \
  "$CLI" compare "$P" --a baseline --b flood-100yr --out "$WORK/flood"
"$CLI" compare "$P" --a baseline --b "+1 shelter" --out "$WORK/plus1"
