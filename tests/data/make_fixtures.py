#!/usr/bin/python3
"""Regenerates the small test fixtures in tests/data/io and tests/data/model.

Run once with Debian's python3 + python3-gdal:  /usr/bin/python3 tests/data/make_fixtures.py
The generated files are committed; tests never run this script. Values the tests
assert (areas, counts, names, pixel values) are stated next to each fixture below.
tests/data/bad/ belongs to the bad-input corpus and is not touched here.
"""
import os
import shutil
import struct

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
IO = os.path.join(HERE, "io")
MODEL = os.path.join(HERE, "model")


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def remove_shapefile(base):
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        if os.path.exists(base + ext):
            os.remove(base + ext)


# --- GBK shapefiles: 3 shelters in central Shanghai (EPSG:4326) -------------------
# shelters_gbk.*        declares GBK in its .cpg
# shelters_gbk_nocpg.*  the same bytes without .cpg, DBF language driver byte = 0
SHELTERS = [
    # name, district, capacity, area_m2, lon, lat
    ("人民广场避难场所", "黄浦区", 12000, 38000.5, 121.4737, 31.2304),
    ("静安公园避难场所", "静安区", 3500, 11500.25, 121.4453, 31.2236),
    ("中山公园应急避难场所", "长宁区", 8000, 21000.0, 121.4166, 31.2207),
]


def make_gbk_shapefile():
    base = os.path.join(IO, "shelters_gbk")
    remove_shapefile(base)
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(base + ".shp")
    lyr = ds.CreateLayer("shelters_gbk", srs(4326), ogr.wkbPoint, ["ENCODING=GBK"])
    for name, width, kind in (("name", 40, ogr.OFTString), ("district", 20, ogr.OFTString),
                              ("capacity", 9, ogr.OFTInteger), ("area", 12, ogr.OFTReal)):
        fd = ogr.FieldDefn(name, kind)
        fd.SetWidth(width)
        if kind == ogr.OFTReal:
            fd.SetPrecision(2)
        lyr.CreateField(fd)
    for name, district, cap, area, lon, lat in SHELTERS:
        f = ogr.Feature(lyr.GetLayerDefn())
        f["name"], f["district"], f["capacity"], f["area"] = name, district, cap, area
        f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (%r %r)" % (lon, lat)))
        lyr.CreateFeature(f)
    ds = None
    with open(base + ".cpg") as f:
        assert f.read().strip() == "GBK"
    with open(base + ".dbf", "rb") as f:
        raw = f.read()
    assert "人民广场避难场所".encode("gbk") in raw, "names must be stored as GBK bytes"

    nocpg = os.path.join(IO, "shelters_gbk_nocpg")
    remove_shapefile(nocpg)
    for ext in (".shp", ".shx", ".dbf", ".prj"):
        shutil.copyfile(base + ext, nocpg + ext)
    with open(nocpg + ".dbf", "r+b") as f:  # no language driver: nothing declares the encoding
        f.seek(29)
        f.write(b"\x00")


# --- KML: two placemarks (Chinese and English names) + one polygon (EPSG:4326) -----
def make_kml():
    write(os.path.join(IO, "shelters.kml"), """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
  <Folder>
    <name>shelters</name>
    <Placemark><name>人民广场避难场所</name><description>黄浦区</description>
      <Point><coordinates>121.4737,31.2304,0</coordinates></Point></Placemark>
    <Placemark><name>Cambridge Rindge and Latin</name><description>shelter</description>
      <Point><coordinates>-71.1097,42.3743,0</coordinates></Point></Placemark>
  </Folder>
</Document>
</kml>
""")


# --- CSV -----------------------------------------------------------------------------
def make_csv():
    # lon/lat columns, no CRS in the file: EPSG:4326 is assumed.
    write(os.path.join(IO, "points_lonlat.csv"),
          "name,lon,lat,capacity\n"
          "人民广场,121.4737,31.2304,12000\n"
          "静安公园,121.4453,31.2236,3500\n"
          "Harvard Square,-71.1190,42.3736,800\n")
    # x/y columns in EPSG:26986 (metres): needs a stated CRS.
    write(os.path.join(IO, "points_xy.csv"),
          "id,x,y,pop\n"
          "1,230000,900000,10\n"
          "2,230300,900400,25\n"
          "3,231000,901000,7\n"
          "4,229500,899000,0\n")
    # Chinese column names 经度/纬度 (longitude/latitude).
    write(os.path.join(IO, "points_cn.csv"),
          "名称,经度,纬度\n"
          "人民广场,121.4737,31.2304\n"
          "外滩,121.4903,31.2397\n")


