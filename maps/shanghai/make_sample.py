#!/usr/bin/env python3
# Makes the Shanghai sample's shelter list and fire stations from OpenStreetMap points
# (© OpenStreetMap contributors, ODbL 1.0; Geofabrik's shanghai-latest-free extract of
# 2025-03-18, copied from GitHub XuSongyue/Master_Thesis@d8bc8e14, see maps/SOURCES.md):
#   osm/pois.geojson      named parks, squares, sports grounds and schools (WGS 84)
#   osm/fire_stations_osm.geojson  amenity=fire_station points (WGS 84)
# Writes shelters_gcj02.csv (make_sample.sh turns it into shelters_gcj02.xlsx with
# ogr2ogr), fire_stations.geojson and study_area.geojson (the road extract's bounds).
#
# The shelter list is written as a bureau receives one: an Excel sheet with Chinese headers
# and coordinates picked on a web map, i.e. in GCJ-02 (moved with the published
# WGS 84 -> GCJ-02 formula of tests/data/cn/make_fixtures.py, independent of core).
# Capacities are ESTIMATES, marked so in 备注: effective area = half the site area,
# 1.5 m² per person (GB 21734-2008 §5.4); schools only from 4,000 m² (effective area
# above the standard's 2,000 m² minimum). OSM gives no addresses: 地址 says so.
import csv, json, math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'tests', 'data', 'cn'))
from make_fixtures import wgs84_to_gcj02  # noqa: E402

# The road extract's <bounds>: shelters outside the network cannot be reached on it.
BOUNDS = (121.4611262, 31.2196145, 121.4863121, 31.2411914)

KIND = {'park': '公园', 'square': '广场', 'pitch': '运动场', 'sports_centre': '体育场馆', 'school': '学校'}


def shelters(pois):
    rows = []
    for f in json.load(open(pois, encoding='utf-8'))['features']:
        p = f['properties']
        area = p.get('area_m2') or 0
        if not area or (p['kind'] == 'school' and area < 4000):
            continue
        lon, lat = f['geometry']['coordinates']
        if not (BOUNDS[0] <= lon <= BOUNDS[2] and BOUNDS[1] <= lat <= BOUNDS[3]):
            continue
        glon, glat = wgs84_to_gcj02(lon, lat)
        rows.append({'名称': p['name'], '地址': '（OSM 无地址）', '容纳人数': int(area * 0.5 / 1.5),
                     '面积（平方米）': int(round(area)), '经度': f'{glon:.6f}', '纬度': f'{glat:.6f}',
                     '类型': KIND.get(p['kind'], p['kind']), 'OSM编号': p['osm_id'],
                     '备注': '容纳人数为估算：有效面积按场地面积 50%、人均 1.5 m²；坐标为 GCJ-02'})
    rows.sort(key=lambda r: (r['类型'], r['名称']))
    return rows


def main():
    src = os.path.join(HERE, 'osm')
    rows = shelters(os.path.join(src, 'pois.geojson'))
    with open(os.path.join(HERE, 'shelters_gcj02.csv'), 'w', newline='', encoding='utf-8') as out:
        w = csv.DictWriter(out, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    print(f'{len(rows)} shelters')
    # Fire stations: the amenity=fire_station points on the extract's network (three, all
    # unnamed in OSM: named by their OSM id), not the 上海市消防协会 office.
    feats = []
    for f in json.load(open(os.path.join(src, 'fire_stations_osm.geojson'), encoding='utf-8'))['features']:
        p = f['properties']
        lon, lat = f['geometry']['coordinates']
        if '协会' in p['name'] or not (BOUNDS[0] <= lon <= BOUNDS[2] and BOUNDS[1] <= lat <= BOUNDS[3]):
            continue
        feats.append({'type': 'Feature', 'geometry': f['geometry'],
                      'properties': {'name': p['name'] or f"消防站（OSM {p['osm_id']}，无名称）", 'osm_id': p['osm_id']}})
    json.dump({'type': 'FeatureCollection', 'name': 'fire_stations',
               'crs': {'type': 'name', 'properties': {'name': 'urn:ogc:def:crs:OGC:1.3:CRS84'}},
               'features': feats}, open(os.path.join(HERE, 'fire_stations.geojson'), 'w', encoding='utf-8'),
              ensure_ascii=False, indent=0)
    print(f'{len(feats)} fire stations')
    # Study area: the road extract's bounds (the area the network covers).
    x0, y0, x1, y1 = BOUNDS
    json.dump({'type': 'FeatureCollection', 'name': 'study_area',
               'features': [{'type': 'Feature', 'properties': {'name': '路网范围（黄浦·静安）'},
                             'geometry': {'type': 'Polygon', 'coordinates': [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}}]},
              open(os.path.join(HERE, 'study_area.geojson'), 'w', encoding='utf-8'), ensure_ascii=False)


if __name__ == '__main__':
    main()
