#!/bin/sh
# Rebuilds the point-table fixtures of tests/core/io/tst_pointtable.cpp: CSVs from the
# Shanghai OSM extract (make_fixtures.py), then .xlsx/.ods written by GDAL (ogr2ogr).
# Data © OpenStreetMap contributors, ODbL 1.0 (see LICENSE.md here).
set -e
cd "$(dirname "$0")"
python3 make_fixtures.py
rm -f shelters_gcj02.xlsx shelters_gcj02.ods two_sheets.xlsx bad_*.xlsx english.xlsx berlin_gcj02.xlsx
csv() { ogr2ogr -oo AUTODETECT_TYPE=YES -oo KEEP_GEOM_COLUMNS=YES "$@"; }
csv -f XLSX shelters_gcj02.xlsx shelters_gcj02.csv -nln 避难场所
csv -f ODS shelters_gcj02.ods shelters_gcj02.csv -nln 避难场所
csv -f XLSX two_sheets.xlsx shelters_gcj02.csv -nln 避难场所
csv -update two_sheets.xlsx shelters_wgs84.csv -nln WGS84
for f in bad_no_coords bad_values bad_swapped english berlin_gcj02; do
    csv -f XLSX $f.xlsx $f.csv -nln Sheet1
done
rm -f bad_*.csv english.csv berlin_gcj02.csv shelters_gcj02.csv
