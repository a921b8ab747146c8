#!/usr/bin/env bash
# A what-if on the 489k-block synthetic city (issue 16, Speed): `refuge-cli compare` of
# the baseline against "+1 shelter" (one shelter added near the centre) with the graph
# cache warm. The city comes from ../shared/tools/synthetic_city.py (N=700: ~907k edges,
# 488,601 blocks, 100 shelters); a 7 × 7 grid of 10 km districts is added as the
# communities layer (districts.gpkg), and the project (walk, 2 km) is written into
# WORK_DIR. One warm-up run fills the graph cache and the page cache, then RUNS runs
# print wall, user + sys CPU and peak RSS (/usr/bin/time) and each side's own time
# (summary.json "timing_ms": a, b).
#   bench/scenarios/whatif_city.sh WORK_DIR build/default/bin/refuge-cli [CITY.gpkg]
set -euo pipefail
WORK="$1"; CLI="$2"; CITY="${3:-/tmp/nb/city700.gpkg}"
RUNS="${RUNS:-3}"
mkdir -p "$WORK"
export XDG_CACHE_HOME="$WORK/cache"
/usr/bin/python3 - "$CITY" "$WORK" <<'PY'
import json, os, sys
from osgeo import ogr, osr
city, work = os.path.abspath(sys.argv[1]), sys.argv[2]
src = ogr.Open(city)
x0, x1, y0, y1 = src.GetLayerByName("roads").GetExtent()
srs = src.GetLayerByName("roads").GetSpatialRef()
path = os.path.join(work, "districts.gpkg")
if os.path.exists(path):
    os.remove(path)
ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
lyr = ds.CreateLayer("districts", srs, ogr.wkbPolygon)
lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
n = 7
dx, dy = (x1 - x0) / n, (y1 - y0) / n
for i in range(n):
    for j in range(n):
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for px, py in [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]:
            ring.AddPoint_2D(x0 + (i + px) * dx, y0 + (j + py) * dy)
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring)
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("name", "D%d%d" % (i, j))
        f.SetGeometry(poly)
        lyr.CreateFeature(f)
ds = None
p = {"format": "refuge-project", "version": 1, "title": "Synthetic city what-if", "crs": "EPSG:32651",
     "analysis": {"coverage": {"profile": "walk", "max_meters": 2000, "assignment": "nearest"}, "standard": "shanghai"},
     "layers": [
         {"id": "roads", "name": "Roads", "source": city, "layer": "roads", "role": "roads",
          "fields": {"class": "highway", "oneway": "oneway"}},
         {"id": "shelters", "name": "Shelters", "source": city, "layer": "shelters", "role": "shelters",
          "fields": {"name": "name", "capacity": "capacity"}},
         {"id": "blocks", "name": "Blocks", "source": city, "layer": "blocks", "role": "population",
          "fields": {"population": "population"}},
         {"id": "districts", "name": "Districts", "source": path, "layer": "districts", "role": "communities",
          "fields": {"name": "name"}}],
     "scenarios": [{"name": "+1 shelter", "edits": {"shelters": {"add": [
         {"name": "New shelter (centre)", "capacity": 3000, "x": (x0 + x1) / 2 + 30, "y": (y0 + y1) / 2 + 30}]}}}]}
json.dump(p, open(os.path.join(work, "city.refuge"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
P="$WORK/city.refuge"
"$CLI" compare "$P" --a baseline --b "+1 shelter" --out "$WORK/warm" >/dev/null  # graph cache + page cache
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "compare baseline vs +1 shelter, run $i: %e s wall, %U + %S s CPU, %M KB peak" \
    "$CLI" compare "$P" --a baseline --b "+1 shelter" --out "$WORK/plus1" >/dev/null
  /usr/bin/python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('  timing_ms', s.get('timing_ms'))" "$WORK/plus1/summary.json"
done
