// HazardZones: reading hazard layers into levelled polygons, and point/area queries.
#include "analysis/hazard/HazardZones.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QMap>
#include <QRect>
#include <algorithm>

namespace refuge {

namespace {

// "3 features left out: level value outside the mapping (fid 4 'VE', fid 9 'D')".
QString listed(const QString &layer, const QString &what, const QStringList &items, int count)
{
    QStringList shown = items.mid(0, 10);
    if (count > 10)
        shown << QStringLiteral("%1 more").arg(count - 10);
    return fileMessage(layer, QStringLiteral("%1 features left out: %2 (%3)").arg(count).arg(what, shown.join(QStringLiteral(", "))));
}

double depthOf(const VectorLayer &layer, int field, int i, const HazardSettings &s)
{
    if (field < 0)
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    const QVariant v = layer.attribute(i, field);
    const double d = v.toDouble(&ok);
    if (v.isNull() || !ok || !std::isfinite(d) || d < 0 || (s.depthNodata && d == *s.depthNodata))
        return std::numeric_limits<double>::quiet_NaN();
    return d;
}

Geometry circle(QPointF p, double radius)
{
    GEOSContextHandle_t ctx = geosContext();
    GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, p.x(), p.y()));
    GeosGeom b = checkedGeos(GEOSBuffer_r(ctx, pt.get(), radius, 16), "buffer");
    return Geometry::fromGeos(b.get());
}

GeosGeom unionOf(std::vector<GeosGeom> parts)
{
    GEOSContextHandle_t ctx = geosContext();
    std::vector<GEOSGeometry *> raw;
    for (GeosGeom &g : parts)
        raw.push_back(g.release());
    GeosGeom coll = checkedGeos(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, raw.data(), unsigned(raw.size())), "collection");
    return checkedGeos(GEOSUnaryUnion_r(ctx, coll.get()), "union");
}

bool boxContains(const QRectF &b, QPointF p) { return p.x() >= b.left() && p.x() <= b.right() && p.y() >= b.top() && p.y() <= b.bottom(); }

} // namespace

