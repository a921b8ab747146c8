#pragma once
// Crs: an immutable coordinate reference system value, defined by PROJ. Holds only
// text (WKT2) and derived facts, so it is cheap to copy and safe across threads;
// PROJ objects are created on the calling thread's own PROJ context when needed.
#include "crs/ChinaOffsets.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <memory>

namespace refuge {

class Crs {
public:
    Crs() = default;

    // "EPSG:26986", "OGC:CRS84", WKT1/WKT2, PROJJSON or a PROJ string. Throws CrsError.
    // Also "GCJ-02" / "BD-09": WGS 84 lon/lat with a Chinese web-map offset (see
    // chinaOffset()); their WKT is WGS 84 named "GCJ-02"/"BD-09", which reads back the same.
    static Crs fromUserInput(const QString &definition);
    static Crs fromEpsg(int code) { return fromUserInput(QStringLiteral("EPSG:%1").arg(code)); }
    // The WGS 84 UTM zone containing (lon, lat).
    static Crs utmFor(double lon, double lat);
    // The CGCS2000 3-degree Gauss-Kruger zone (EPSG:4534 "CM 75E" … EPSG:4554 "CM 135E",
    // the codes without the zone number in the false easting) whose central meridian is
    // nearest to lon. Throws CrsError outside 73.5–136.5° E, where there is none.
    static Crs cgcs2000GaussKrugerFor(double lon);

    bool isValid() const { return d != nullptr; }
    QString authId() const;   // "EPSG:26986", or "" when no authority code is known
    QString name() const;     // "NAD83 / Massachusetts Mainland"
    QString wkt() const;      // WKT2:2019
    QString toProjJson() const;
    bool isGeographic() const;
    // Based on the China Geodetic Coordinate System 2000 datum (EPSG:1043): EPSG:4490 and
    // its Gauss-Kruger projections, also when read from a .prj without authority codes.
    bool isCgcs2000() const;
    // Set for "GCJ-02"/"BD-09": coordinates are WGS 84 plus that offset. CoordinateTransform
    // removes the offset (ChinaOffsets.h) before PROJ; such a CRS has no authority code.
    std::optional<ChinaOffset> chinaOffset() const;
    // Unit of the first axis ("metre", "degree", "US survey foot"...), and its size in metres (0 if angular).
    QString unitName() const;
    double metresPerUnit() const;

    // Equivalent CRS definitions (ignoring axis order and metadata).
    bool isEquivalentTo(const Crs &other) const;
    bool operator==(const Crs &other) const { return isEquivalentTo(other); }
    bool operator!=(const Crs &other) const { return !isEquivalentTo(other); }

    // Human label for UI/reports: "EPSG:26986 — NAD83 / Massachusetts Mainland".
    QString label() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

// Picks the CRS analyses measure in: the CRS itself when it is projected in metres,
// otherwise (geographic, or projected in feet) the UTM zone of the centre of
// extentInCrs (given in crs's own units) — for CGCS2000 data the 3-degree Gauss-Kruger
// zone of the centre instead, as Chinese bureaus measure. Never degrees or feet as metres.
Crs metricCrsFor(const Crs &crs, const QRectF &extentInCrs);

} // namespace refuge