# --- OSM XML: 5 nodes, 2 highways (one with a Chinese name), 1 tagged node ----------
def make_osm():
    write(os.path.join(IO, "tiny.osm"), """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="refuge make_fixtures.py">
  <bounds minlat="31.2290" minlon="121.4700" maxlat="31.2320" maxlon="121.4760"/>
  <node id="1" version="1" lat="31.2300" lon="121.4700"/>
  <node id="2" version="1" lat="31.2300" lon="121.4730"/>
  <node id="3" version="1" lat="31.2300" lon="121.4760"/>
  <node id="4" version="1" lat="31.2310" lon="121.4760"/>
  <node id="5" version="1" lat="31.2320" lon="121.4760">
    <tag k="amenity" v="hospital"/>
    <tag k="name" v="仁济医院"/>
  </node>
  <way id="10" version="1">
    <nd ref="1"/><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="primary"/>
    <tag k="name" v="南京东路"/>
  </way>
  <way id="11" version="1">
    <nd ref="3"/><nd ref="4"/><nd ref="5"/>
    <tag k="highway" v="residential"/>
    <tag k="oneway" v="yes"/>
    <tag k="name" v="Test Lane"/>
  </way>
</osm>
""")


# --- GeoJSON with null, empty and other-dimension geometries (EPSG:4326) -----------
# 8 features: 3 valid points, 1 null geometry, 1 line string, and 3 empty geometries
# of which GDAL reads the empty Point ("coordinates": []) as a null geometry:
# read 8, loaded 3, null 2, empty 2 (MULTIPOINT EMPTY, GEOMETRYCOLLECTION EMPTY), other dimension 1.
def make_nulls():
    write(os.path.join(IO, "nulls.geojson"), """{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":1,"name":"a"},"geometry":{"type":"Point","coordinates":[-71.1,42.37]}},
{"type":"Feature","properties":{"id":2,"name":"null"},"geometry":null},
{"type":"Feature","properties":{"id":3,"name":"empty point"},"geometry":{"type":"Point","coordinates":[]}},
{"type":"Feature","properties":{"id":4,"name":"empty multipoint"},"geometry":{"type":"MultiPoint","coordinates":[]}},
{"type":"Feature","properties":{"id":5,"name":"b"},"geometry":{"type":"Point","coordinates":[-71.2,42.38]}},
{"type":"Feature","properties":{"id":6,"name":"line"},"geometry":{"type":"LineString","coordinates":[[-71.1,42.37],[-71.2,42.38]]}},
{"type":"Feature","properties":{"id":7,"name":"c"},"geometry":{"type":"Point","coordinates":[-71.15,42.36]}},
{"type":"Feature","properties":{"id":8,"name":"empty collection"},"geometry":{"type":"GeometryCollection","geometries":[]}}
]}
""")


# --- Polygons in EPSG:26986 with a bow-tie that must be repaired --------------------
# 1 bow-tie (0,0)-(200,200)-(200,0)-(0,200): two triangles of 10000 m2 each after repair.
# 2 square 100 x 100 with a 20 x 20 hole: 9600 m2, valid.
# 3 a "polygon" whose ring has 3 points: cannot be repaired, skipped.
def make_bowtie():
    x, y = 230000, 900000
    def ring(pts):
        return "[" + ",".join("[%d,%d]" % (x + a, y + b) for a, b in pts) + "]"
    bow = ring([(0, 0), (200, 200), (200, 0), (0, 200), (0, 0)])
    sq = ring([(500, 0), (600, 0), (600, 100), (500, 100), (500, 0)])
    hole = ring([(540, 40), (560, 40), (560, 60), (540, 60), (540, 40)])
    bad = ring([(800, 0), (900, 0), (800, 0)])
    write(os.path.join(IO, "bowtie.geojson"), """{"type":"FeatureCollection",
"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::26986"}},
"features":[
{"type":"Feature","properties":{"id":1,"kind":"bowtie"},"geometry":{"type":"Polygon","coordinates":[%s]}},
{"type":"Feature","properties":{"id":2,"kind":"square with hole"},"geometry":{"type":"Polygon","coordinates":[%s,%s]}},
{"type":"Feature","properties":{"id":3,"kind":"three points"},"geometry":{"type":"Polygon","coordinates":[%s]}}
]}
""" % (bow, sq, hole, bad))


