#!/usr/bin/env python3
# Makes the Chinese point-table fixtures of tests/core/io/tst_pointtable.cpp from the
# Shanghai OSM extract (maps/shanghai/shanghai_jingan_huangpu_osmnx.osm, © OpenStreetMap
# contributors, ODbL 1.0): the extract has no POIs, so the "shelters" are real street
# intersections named after their two streets (the place a planner would give as
# "X路与Y路交叉口"). Capacities and areas are estimates, marked so in the 备注 column.
# Writes CSVs (UTF-8) here; make_fixtures.sh turns them into .xlsx/.ods with ogr2ogr.
# Python standard library only; the WGS84 -> GCJ-02 formula below is the published one
# (eviltransform / coordtransform constants), written independently of core/crs/ChinaOffsets.
import csv, math, os, sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
OSM = os.path.join(HERE, '..', '..', '..', 'maps', 'shanghai', 'shanghai_jingan_huangpu_osmnx.osm')

A, EE = 6378245.0, 0.00669342162296594323

def _lat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r

def _lon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r

def wgs84_to_gcj02(lon, lat):
    dlat = _lat(lon - 105.0, lat - 35.0)
    dlon = _lon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (A / sqrtmagic * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat

def intersections(count):
    root = ET.parse(OSM).getroot()
    nodes = {n.get('id'): (float(n.get('lon')), float(n.get('lat'))) for n in root.iter('node')}
    names = {}
    for w in root.iter('way'):
        tags = {t.get('k'): t.get('v') for t in w.iter('tag')}
        name = tags.get('name')
        if not name or ';' in name:
            continue
        for nd in w.iter('nd'):
            names.setdefault(nd.get('ref'), set()).add(name)
    found = {}
    for ref, ns in names.items():
        if len(ns) == 2:
            key = tuple(sorted(ns))
            if key not in found:
                found[key] = nodes[ref]
    # Spread over the area: one per cell of a 5 x 5 grid, in a fixed order.
    picked, cells = [], set()
    for key in sorted(found):
        lon, lat = found[key]
        cell = (int((lon - 121.461) / 0.005), int((lat - 31.220) / 0.0042))
        if cell not in cells:
            cells.add(cell)
            picked.append((key, lon, lat))
    return picked[:count]

def main():
    pts = intersections(12)
    if len(pts) < 12:
        sys.exit('too few named intersections')
    header = ['名称', '地址', '容纳人数', '面积（平方米）', '经度', '纬度', '备注']
    rows_wgs, rows_gcj = [], []
    for i, ((a, b), lon, lat) in enumerate(pts):
        capacity = 200 + 50 * (i % 7)
        name = '%s与%s交叉口避难点' % (a, b)
        address = '上海市 %s/%s' % (a, b)
        note = '容纳人数、面积为估算值；位置为 OSM 路口'
        glon, glat = wgs84_to_gcj02(lon, lat)
        rows_wgs.append([name, address, capacity, capacity * 2, '%.9f' % lon, '%.9f' % lat, note])
        rows_gcj.append([name, address, capacity, capacity * 2, '%.9f' % glon, '%.9f' % glat, note])
    def write(name, head, rows):
        with open(os.path.join(HERE, name), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f)
            w.writerow(head)
            w.writerows(rows)
    write('shelters_wgs84.csv', header, rows_wgs)
    write('shelters_gcj02.csv', header, rows_gcj)
    # Bad tables (written as .xlsx by make_fixtures.sh).
    write('bad_no_coords.csv', ['名称', '地址', '容纳人数'], [r[:3] for r in rows_gcj[:3]])
    bad = [list(r) for r in rows_gcj[:5]]
    bad[1][4] = ''              # row 3: empty 经度
    bad[3][5] = '北纬31度'       # row 5: text 纬度
    write('bad_values.csv', header, bad)
    write('bad_swapped.csv', ['名称', 'lng', 'lat'], [[r[0], r[5], r[4]] for r in rows_gcj[:4]])
    write('english.csv', ['Name', 'Longitude', 'Latitude'], [[r[0], r[4], r[5]] for r in rows_wgs[:3]])
    write('berlin_gcj02.csv', ['name', 'lng', 'lat'], [['Brandenburger Tor', '13.377704', '52.516275']])

if __name__ == '__main__':  # maps/shanghai/make_sample.py imports the formula only
    main()
