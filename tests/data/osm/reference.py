#!/usr/bin/python3
"""Independent reference for refuge's OSM network rules (tests/core/network/tst_osmreference.cpp).

Reads monaco.osm.pbf with pyosmium (Debian: python3-pyosmium) and networkx, applies the
same rules as resources/profiles/{walk,drive}.json "osm" (after OSRM's foot.lua/car.lua),
written again here without refuge's code, and writes reference.json: per profile the ways
left out by reason (count, length) and, from a few start nodes, the street length reached
within a time limit (reached parts of partly reached streets included).

Which ways GDAL's OSM driver gives as lines and which as areas is mirrored from its
rules (ogrosmdatasource.cpp: a closed way is an area when, in tag order, area=yes comes
before area=no or a key of osmconf.ini's closed_ways_are_polygons is present; a way
without tags is not reported). Lengths are on the WGS84 ellipsoid (local radii per
segment), not in a projection.

    /usr/bin/python3 tests/data/osm/reference.py   (from the repository root)
"""
import json
import math
import os
import re
import sys

import networkx as nx
import osmium

HERE = os.path.dirname(os.path.abspath(__file__))
PBF = os.path.join(HERE, "monaco.osm.pbf")

# --- GDAL's OSM driver (resources/osmconf.ini) ---------------------------------------
POLYGON_KEYS = {"aeroway", "amenity", "boundary", "building", "craft", "geological", "historic", "landuse",
                "leisure", "military", "natural", "office", "place", "shop", "sport", "tourism"}
POLYGON_TAGS = {"highway=platform", "public_transport=platform"}


def closed_way_is_area(tags):
    area = False
    for k, v in tags:
        if k == "area":
            if v == "yes":
                return True
            if v == "no":
                return False
        if area:
            continue
        if k in POLYGON_KEYS or f"{k}={v}" in POLYGON_TAGS:
            area = True
    return area


def reported_as_line(tags):
    # Any tag makes a way a feature (a way with only source=... is one, with no field set).
    return len(tags) > 0


# --- The profiles' rules (OSRM foot.lua / car.lua) ---------------------------------------
WALK = dict(
    ways=[("highway", h) for h in ["primary", "primary_link", "secondary", "secondary_link", "tertiary",
                                   "tertiary_link", "unclassified", "residential", "living_street", "service",
                                   "track", "path", "steps", "pedestrian", "platform", "footway", "pier"]]
    + [("railway", "platform"), ("amenity", "parking"), ("amenity", "parking_entrance"), ("man_made", "pier")],
    blocked=[("highway", "construction"), ("highway", "proposed"), ("impassable", "yes"), ("status", "impassable"),
             ("motorroad", "yes")],
    access_tags=["foot", "access"],
    denied={"no", "agricultural", "forestry", "private", "delivery", "use_sidepath"},
    allowed={"yes", "foot", "permissive", "designated"},
    oneway_tags=None,  # walking ignores one-way
    implied=[],
    default_kmh=3.6, class_kmh={}, maxspeed=False, limit_s=600.0)

DRIVE = dict(
    ways=[("highway", h) for h in ["motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
                                   "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified",
                                   "residential", "living_street", "service"]],
    blocked=[("area", "yes"), ("oneway", "reversible"), ("impassable", "yes"), ("status", "impassable"),
             ("highway", "construction"), ("highway", "proposed"), ("highway", "steps"), ("service", "emergency_access")],
    access_tags=["motorcar", "motor_vehicle", "vehicle", "access"],
    denied={"no", "agricultural", "forestry", "emergency", "psv", "taxi", "share_taxi", "minibus", "bus", "foot",
            "emergency_vehicle", "restricted", "military", "official", "private"},
    allowed={"yes", "motorcar", "motor_vehicle", "vehicle", "permissive", "designated", "hov"},
    oneway_tags=["oneway:motorcar", "oneway:motor_vehicle", "oneway:vehicle", "oneway"],
    implied=[("highway", "motorway"), ("highway", "motorway_link"), ("junction", "roundabout"), ("junction", "circular")],
    default_kmh=30.0,
    class_kmh={"motorway": 100, "motorway_link": 60, "trunk": 80, "trunk_link": 50, "primary": 60, "primary_link": 40,
               "secondary": 50, "secondary_link": 40, "tertiary": 40, "tertiary_link": 30, "unclassified": 30,
               "residential": 30, "living_street": 10, "service": 20},
    maxspeed=True, limit_s=90.0)

KIND_KEYS = ["railway", "waterway", "barrier", "natural", "man_made", "aerialway", "power", "route", "building",
             "landuse", "leisure", "amenity", "boundary"]


def kind(t):
    if t.get("highway"):
        return "highway=" + t["highway"]
    for k in KIND_KEYS:
        if t.get(k):
            return k
    return "no highway tag"