# --- Rasters (tests/data/model) ------------------------------------------------------
# dem_nodata.tif: 5 x 4 Float32, EPSG:26986, origin (230000, 900000), 10 m pixels,
# value(col, row) = row * 10 + col, except (2, 1) and (4, 3) = nodata -9999.
# plain.tif: 3 x 2 Byte without geotransform or CRS, values 1..6.
def make_rasters():
    drv = gdal.GetDriverByName("GTiff")
    path = os.path.join(MODEL, "dem_nodata.tif")
    ds = drv.Create(path, 5, 4, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((230000.0, 10.0, 0.0, 900000.0, 0.0, -10.0))
    ds.SetProjection(srs(26986).ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-9999)
    band.SetDescription("elevation")
    values = [[float(r * 10 + c) for c in range(5)] for r in range(4)]
    values[1][2] = -9999.0
    values[3][4] = -9999.0
    band.WriteRaster(0, 0, 5, 4, struct.pack("<20f", *[v for row in values for v in row]))
    ds = None
    path = os.path.join(MODEL, "plain.tif")
    ds = drv.Create(path, 3, 2, 1, gdal.GDT_Byte)
    ds.GetRasterBand(1).WriteRaster(0, 0, 3, 2, bytes([1, 2, 3, 4, 5, 6]))
    ds = None
    # f32_nodata.tif: 4 x 1 Float32 with a nodata value a float cannot hold exactly (0.1):
    # values 0.1, 1.5, 0.1, 2.5 -> 2 valid pixels (sum 4.0).
    # f32_esri_nodata.tif: the same values with -FLT_MAX pixels and the nodata written the
    # way ESRI tools do, rounded to 12 digits (-3.40282346639e+38, beyond -FLT_MAX).
    for name, nodata, pix in (("f32_nodata.tif", 0.1, 0.1), ("f32_esri_nodata.tif", -3.40282346639e+38, -3.4028234663852886e+38)):
        ds = drv.Create(os.path.join(MODEL, name), 4, 1, 1, gdal.GDT_Float32)
        ds.SetGeoTransform((230000.0, 10.0, 0.0, 900000.0, 0.0, -10.0))
        ds.SetProjection(srs(26986).ExportToWkt())
        band = ds.GetRasterBand(1)
        band.SetNoDataValue(nodata)
        band.WriteRaster(0, 0, 4, 1, struct.pack("<4f", pix, 1.5, pix, 2.5))
        ds = None
    # f32_nodata.vrt: f32_nodata.tif through a VRT declaring <NoDataValue>0.1</NoDataValue>;
    # unlike GTiff, the VRT driver reports 0.1 as the double 0.1, not as float(0.1).
    write(os.path.join(MODEL, "f32_nodata.vrt"), """<VRTDataset rasterXSize="4" rasterYSize="1">
  <SRS>EPSG:26986</SRS>
  <GeoTransform>230000, 10, 0, 900000, 0, -10</GeoTransform>
  <VRTRasterBand dataType="Float32" band="1">
    <NoDataValue>0.1</NoDataValue>
    <SimpleSource><SourceFilename relativeToVRT="1">f32_nodata.tif</SourceFilename><SourceBand>1</SourceBand></SimpleSource>
  </VRTRasterBand>
</VRTDataset>
""")
    for p in ("dem_nodata.tif.aux.xml", "plain.tif.aux.xml", "f32_nodata.tif.aux.xml", "f32_esri_nodata.tif.aux.xml"):
        if os.path.exists(os.path.join(MODEL, p)):
            os.remove(os.path.join(MODEL, p))


if __name__ == "__main__":
    os.makedirs(IO, exist_ok=True)
    os.makedirs(MODEL, exist_ok=True)
    gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")
    make_gbk_shapefile()
    make_kml()
    make_csv()
    make_osm()
    make_nulls()
    make_bowtie()
    make_rasters()
    print("fixtures written to", IO, "and", MODEL)
