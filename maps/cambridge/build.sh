#!/usr/bin/env bash
# Rebuilds maps/cambridge/cambridge.gpkg from the City of Cambridge open data in
# ../shared/data/cambridge (GeoJSON, EPSG:4326) with GDAL's ogr2ogr: one GeoPackage,
# every layer reprojected to EPSG:26986 (NAD83 / Massachusetts Mainland, metres).
# Usage: maps/cambridge/build.sh [SOURCE_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:-$here/../../../shared/data/cambridge}"
out="$here/cambridge.gpkg"
tmp="$here/.cambridge.tmp.gpkg"
rm -f "$tmp"

add() { # add LAYER FILE [extra ogr2ogr args...]
  local name="$1" file="$2"; shift 2
  ogr2ogr -f GPKG -update -t_srs EPSG:26986 -nln "$name" -lco SPATIAL_INDEX=YES "$@" "$tmp" "$src/$file"
}
ogr2ogr -f GPKG -t_srs EPSG:26986 -nln streets -nlt PROMOTE_TO_MULTI "$tmp" "$src/Street_Centerlines__TRANS_Centerlines.geojson" \
  -select Street,Street_Name,Street_Type,Direction,FromNode,ToNode,MajorRoad,Restriction,Label
add shelters Emergency_Shelters__PUBLICSAFETY_EmergencyShelters.geojson -select Name,Capacity,Type,Address,Phone,ZipCode
# The stations file has no engine number; Fire Company N houses Engine N and the
# headquarters at 491 Broadway houses Engine 1 (city fire department listing).
add fire_stations Fire_Stations__PUBLICSAFETY_FireStations.geojson -dialect SQLite -sql \
  "SELECT geometry, SITE_NAME, ADDRESS, PHONE, CASE WHEN SITE_NAME = 'Fire Headquarters' THEN 'Engine 1' ELSE 'Engine ' || substr(SITE_NAME, 14) END AS ENGINE FROM \"Fire_Stations__PUBLICSAFETY_FireStations\""
add engine_districts Fire_Engine_Districts__PUBLICSAFETY_FireEngineDistricts.geojson -nlt PROMOTE_TO_MULTI -select ENGINE
add neighborhoods CDD_Neighborhoods__BOUNDARY_CDDNeighborhoods.geojson -nlt PROMOTE_TO_MULTI -select NAME,N_HOOD
add blocks_2000 2000_Blocks__DEMOGRAPHICS_Blocks2000.geojson -nlt PROMOTE_TO_MULTI -select POP_LAB,BLOCK_ID,STFID
add flood_100yr FEMA_Floodplains_100_Year__FEMA_FloodPlains100Year.geojson -nlt PROMOTE_TO_MULTI -select fld_zone,zone_subty,static_bfe,depth
add flood_500yr FEMA_Floodplains_500_Year__FEMA_FloodPlains500Year.geojson -nlt PROMOTE_TO_MULTI -select fld_zone,zone_subty
add city_boundary City_Boundary__BOUNDARY_CityBoundary.geojson -nlt PROMOTE_TO_MULTI
add hospitals Hospitals__HEALTH_Hospitals.geojson -select SITE_NAME,ADDRESS,PHONE
mv -f "$tmp" "$out"
echo "wrote $out"
# Public schools, the candidate sites of the siting sample (refuge-cli site): a file of
# their own beside cambridge.gpkg. SHEL_CAP: shelter capacity (persons) where the city gives one.
rm -f "$here/public_schools.gpkg"
ogr2ogr -f GPKG -t_srs EPSG:26986 -nln public_schools -lco SPATIAL_INDEX=YES "$here/public_schools.gpkg" \
  "$src/Public_Schools__LANDMARK_PublicSchools.geojson" -select SITE_NAME,ADDRESS,SHELTER,SHEL_CAP,SHEL_FOOD
echo "wrote $here/public_schools.gpkg"