def maxspeed_kmh(text):
    m = re.match(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(mph|km/h|kmh|kph)?", (text or "").split(";")[0], re.I)
    if not m:
        return 0.0
    v = float(m.group(1)) * (1.609344 if (m.group(2) or "").lower() == "mph" else 1.0)
    return v if v > 0 else 0.0


def decide(t, p):
    """(usable, reason, forward, backward, km/h)"""
    def has(k, v):
        return bool(t.get(k)) and (v == "*" or t[k] == v)
    for k, v in p["blocked"]:
        if has(k, v):
            return False, f"{k}={v}", False, False, 0
    listed = next(((k, v) for k, v in p["ways"] if has(k, v)), None)  # the first in the list gives the speed class
    access_key = next((k for k in p["access_tags"] if t.get(k)), None)
    access = t[access_key] if access_key else ""
    if listed is None and access not in p["allowed"]:
        return False, kind(t), False, False, 0
    if access in p["denied"]:
        return False, f"{access_key}={access}", False, False, 0
    kmh = maxspeed_kmh(t.get("maxspeed")) if p["maxspeed"] else 0
    if kmh <= 0:
        kmh = p["class_kmh"].get(t.get("highway"), p["default_kmh"]) if listed and listed[0] == "highway" else p["default_kmh"]
    fwd = bwd = True
    if p["oneway_tags"] is not None:
        ow = next((t[k] for k in p["oneway_tags"] if t.get(k)), "")
        if ow == "-1":
            fwd = False
        elif ow in ("yes", "1", "true"):
            bwd = False
        elif ow != "no" and any(has(k, v) for k, v in p["implied"]):
            bwd = False
    return True, "", fwd, bwd, kmh


# --- Reading ---------------------------------------------------------------------------
class Reader(osmium.SimpleHandler):
    def __init__(self):
        super().__init__()
        self.nodes = {}
        self.ways = []  # (id, [(k, v)...] in file order, [node ids])

    def node(self, n):
        self.nodes[n.id] = (n.location.lon, n.location.lat)

    def way(self, w):
        self.ways.append((w.id, [(t.k, t.v) for t in w.tags], [r.ref for r in w.nodes]))


A, F = 6378137.0, 1 / 298.257223563
E2 = F * (2 - F)


def metres(p, q):
    lat = math.radians((p[1] + q[1]) / 2)
    s = math.sin(lat)
    w = math.sqrt(1 - E2 * s * s)
    m = A * (1 - E2) / w ** 3  # meridian radius
    n = A / w                 # prime vertical radius
    dx = math.radians(q[0] - p[0]) * n * math.cos(lat)
    dy = math.radians(q[1] - p[1]) * m
    return math.hypot(dx, dy)


def network_ways(r):
    """The ways GDAL gives as lines, and as areas (closed ways with a highway tag), with their nodes found."""
    out = []
    for wid, tags, refs in r.ways:
        if len(refs) < 2:
            continue
        found = [n for n in refs if n in r.nodes]
        if len(found) < 2:
            continue
        t = dict(tags)
        if refs[0] == refs[-1] and closed_way_is_area(tags):
            if not t.get("highway"):
                continue
            t.setdefault("area", "yes")  # GDAL consumes the area tag; the way is an area
        elif not reported_as_line(tags):
            continue
        out.append((wid, t, found))
    return out


def run(r, ways, p, starts):
    excluded = {}
    g = nx.DiGraph()
    pieces = []  # every usable way segment: (a, b, metres, seconds, forward, backward)
    for wid, t, nodes in ways:
        usable, reason, fwd, bwd, kmh = decide(t, p)
        length = sum(metres(r.nodes[a], r.nodes[b]) for a, b in zip(nodes, nodes[1:]))
        if not usable:
            e = excluded.setdefault(reason, {"ways": 0, "length_m": 0.0})
            e["ways"] += 1
            e["length_m"] += length
            continue
        for a, b in zip(nodes, nodes[1:]):
            if a == b:
                continue
            m = metres(r.nodes[a], r.nodes[b])
            pieces.append((a, b, m, m / (kmh / 3.6), fwd, bwd))
    for a, b, m, s, fwd, bwd in pieces:
        g.add_node(a)
        g.add_node(b)
        for u, v, ok in ((a, b, fwd), (b, a, bwd)):
            if ok and (not g.has_edge(u, v) or g[u][v]["seconds"] > s):
                g.add_edge(u, v, seconds=s)
    limit = p["limit_s"]
    results = []
    for node in starts:
        dist = nx.single_source_dijkstra_path_length(g, node, cutoff=limit, weight="seconds")
        reached = 0.0
        for a, b, m, s, fwd, bwd in pieces:
            part = 0.0
            for u, ok in ((a, fwd), (b, bwd)):
                if ok and u in dist:
                    part += max(0.0, min(m, (limit - dist[u]) * m / s))
            reached += min(m, part)
        lon, lat = r.nodes[node]
        results.append({"node": node, "lon": lon, "lat": lat, "reached_m": round(reached, 2)})
    total = sum(x[2] for x in pieces)
    return {"limit_s": limit, "street_m": round(total, 1), "starts": results,
            "excluded": {k: {"ways": v["ways"], "length_m": round(v["length_m"], 1)} for k, v in sorted(excluded.items())}}


def pick_starts(r, ways, spots):
    """The node nearest each spot where two ways that both walking and driving may use meet."""
    count = {}
    for wid, t, nodes in ways:
        if decide(t, WALK)[0] and decide(t, DRIVE)[0]:
            for n in set(nodes):
                count[n] = count.get(n, 0) + 1
    crossings = [n for n, c in count.items() if c >= 2]
    return [min(crossings, key=lambda n: (metres(r.nodes[n], spot), n)) for spot in spots]


def main():
    r = Reader()
    r.apply_file(PBF, locations=False)
    ways = network_ways(r)
    # Casino square, Fontvieille, Larvotto, La Condamine (lon, lat).
    spots = [(7.4280, 43.7394), (7.4170, 43.7305), (7.4360, 43.7465), (7.4210, 43.7365)]
    starts = pick_starts(r, ways, spots)
    out = {"source": "monaco.osm.pbf", "walk": run(r, ways, WALK, starts), "drive": run(r, ways, DRIVE, starts)}
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    for name in ("walk", "drive"):
        print(name, [s["reached_m"] for s in out[name]["starts"]], sum(v["ways"] for v in out[name]["excluded"].values()))


if __name__ == "__main__":
    sys.exit(main())
