#!/bin/sh
# Side by side: the 87-page atlas of Cambridge's 2020 census block groups with Refuge's
# community evacuation template (title, map with veil, legend, scale bar, north arrow,
# guidance text, date/page, credits; no coverage run, so no shelter table), one PDF; the
# 13 neighbourhood pages with a coverage run's assigned shelters, walking routes and
# covered share; and a QGIS atlas of the block groups
# (map + legend + scale bar + title; ../shared/tools/qgis_atlas.py) when QGIS's Python
# bindings are installed.
# usage: bench/print/atlas_bench.sh [BUILD_DIR]   (BUILD_DIR defaults to build/default)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build/default}
SHARED=$ROOT/../shared
[ -d "$SHARED" ] || SHARED=$ROOT/../../shared   # a worktree under wt/
DATA=$SHARED/data/cambridge
TOOLS=$SHARED/tools
OUT=$BUILD/bench/atlas
export QT_QPA_PLATFORM=offscreen
mkdir -p "$OUT"
BG=$DATA/2020_Block_Groups__DEMOGRAPHICS_BlockGroups2020.geojson
ROADS=$DATA/Street_Centerlines__TRANS_Centerlines.geojson
SHELTERS=$DATA/Emergency_Shelters__PUBLICSAFETY_EmergencyShelters.geojson
cat > "$OUT/blockgroups.refuge" <<JSON
{"format": "refuge-project", "version": 1, "title": "Cambridge block groups", "crs": "EPSG:26986",
 "metadata": {"credits": ["City of Cambridge GIS (cambridgegis/cambridgegis_data), Open Data Commons PDDL 1.0"]},
 "layers": [
  {"id": "blockgroups", "name": "Block groups", "source": "$BG", "role": "communities"},
  {"id": "streets", "name": "Streets", "source": "$ROADS", "role": "roads"},
  {"id": "shelters", "name": "Emergency shelters", "source": "$SHELTERS", "role": "shelters"}]}
JSON
# Block groups have no NAME field: the template's title uses NAMELSAD20 ("Block Group 1").
sed 's/{feature\.NAME}/{feature.NAMELSAD20} · {feature.GEOID20}/' "$ROOT/resources/templates/community-evacuation-a4.json" > "$OUT/evacuation-blockgroups.json"
rm -f "$OUT/atlas.pdf"
echo "== Refuge: refuge-cli atlas (load project + 87 pages, one PDF)"
START=$(date +%s.%N)
"$BUILD/bin/refuge-cli" atlas "$OUT/blockgroups.refuge" --layout "$OUT/evacuation-blockgroups.json" \
  --coverage blockgroups --single-file --out "$OUT" | tail -1
END=$(date +%s.%N)
echo "refuge atlas $(echo "$END - $START" | bc) s (wall, including loading)"
command -v pdfinfo >/dev/null && pdfinfo "$OUT/atlas.pdf" | grep Pages
echo "== Refuge: community pages on a coverage run (13 Cambridge neighbourhoods: assigned shelters table, walking routes, covered share)"
python3 - "$ROOT/maps/cambridge/cambridge.refuge" "$OUT/cambridge.refuge" <<'PY'
import json, os, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
for l in p["layers"]:
    l["source"] = os.path.join(os.path.dirname(sys.argv[1]), l["source"])
p["analysis"].pop("fire", None)
p["analysis"]["report"] = False
json.dump(p, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$BUILD/bin/refuge-cli" run "$OUT/cambridge.refuge" --out "$OUT/run" >/dev/null
START=$(date +%s.%N)
"$BUILD/bin/refuge-cli" atlas "$OUT/cambridge.refuge" --layout community-evacuation-a4 --coverage neighborhoods \
  --results "$OUT/run" --single-file --out "$OUT/community" | tail -1
END=$(date +%s.%N)
echo "refuge community atlas $(echo "$END - $START" | bc) s (wall, including loading, network and routes)"
echo "== QGIS: qgis_atlas.py (same coverage, roads, points)"
if /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  /usr/bin/python3 "$TOOLS/qgis_atlas.py" "$BG" "$ROADS" "$SHELTERS" "$OUT/qgis_atlas.pdf" 2>/dev/null | tail -1
else
  echo "QGIS Python bindings not installed: QGIS side skipped"
fi
