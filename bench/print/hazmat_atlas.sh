#!/bin/sh
# Hazardous-chemical sites, one map and one table per area (一张图一张表), end to end:
# `refuge-cli exposure` (population, shelters, schools and hospitals within each site's
# isolation and protection distances) then `refuge-cli atlas --layout hazmat-sites-a4
# --lang zh_CN` over Cambridge's 87 census block groups as the "streets", one PDF.
# The 43 sites are EXERCISE points made here (a point inside every other block group,
# isolation 100 m, protection 800 m): no real hazmat register of Cambridge is public.
# usage: bench/print/hazmat_atlas.sh [BUILD_DIR]   (BUILD_DIR defaults to build/default)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build/default}
SHARED=$ROOT/../shared
[ -d "$SHARED" ] || SHARED=$ROOT/../../shared
BG=$SHARED/data/cambridge/2020_Block_Groups__DEMOGRAPHICS_BlockGroups2020.geojson
OUT=$BUILD/bench/hazmat
export QT_QPA_PLATFORM=offscreen
rm -rf "$OUT" && mkdir -p "$OUT"
ogr2ogr -f GPKG "$OUT/areas.gpkg" "$BG" -t_srs EPSG:26986 -nln blockgroups
ogr2ogr -f GPKG "$OUT/sites.gpkg" "$OUT/areas.gpkg" -dialect SQLite -nln sites -sql \
  "SELECT ST_PointOnSurface(geom) AS geom, 'EX-' || GEOID20 AS code, '演练点 ' || GEOID20 AS title, 100.0 AS iso, 800.0 AS prot
   FROM blockgroups WHERE fid % 2 = 0"
python3 - "$ROOT/maps/cambridge/cambridge.refuge" "$OUT/hazmat.refuge" "$OUT" <<'PY'
import json, os, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
for l in p["layers"]:
    l["source"] = os.path.join(os.path.dirname(sys.argv[1]), l["source"])
out = sys.argv[3]
p["layers"] += [
    {"id": "blockgroups", "name": "Block groups", "source": out + "/areas.gpkg", "role": "other", "fields": {"name": "NAMELSAD20"}},
    {"id": "hazmat", "name": "Exercise hazmat sites", "source": out + "/sites.gpkg", "role": "hazard",
     "fields": {"id": "code", "name": "title"},
     "hazard": {"type": "hazmat", "level": {"constant": 5}, "isolation_field": "iso", "protection_field": "prot"}},
    {"id": "schools", "name": "Public schools", "source": os.path.join(os.path.dirname(sys.argv[1]), "public_schools.gpkg"),
     "role": "other", "fields": {"id": "SITE_NAME", "name": "SITE_NAME"}}]
p.pop("atlas", None)
json.dump(p, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
sed 's/{feature\.NAME}/{feature.NAMELSAD20} · {feature.GEOID20}/' "$ROOT/resources/templates/hazmat-sites-a4-zh_CN.json" > "$OUT/hazmat-blockgroups.json"
echo "== refuge-cli exposure (43 sites, 2000 blocks, shelters, schools, hospitals)"
START=$(date +%s.%N)
"$BUILD/bin/refuge-cli" exposure "$OUT/hazmat.refuge" --out "$OUT/exposure" | tail -1
MID=$(date +%s.%N)
echo "exposure $(echo "$MID - $START" | bc) s"
echo "== refuge-cli atlas (87 block-group pages, one PDF)"
"$BUILD/bin/refuge-cli" atlas "$OUT/hazmat.refuge" --layout "$OUT/hazmat-blockgroups.json" --coverage blockgroups --field GEOID20 \
  --results "$OUT/exposure" --single-file --out "$OUT/atlas" | tail -1
END=$(date +%s.%N)
echo "atlas $(echo "$END - $MID" | bc) s; total $(echo "$END - $START" | bc) s (wall, outputs included)"
command -v pdfinfo >/dev/null && pdfinfo "$OUT/atlas/atlas.pdf" | grep Pages
