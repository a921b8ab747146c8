#!/usr/bin/python3
"""Opens Refuge results GeoPackages in QGIS (headless) and prints, per layer, the style
QGIS applied from the GeoPackage's layer_styles table: renderer type, field, classes with
their labels and first symbol colour. Checks that QGIS reads the styles Refuge stores
(issue 18). Needs Debian's qgis and python3-qgis; run with Debian's own python3:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/qgis_styles_check.py out/*/*.gpkg

Exit 1 when a layer that has a Refuge style in layer_styles opens with QGIS's default
single-symbol renderer instead (the style was not applied)."""
import os
import sqlite3
import sys

from qgis.core import QgsApplication, QgsVectorLayer

app = QgsApplication([], False)
app.initQgis()
failed = 0
for path in sys.argv[1:]:
    db = sqlite3.connect(path)
    tables = [r[0] for r in db.execute(
        "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")]
    styled = {r[0] for r in db.execute(
        "SELECT f_table_name FROM layer_styles WHERE useAsDefault") } if db.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone() else set()
    for table in tables:
        layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
        if not layer.isValid():
            print(f"{path}:{table}: not valid in QGIS")
            failed += 1
            continue
        r = layer.renderer()
        kind = r.type()
        line = f"{path}:{table}: {kind}"
        if kind == "categorizedSymbol":
            cats = r.categories()
            line += f" by {r.classAttribute()}, {len(cats)} categories: " + "; ".join(
                f"{c.value()!r} {c.label()} {c.symbol().color().name()}" for c in cats[:6])
        elif kind == "graduatedSymbol":
            ranges = r.ranges()
            line += f" by {r.classAttribute()}, {len(ranges)} ranges: " + "; ".join(
                f"{x.lowerValue():g}-{x.upperValue():g} {x.label()} {x.symbol().color().name()}" for x in ranges[:6])
        elif kind == "singleSymbol":
            s = r.symbol()
            line += f" {s.color().name()} alpha {s.color().alpha()}, {s.symbolLayerCount()} symbol layer(s): " + ", ".join(
                s.symbolLayer(i).layerType() for i in range(s.symbolLayerCount()))
        refuge = layer.customProperty("refuge/style")
        line += ", refuge/style kept" if refuge else ""
        print(line)
        if table in styled and not refuge:
            print(f"{path}:{table}: has a default style in layer_styles that QGIS did not apply")
            failed += 1
sys.stdout.flush()
# QGIS's Python bindings may crash while tearing down at exit; the verdict is already known.
os._exit(1 if failed else 0)
