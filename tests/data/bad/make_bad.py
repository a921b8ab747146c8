#!/usr/bin/python3
"""Builds the bad-input corpus in tests/data/bad/ (run once; the output is committed).

Each file is one kind of bad input refuge-cli must reject or report with a one-line
message (see tests/cli/tst_bad_input.cpp for the expected exit codes and words).
Needs Debian's python3-gdal: /usr/bin/python3 tests/data/bad/make_bad.py
Cases made at test time instead (they cannot live in git): an unreadable file
(chmod 000), a directory, a non-existent path.
"""
import os
import struct

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def write(name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path(name), mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as f:
        f.write(data)


def remove_shapefile(stem):
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix"):
        if os.path.exists(path(stem + ext)):
            os.remove(path(stem + ext))


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    return s


def shapefile(stem, geom_type, fields, rows, epsg=4326, options=None):
    """rows: [(wkt, {field: value})]. Returns nothing; writes stem.shp/.shx/.dbf/.prj."""
    remove_shapefile(stem)
    drv = ogr.GetDriverByName("ESRI Shapefile")
    ds = drv.CreateDataSource(path(stem + ".shp"))
    lyr = ds.CreateLayer(stem, srs(epsg) if epsg else None, geom_type, options or [])
    for name, ftype, width in fields:
        fd = ogr.FieldDefn(name, ftype)
        if width:
            fd.SetWidth(width)
        lyr.CreateField(fd)
    for wkt, values in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        for k, v in values.items():
            f.SetField(k, v)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
    ds = None


def gpkg(name, layers):
    """layers: [(layer name, geom type, epsg, [wkt...])]."""
    if os.path.exists(path(name)):
        os.remove(path(name))
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path(name))
    for lname, gtype, epsg, wkts in layers:
        lyr = ds.CreateLayer(lname, srs(epsg), gtype)
        lyr.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
        for i, wkt in enumerate(wkts):
            f = ogr.Feature(lyr.GetLayerDefn())
            f.SetField("id", i + 1)
            f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            lyr.CreateFeature(f)
    ds = None


def feature_collection(features):
    parts = []
    for i, geom in enumerate(features):
        parts.append('{"type":"Feature","properties":{"id":%d},"geometry":%s}' % (i + 1, geom))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(parts) + "\n]}\n"


# 1. Empty file.
write("empty.geojson", b"")

# 2. Truncated GeoPackage: the first 8 KiB of a valid one (SQLite header says more pages).
gpkg("truncated_full.gpkg", [("points", ogr.wkbPoint, 4326, ["POINT (1 2)", "POINT (3 4)"])])
with open(path("truncated_full.gpkg"), "rb") as f:
    head = f.read(8192)
os.remove(path("truncated_full.gpkg"))
write("truncated.gpkg", head)

# 3. GeoJSON syntax error (missing closing brackets and a stray comma).
write("syntax_error.geojson",
      '{"type":"FeatureCollection","features":[\n'
      '{"type":"Feature","properties":{"id":1},"geometry":{"type":"Point","coordinates":[1,2]}},,\n')

# 4. Shapefile without .dbf.
shapefile("no_dbf", ogr.wkbPoint, [("id", ogr.OFTInteger, 0)], [("POINT (1 2)", {"id": 1})])
os.remove(path("no_dbf.dbf"))
if os.path.exists(path("no_dbf.cpg")):
    os.remove(path("no_dbf.cpg"))

# 4b. Shapefile whose .shp is cut in the middle of its 4th record (the .shx says 5).
shapefile("truncated_records", ogr.wkbPoint, [("id", ogr.OFTInteger, 0)],
          [("POINT (%d 42)" % (-71 - i), {"id": i + 1}) for i in range(5)])
with open(path("truncated_records.shp"), "r+b") as f:
    f.truncate(100 + 3 * 28 + 10)  # 100-byte header, 28 bytes per point record

# 5. Shapefile without .prj (no CRS).
shapefile("no_prj", ogr.wkbPoint, [("id", ogr.OFTInteger, 0)],
          [("POINT (230000 900000)", {"id": 1}), ("POINT (231000 901000)", {"id": 2})], epsg=26986)
