#!/bin/sh
# Rebuilds the Shanghai sample's derived files from OpenStreetMap data (© OpenStreetMap
# contributors, ODbL 1.0; see maps/SOURCES.md):
#   shelters_gcj02.xlsx  sheet 避难场所: named parks, squares, sports grounds, schools (GCJ-02)
#   fire_stations.geojson, study_area.geojson   (make_sample.py)
#   basemap.mbtiles      an offline basemap (zoom 12-16) drawn by GDAL from the road extract:
#                        roads buffered by class (SpatiaLite) and burnt into a Web Mercator
#                        picture, then written as MBTiles tiles with overview zoom levels.
# Needs python3 and GDAL's command-line tools (gdal-bin).
set -e
cd "$(dirname "$0")"
python3 make_sample.py
rm -f shelters_gcj02.xlsx basemap.mbtiles
ogr2ogr -f XLSX shelters_gcj02.xlsx shelters_gcj02.csv -nln 避难场所 -oo AUTODETECT_TYPE=YES
rm -f shelters_gcj02.csv

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ogr2ogr -f GPKG "$tmp/roads.gpkg" shanghai_jingan_huangpu_osmnx.osm lines -t_srs EPSG:3857 -nln roads
ogr2ogr -f GPKG "$tmp/buf.gpkg" "$tmp/roads.gpkg" -dialect SQLite -nln buf -sql \
  "SELECT ST_Buffer(geom, CASE WHEN highway IN ('motorway','motorway_link','trunk','trunk_link','primary','primary_link') THEN 11
                              WHEN highway IN ('secondary','secondary_link','tertiary','tertiary_link') THEN 7 ELSE 4 END) AS geom,
          CASE WHEN highway IN ('motorway','motorway_link','trunk','trunk_link','primary','primary_link','secondary','secondary_link')
               THEN 1 ELSE 0 END AS major FROM roads"
# The extract's bounds (121.4611-121.4863 E, 31.2196-31.2412 N; x 13520991-13523794,
# y 3661303-3664112 in EPSG:3857) plus 350 m, at about 2.4 m per pixel (zoom 16).
gdal_create -q -of GTiff -outsize 1470 1470 -bands 3 -ot Byte -burn 238 -burn 234 -burn 226 \
  -a_srs EPSG:3857 -a_ullr 13520640 3664460 13524150 3660950 "$tmp/base.tif"
gdal_rasterize -q -b 1 -b 2 -b 3 -burn 255 -burn 255 -burn 255 -where "major = 0" "$tmp/buf.gpkg" "$tmp/base.tif"
gdal_rasterize -q -b 1 -b 2 -b 3 -burn 250 -burn 214 -burn 140 -where "major = 1" "$tmp/buf.gpkg" "$tmp/base.tif"
gdal_translate -q -of MBTILES -co NAME="上海 黄浦·静安 路网底图" "$tmp/base.tif" basemap.mbtiles
gdaladdo -q -r average basemap.mbtiles 2 4 8 16