HazardZones HazardZones::fromLayer(const VectorLayer &layer, const HazardSettings &s, const QString &layerId, const QString &idField,
                                   const QString &nameField)
{
    const QString name = layer.source().path.isEmpty() ? layer.name() : layer.source().displayName();
    const int dim = dimension(layer.geometryType());
    if (layer.featureCount() > 0 && dim == 1)
        throw InvalidInput(fileMessage(name, QStringLiteral("hazard layers must be polygons or points (sources), not lines")));
    const bool constant = s.level.kind == HazardLevelMapping::Kind::Constant;
    if (!constant && s.level.field.isEmpty())
        throw InvalidInput(fileMessage(name, QStringLiteral("hazard layer '%1' has no level mapping: set its hazard.level (a field with "
                                                            "values or breaks, or a constant level 1–5)").arg(layerId)));
    const int levelField = constant ? -1 : layer.requireField(s.level.field);
    const int depthField = s.depthField.isEmpty() ? -1 : layer.requireField(s.depthField);
    const int radiusField = s.radiusField.isEmpty() || dim != 0 ? -1 : layer.requireField(s.radiusField);
    const int isolationField = s.isolationField.isEmpty() || dim != 0 ? -1 : layer.requireField(s.isolationField);
    const int protectionField = s.protectionField.isEmpty() || dim != 0 ? -1 : layer.requireField(s.protectionField);
    if (dim == 0 && radiusField < 0 && isolationField < 0 && protectionField < 0 && !(s.defaultRadiusMeters > 0) && !(s.isolationMeters > 0) &&
        !(s.protectionMeters > 0))
        throw InvalidInput(fileMessage(name, QStringLiteral("hazard points need a radius: set hazard.radius_field, radius_m, "
                                                            "isolation_field/protection_field or isolation_m/protection_m")));
    // A feature's distance in metres from `field` when it holds one above 0, else `fallback`.
    auto metres = [&](int field, int i, double fallback) {
        bool ok = false;
        const double v = field >= 0 ? layer.attribute(i, field).toDouble(&ok) : 0.0;
        return ok && v > 0 && std::isfinite(v) ? v : fallback;
    };
    const int idIndex = idField.isEmpty() || dim != 0 ? -1 : layer.requireField(idField);
    const int nameIndex = nameField.isEmpty() || dim != 0 ? -1 : layer.requireField(nameField);
    const double unit = layer.crs().isValid() ? layer.crs().metresPerUnit() : 1.0;

    HazardZones out;
    QStringList outside, noRadius;
    int below = 0;
    for (int i = 0; i < layer.featureCount(); ++i) {
        const QVariant raw = levelField >= 0 ? layer.attribute(i, levelField) : QVariant();
        const int level = s.level.levelOf(raw);
        const qint64 fid = layer.sourceFid(i);
        if (level < 0) {
            outside << QStringLiteral("fid %1 '%2'").arg(fid).arg(raw.isNull() ? QStringLiteral("null") : raw.toString());
            continue;
        }
        if (level == 0) {
            ++below;
            continue;
        }
        HazardZone z;
        z.level = level;
        z.type = s.type;
        z.layer = layerId;
        z.fid = fid;
        z.depthMeters = depthOf(layer, depthField, i, s);
        if (dim == 0) {
            const double r = radiusField >= 0 && !layer.attribute(i, radiusField).isNull() ? layer.attribute(i, radiusField).toDouble() : s.defaultRadiusMeters;
            const double isolation = metres(isolationField, i, s.isolationMeters), protection = metres(protectionField, i, s.protectionMeters);
            const double zoneRadius = r > 0 ? r : std::max(isolation, protection);
            if (!(zoneRadius > 0) || !std::isfinite(zoneRadius)) {
                noRadius << QStringLiteral("fid %1").arg(fid);
                continue;
            }
            const QPointF p = layer.geometry(i).points().front();
            const QString id = idIndex >= 0 ? layer.attribute(i, idIndex).toString().trimmed() : QString();
            HazardSource src{p, layerId, id.isEmpty() ? QString::number(fid) : id,
                             nameIndex >= 0 ? layer.attribute(i, nameIndex).toString().trimmed() : QString(), s.type, level,
                             isolation > 0 ? isolation : zoneRadius, protection > 0 ? protection : zoneRadius};
            out.m_sources.push_back(src);
            z.polygon = circle(p, zoneRadius / unit);
        } else {
            z.polygon = layer.geometry(i);
        }
        out.m_zones.push_back(std::move(z));
    }
    if (!outside.isEmpty())
        out.m_problems << listed(name, QStringLiteral("level value outside the mapping"), outside, int(outside.size()));
    if (!noRadius.isEmpty())
        out.m_problems << listed(name, QStringLiteral("no radius"), noRadius, int(noRadius.size()));
    if (below > 0)
        out.m_problems << fileMessage(name, QStringLiteral("%1 features below the first level break (no hazard)").arg(below));
    return out;
}

HazardZones HazardZones::fromRaster(const RasterLayer &raster, const HazardSettings &s, const QString &layerId, const Crs &working)
{
    if (s.level.kind != HazardLevelMapping::Kind::Breaks)
        throw InvalidInput(fileMessage(raster.path(), QStringLiteral("a hazard raster needs hazard.level.breaks (e.g. depths in metres for levels 1…5)")));
    if (s.band > raster.bandCount())
        throw InvalidInput(fileMessage(raster.path(), QStringLiteral("has %1 bands, hazard.band is %2").arg(raster.bandCount()).arg(s.band)));
    if (working.isValid() && raster.crs().isValid() && !(raster.crs() == working))
        throw InvalidInput(fileMessage(raster.path(), QStringLiteral("is in %1, the project in %2: reproject the raster first (gdalwarp -t_srs %2)")
                                                          .arg(raster.crs().authId(), working.authId())));
    HazardZones out;
    if (!raster.band(s.band - 1).nodata)
        out.m_problems << fileMessage(raster.path(), QStringLiteral("has no nodata value: cells below %1 are taken as no hazard").arg(s.level.breaks.front()));
    const std::vector<double> values = raster.readAll(s.band - 1);
    const std::vector<double> &gt = raster.geoTransform();
    GEOSContextHandle_t ctx = geosContext();
    std::vector<std::vector<GeosGeom>> runs(std::size_t(kHazardLevels) + 1);
    for (int row = 0; row < raster.height(); ++row) {
        int col = 0;
        while (col < raster.width()) {
            const int level = s.level.levelOfNumber(values[std::size_t(row) * std::size_t(raster.width()) + std::size_t(col)]);
            int end = col + 1;
            while (end < raster.width() && s.level.levelOfNumber(values[std::size_t(row) * std::size_t(raster.width()) + std::size_t(end)]) == level)
                ++end;
            if (level > 0) {
                const double x0 = gt[0] + col * gt[1], x1 = gt[0] + end * gt[1];
                const double y0 = gt[3] + row * gt[5], y1 = gt[3] + (row + 1) * gt[5];
                runs[std::size_t(level)].push_back(GeosGeom(GEOSGeom_createRectangle_r(ctx, std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1))));
            }
            col = end;
        }
    }
    for (int level = 1; level <= kHazardLevels; ++level) {
        if (runs[std::size_t(level)].empty())
            continue;
        HazardZone z;
        z.polygon = Geometry::fromGeos(unionOf(std::move(runs[std::size_t(level)])).get());
        z.level = level;
        z.depthMeters = s.level.breaks[std::size_t(level) - 1];
        z.type = s.type;
        z.layer = layerId;
        out.m_zones.push_back(std::move(z));
    }
    return out;
}