os.remove(path("no_prj.prj"))

# 6. GBK-encoded Chinese shapefile without .cpg and without a DBF language driver id.
#    GDAL writes the GBK bytes (ENCODING=CP936); then the declaration is removed.
shapefile("gbk_no_cpg", ogr.wkbPoint, [("name", ogr.OFTString, 40), ("cap", ogr.OFTInteger, 0)],
          [("POINT (121.4700 31.2300)", {"name": "人民广场避难场所", "cap": 5000}),
           ("POINT (121.4800 31.2350)", {"name": "南京东路应急避难点", "cap": 1200}),
           ("POINT (121.4650 31.2250)", {"name": "复兴公园", "cap": 3000})],
          options=["ENCODING=CP936"])
if os.path.exists(path("gbk_no_cpg.cpg")):
    os.remove(path("gbk_no_cpg.cpg"))
with open(path("gbk_no_cpg.dbf"), "r+b") as f:
    f.seek(29)
    f.write(b"\x00")  # no language driver id
with open(path("gbk_no_cpg.dbf"), "rb") as f:
    assert "人民广场".encode("gbk") in f.read(), "GBK bytes expected in the DBF"

# 7. CSV without coordinate columns.
write("no_coords.csv", "id,name,capacity\n1,Hall A,200\n2,Hall B,150\n")

# 8. CSV with x/y (metres) and no CRS.
write("xy_no_crs.csv", "id,x,y\n1,230000,900000\n2,231000,901000\n")

# 9. NaN / infinite coordinates (GDAL's JSON parser accepts NaN and Infinity).
write("nan_coords.geojson", feature_collection([
    '{"type":"LineString","coordinates":[[0,0],[NaN,NaN],[1,1]]}',
    '{"type":"LineString","coordinates":[[1,2],[3,4]]}',
    '{"type":"LineString","coordinates":[[1,2],[Infinity,4]]}',
]))

# 10. Coordinates of 1e300 in a geographic CRS.
write("huge_coords.geojson", feature_collection([
    '{"type":"Point","coordinates":[1e300,1e300]}',
    '{"type":"Point","coordinates":[-71.1,42.37]}',
    '{"type":"Point","coordinates":[-71.12,42.38]}',
]))

# 11. Self-intersecting polygon (a bow tie) next to a valid one.
write("self_intersecting.geojson", feature_collection([
    '{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}',
    '{"type":"Polygon","coordinates":[[[2,0],[3,0],[3,1],[2,1],[2,0]]]}',
]))

# 12. Mixed geometry types in one layer: three polygons, one line, one point.
write("mixed_types.geojson", feature_collection([
    '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}',
    '{"type":"Polygon","coordinates":[[[2,0],[3,0],[3,1],[2,1],[2,0]]]}',
    '{"type":"Polygon","coordinates":[[[4,0],[5,0],[5,1],[4,1],[4,0]]]}',
    '{"type":"LineString","coordinates":[[0,2],[1,3]]}',
    '{"type":"Point","coordinates":[0.5,0.5]}',
]))

# 13. A layer with zero features (a Shapefile: a GeoPackage would be 96 KiB).
shapefile("zero_features", ogr.wkbPoint, [("id", ogr.OFTInteger, 0)], [])

# 14. Unknown CRS: a .prj PROJ cannot interpret.
shapefile("unknown_crs", ogr.wkbPoint, [("id", ogr.OFTInteger, 0)], [("POINT (1 2)", {"id": 1})])
write("unknown_crs.prj",
      'PROJCS["Made_Up_Grid",GEOGCS["GCS_Nowhere",DATUM["D_Nowhere",SPHEROID["Nothing",0.0,0.0]],'
      'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["No_Such_Projection"],'
      'PARAMETER["Foo",1.0],UNIT["Meter",1.0]]')

# 14b. Unknown CRS in GeoJSON: GDAL would silently fall back to WGS 84.
write("unknown_crs.geojson",
      '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::999999"}},\n'
      '"features":[{"type":"Feature","properties":{"id":1},"geometry":{"type":"Point","coordinates":[1,2]}}]}\n')

