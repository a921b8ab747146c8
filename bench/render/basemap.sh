#!/bin/sh
# The cost of a basemap: `refuge-cli render` of the Shanghai sample (1600x1000, EPSG:32651)
# with and without its offline MBTiles basemap (Web Mercator tiles warped into UTM 51N
# by GDAL), end to end (process start, load, render, PNG written); median of 5 each.
# Also the canvas-sized warp alone as gdalwarp does it (the same GDAL warper, for
# reference). usage: bench/render/basemap.sh [BUILD_DIR]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build/default}
CLI=$BUILD/bin/refuge-cli
P=$ROOT/maps/shanghai/shanghai.refuge
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export QT_QPA_PLATFORM=offscreen
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
run() { # label, extra args
  label=$1; shift
  for i in 1 2 3 4 5; do
    s=$(date +%s.%N); "$CLI" render "$P" --out "$OUT/m.png" "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    echo "$e - $s" | bc
  done | median | awk -v l="$label" '{ printf "%-28s %.3f s\n", l, $1 }'
}
run "with basemap"
run "without basemap" --layers study_area,roads,fire_stations,shelters
run "basemap alone" --layers basemap
for i in 1 2 3 4 5; do
  s=$(date +%s.%N)
  gdalwarp -q -overwrite -t_srs EPSG:32651 -ts 1600 1000 -te 350100 3454500 354150 3457030 -r bilinear -dstalpha \
    "$ROOT/maps/shanghai/basemap.mbtiles" "$OUT/w.tif"
  e=$(date +%s.%N); echo "$e - $s" | bc
done | median | awk '{ printf "%-28s %.3f s\n", "gdalwarp (reference)", $1 }'