void HazardZones::append(const HazardZones &other)
{
    m_zones.insert(m_zones.end(), other.m_zones.begin(), other.m_zones.end());
    m_sources.insert(m_sources.end(), other.m_sources.begin(), other.m_sources.end());
    m_problems << other.m_problems;
}

std::vector<int> HazardZones::levelsAt(const std::vector<QPointF> &points, std::optional<HazardType> type) const
{
    GEOSContextHandle_t ctx = geosContext();
    std::vector<int> out(points.size(), 0);
    for (const HazardZone &z : m_zones) {
        if ((type && z.type != *type) || z.polygon.isEmpty())
            continue;
        const GeosGeom g = z.polygon.toGeos();
        const GeosPrepared prepared = prepare(g.get());
        const QRectF box = z.polygon.bounds();
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (out[i] >= z.level || !boxContains(box, points[i]))
                continue;
            GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, points[i].x(), points[i].y()));
            if (GEOSPreparedIntersects_r(ctx, prepared.get(), pt.get()) == 1)
                out[i] = z.level;
        }
    }
    return out;
}

int HazardZones::zoneAt(QPointF p) const
{
    GEOSContextHandle_t ctx = geosContext();
    GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, p.x(), p.y()));
    int best = -1;
    for (std::size_t k = 0; k < m_zones.size(); ++k) {
        const HazardZone &z = m_zones[k];
        if ((best >= 0 && m_zones[std::size_t(best)].level >= z.level) || !boxContains(z.polygon.bounds(), p))
            continue;
        const GeosGeom g = z.polygon.toGeos();
        if (GEOSIntersects_r(ctx, g.get(), pt.get()) == 1)
            best = int(k);
    }
    return best;
}

std::array<Geometry, kHazardLevels> HazardZones::levelAreas(std::optional<HazardType> type) const
{
    GEOSContextHandle_t ctx = geosContext();
    std::array<Geometry, kHazardLevels> out;
    GeosGeom higher;
    for (int level = kHazardLevels; level >= 1; --level) {
        std::vector<GeosGeom> parts;
        for (const HazardZone &z : m_zones)
            if (z.level == level && (!type || z.type == *type) && !z.polygon.isEmpty())
                parts.push_back(z.polygon.toGeos());
        if (parts.empty())
            continue;
        GeosGeom merged = unionOf(std::move(parts));
        GeosGeom own = higher ? checkedGeos(GEOSDifference_r(ctx, merged.get(), higher.get()), "difference") : GeosGeom(GEOSGeom_clone_r(ctx, merged.get()));
        out[std::size_t(level) - 1] = Geometry::fromGeos(own.get());
        higher = higher ? checkedGeos(GEOSUnion_r(ctx, higher.get(), merged.get()), "union") : std::move(merged);
    }
    return out;
}

std::vector<HazardType> HazardZones::types() const
{
    std::vector<HazardType> out;
    for (const HazardZone &z : m_zones)
        if (std::find(out.begin(), out.end(), z.type) == out.end())
            out.push_back(z.type);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace refuge