# 15. Not geodata at all (text with a .geojson suffix).
write("not_geodata.geojson", "This is a meeting note, not a map.\n")

# 16. CSV with lon/lat where some values are not numbers.
# Boston points stated as GCJ-02 (--crs GCJ-02): the offset is defined only inside China.
write("gcj02_outside_china.csv", "id,lon,lat\n1,-71.06,42.36\n2,-71.07,42.37\n")
write("bad_lonlat.csv", "id,lon,lat\n1,-71.10,42.37\n2,abc,42.38\n3,-71.12,\n4,-71.13,42.39\n")

# 17. Analysis inputs (tests/cli/tst_bad_input.cpp runs coverage on them, --euclidean).
def features(items):
    """items: [(fid, geometry JSON, {property: value})] -> a FeatureCollection with those FIDs."""
    import json
    parts = ['{"type":"Feature","id":%d,"properties":%s,"geometry":%s}' % (fid, json.dumps(props, ensure_ascii=False), geom)
             for fid, geom, props in items]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(parts) + "\n]}\n"


def lonlat(i):
    return (-71.110 + 0.002 * (i % 5), 42.370 + 0.002 * (i // 5))


# 17a. Fourteen shelters, fid 7 at NaN: 13 of 14 used, fid 7 'S7' dropped and named.
write("shelters_nan.geojson", features(
    [(i, '{"type":"Point","coordinates":[%s,%s]}' % (("NaN", "NaN") if i == 7 else lonlat(i)),
      {"name": "S%d" % i, "capacity": 100 * i}) for i in range(1, 15)]))

# 17b. Population points beside them.
write("demand_points.geojson", features(
    [(i, '{"type":"Point","coordinates":[%.4f,%.4f]}' % (lonlat(i)[0] + 0.0005, lonlat(i)[1] + 0.0005), {"pop": 50 * i})
     for i in range(1, 11)]))

# 17c. Shelters as lines (a street layer given as facilities).
write("lines_as_shelters.geojson", features(
    [(i, '{"type":"LineString","coordinates":[[%.4f,%.4f],[%.4f,%.4f]]}' % (lonlat(i) + (lonlat(i)[0] + 0.001, lonlat(i)[1])),
      {"name": "L%d" % i, "capacity": 100}) for i in range(1, 4)]))

# 17d. Capacities and areas as people write them: "14,495", "1 234", "300 m²", "1,200";
#      "big" is no number; S2 has no area, S4 an area of 0.
write("shelters_text_numbers.geojson", features([
    (1, '{"type":"Point","coordinates":[%s,%s]}' % lonlat(1), {"name": "S1", "capacity": "14,495", "area": "300 m²"}),
    (2, '{"type":"Point","coordinates":[%s,%s]}' % lonlat(2), {"name": "S2", "capacity": "1 234", "area": None}),
    (3, '{"type":"Point","coordinates":[%s,%s]}' % lonlat(3), {"name": "S3", "capacity": "big", "area": "1,200"}),
    (4, '{"type":"Point","coordinates":[%s,%s]}' % lonlat(4), {"name": "S4", "capacity": "500", "area": "0"}),
]))

# 17e. A GeoPackage of two layers (streets and shelters): without :LAYER it must be refused.
if os.path.exists(path("two_layers.gpkg")):
    os.remove(path("two_layers.gpkg"))
ds = ogr.GetDriverByName("GPKG").CreateDataSource(path("two_layers.gpkg"))
for lname, gtype, wkt in (("streets", ogr.wkbLineString, "LINESTRING (-71.11 42.37,-71.10 42.37)"),
                          ("shelters", ogr.wkbPoint, "POINT (-71.105 42.371)")):
    lyr = ds.CreateLayer(lname, srs(4326), gtype, ["SPATIAL_INDEX=NO"])
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("capacity", ogr.OFTInteger))
    f = ogr.Feature(lyr.GetLayerDefn())
    f.SetField("name", lname)
    f.SetField("capacity", 100)
    f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    lyr.CreateFeature(f)
ds = None
import sqlite3
con = sqlite3.connect(path("two_layers.gpkg"))
con.execute("PRAGMA page_size=512")
con.execute("VACUUM")
con.close()

# 17f. Streets (GeoPackage, EPSG:26986) where fid 3 has a vertex at 1e308: 3 of 4 used, fid 3 named.
if os.path.exists(path("streets_bad.gpkg")):
    os.remove(path("streets_bad.gpkg"))
ds = ogr.GetDriverByName("GPKG").CreateDataSource(path("streets_bad.gpkg"))
lyr = ds.CreateLayer("streets", srs(26986), ogr.wkbLineString, ["SPATIAL_INDEX=NO"])
lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
for i, wkt in enumerate(["LINESTRING (230000 900000,230100 900000)", "LINESTRING (230100 900000,230200 900000)",
                         "LINESTRING (230200 900000,1e308 900000)", "LINESTRING (230100 900000,230100 900100)"]):
    f = ogr.Feature(lyr.GetLayerDefn())
    f.SetFID(i + 1)
    f.SetField("name", "street %d" % (i + 1))
    f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    lyr.CreateFeature(f)
ds = None
con = sqlite3.connect(path("streets_bad.gpkg"))
con.execute("PRAGMA page_size=512")
con.execute("VACUUM")
con.close()

write("facility_on_streets.geojson", features([(1, '{"type":"Point","coordinates":[230050,900010]}', {"name": "F1"})])
      .replace('{"type":"FeatureCollection",', '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::26986"}},'))

# Projects. A valid layer they can point at.
write("ok_points.geojson", feature_collection([
    '{"type":"Point","coordinates":[-71.10,42.37]}',
    '{"type":"Point","coordinates":[-71.12,42.38]}',
]))


def project(name, text):
    write(name, text)


OK_LAYER = '{"id": "shelters", "source": "ok_points.geojson", "role": "shelters", "fields": {"name": "id", "capacity": "id"}}'
project("project_ok.refuge",
        '{"format": "refuge-project", "version": 1, "title": "ok", "crs": "EPSG:26986",\n'
        ' "layers": [' + OK_LAYER + ']}\n')
project("project_syntax.refuge",
        '{"format": "refuge-project", "version": 1, "title": "syntax"\n'
        ' "crs": "EPSG:26986", "layers": []}\n')
project("project_missing_layer.refuge",
        '{"format": "refuge-project", "version": 1, "title": "missing layer", "crs": "EPSG:26986",\n'
        ' "layers": [' + OK_LAYER + ',\n'
        '  {"id": "roads", "source": "does_not_exist.gpkg", "layer": "streets", "role": "roads"}]}\n')
project("project_layers_number.refuge",
        '{"format": "refuge-project", "version": 1, "title": "wrong type", "crs": "EPSG:26986", "layers": 3}\n')
project("project_visible_string.refuge",
        '{"format": "refuge-project", "version": 1, "title": "wrong type", "crs": "EPSG:26986",\n'
        ' "layers": [{"id": "shelters", "source": "ok_points.geojson", "role": "shelters", "visible": "yes"}]}\n')
project("project_newer.refuge",
        '{"format": "refuge-project", "version": 7, "title": "from the future", "crs": "EPSG:26986", "layers": []}\n')
project("project_unknown_role.refuge",
        '{"format": "refuge-project", "version": 1, "title": "role", "crs": "EPSG:26986",\n'
        ' "layers": [{"id": "x", "source": "ok_points.geojson", "role": "helipads"}]}\n')
project("project_no_crs.refuge",
        '{"format": "refuge-project", "version": 1, "title": "no crs",\n'
        ' "layers": [' + OK_LAYER + ']}\n')
project("project_bad_layer_data.refuge",
        '{"format": "refuge-project", "version": 1, "title": "layer is bad data", "crs": "EPSG:26986",\n'
        ' "layers": [' + OK_LAYER + ',\n'
        '  {"id": "blocks", "source": "empty.geojson", "role": "population", "fields": {"population": "pop"}}]}\n')
project("project_empty.refuge", "")

print("wrote", len([n for n in os.listdir(HERE) if n != os.path.basename(__file__)]), "files to", HERE)
