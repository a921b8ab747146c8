#!/bin/sh
# Side by side: Refuge's MapRenderer vs QGIS's QgsMapRendererParallelJob rendering the
# same 489k-block polygon layer of the synthetic city at 1600x1000, same extent.
# usage: bench/render/compare_qgis.sh [BUILD_DIR] [CITY.gpkg]
#   BUILD_DIR defaults to build/render; CITY.gpkg is generated there when absent
#   (../shared/tools/synthetic_city.py 700 100, layer "blocks").
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build/render}
CITY=${2:-$BUILD/bench/city700.gpkg}
TOOLS=$ROOT/../shared/tools
export QT_QPA_PLATFORM=offscreen
mkdir -p "$BUILD/bench"
if [ ! -f "$CITY" ]; then
  echo "generating $CITY (synthetic_city.py 700 100)…"
  /usr/bin/python3 "$TOOLS/synthetic_city.py" 700 100 "$CITY"
fi
OUT=$BUILD/bench
echo "== Refuge (load into memory, then render; first and median of 5)"
REF=$("$BUILD/bench/bench_render" "$CITY" blocks "$OUT/refuge_blocks.png" 1600 1000 5)
echo "$REF"
echo "== QGIS (qgis_render.py: open layer, then one parallel render job reading the GeoPackage)"
QG=$(/usr/bin/python3 "$TOOLS/qgis_render.py" "$CITY" blocks "$OUT/qgis_blocks.png" 2>/dev/null | tail -1)
echo "$QG"
echo "$REF" "$QG" | awk '{
  for (i = 1; i <= NF; i++) {
    if ($i == "load" && !rl) { rl = $(i+1); continue }
    if ($i == "render-first") rf = $(i+1)
    if ($i == "render-median") rm = $(i+1)
    if ($i == "load" && rl) ql = $(i+1)
    if ($i == "render") qr = $(i+1)
  }
  printf "render: Refuge median %.3f s (first %.3f s) vs QGIS %.3f s -> ratio %.2f (goal <= 0.50)\n", rm, rf, qr, rm / qr
  printf "load+first render: Refuge %.3f s vs QGIS %.3f s -> ratio %.2f\n", rl + rf, ql + qr, (rl + rf) / (ql + qr)
}'
echo "images: $OUT/refuge_blocks.png $OUT/qgis_blocks.png"
