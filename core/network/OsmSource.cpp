// OsmSource (see OsmSource.h): the ways GDAL's OSM driver gives (io/OsmReader) through
// the profile's OSM rules.
#include "network/OsmSource.h"
#include "crs/CoordinateTransform.h"
#include "io/FeatureStream.h"
#include "io/OsmReader.h"
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"
#include "network/RoadGraphSource.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <algorithm>
#include <cmath>

namespace refuge {

namespace {

// Fields that are not OSM tags.
bool isTagField(const QString &name)
{
    return name != QLatin1String("osm_id") && name != QLatin1String("osm_way_id") && name != QLatin1String("other_tags")
        && name != QLatin1String("z_order");
}

// Reads the tags of a feature: the osmconf.ini attribute fields and other_tags.
class TagReader {
public:
    explicit TagReader(const VectorLayer &layer)
        : m_layer(layer), m_other(layer.fieldIndex(QStringLiteral("other_tags")))
    {
        for (int f = 0; f < int(layer.fields().size()); ++f)
            if (isTagField(layer.fields()[std::size_t(f)].name))
                m_fields.push_back(f);
    }
    OsmTags tags(int feature) const
    {
        OsmTags t;
        for (int f : m_fields) {
            const QVariant v = m_layer.attribute(feature, f);
            if (v.isValid() && !v.isNull() && !v.toString().isEmpty())
                t.insert(m_layer.fields()[std::size_t(f)].name, v.toString());
        }
        if (m_other >= 0)
            parseOsmHstore(m_layer.attribute(feature, m_other).toString(), t);
        return t;
    }

private:
    const VectorLayer &m_layer;
    int m_other;
    std::vector<int> m_fields;
};

// GDAL's OSM driver with resources/osmconf.ini on this thread while it lives.
class OsmConfig : public OsmDriverConfig {
public:
    OsmConfig() : OsmDriverConfig(ini()) {}

private:
    static QString ini()
    {
        const QString path = QDir(QFileInfo(Profile::profileDirectory()).path()).filePath(QStringLiteral("osmconf.ini"));
        return QFileInfo::exists(path) ? path : QString();
    }
};

double ringMeters(const QPointF *p, int n)
{
    double s = 0;
    for (int i = 1; i < n; ++i)
        s += std::hypot(p[i].x() - p[i - 1].x(), p[i].y() - p[i - 1].y());
    return s;
}

// Index of a value in a column's table (values[0] is null).
std::uint32_t valueIndex(RoadLines::Column &c, QMap<QString, std::uint32_t> &seen, const QVariant &v)
{
    const QString key = v.toString();
    auto it = seen.constFind(key);
    if (it == seen.constEnd()) {
        c.values.push_back(v);
        it = seen.insert(key, std::uint32_t(c.values.size() - 1));
    }
    return *it;
}

} // namespace

bool OsmSource::isOsmFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("osm") || suffix == QLatin1String("pbf");
}

bool OsmSource::hasOsmFields(const QStringList &names)
{
    return names.contains(QLatin1String("other_tags"))
        && (names.contains(QLatin1String("osm_id")) || names.contains(QLatin1String("osm_way_id")) || names.contains(QLatin1String("highway")));
}

bool OsmSource::isOsmLayer(const VectorLayer &layer)
{
    QStringList names;
    for (const Field &f : layer.fields())
        names << f.name;
    return hasOsmFields(names);
}

bool OsmSource::isOsmSource(const DataSource &source)
{
    if (isOsmFile(source.path))
        return true;
    try {
        return hasOsmFields(FeatureStream::fieldNames(source));
    } catch (const Error &) {
        return false; // the reader says what is wrong with it
    }
}

VectorLayer OsmSource::loadLayer(const DataSource &source, const LoadOptions &options, Feedback *feedback)
{
    const OsmConfig config;
    return VectorLayer::load(source, options, feedback);
}

namespace {

QRectF extentOf(const VectorLayer &layer)
{
    double x0 = 0, y0 = 0, x1 = -1, y1 = -1;
    for (const Geometry &g : layer.geometries()) {
        const QRectF b = g.bounds();
        if (x1 < x0) {
            x0 = b.left(), y0 = b.top(), x1 = b.right(), y1 = b.bottom();
        } else {
            x0 = std::min(x0, b.left()), y0 = std::min(y0, b.top());
            x1 = std::max(x1, b.right()), y1 = std::max(y1, b.bottom());
        }
    }
    return x1 < x0 ? QRectF() : QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

// `from` in `crs`, leaving out what lies outside it.
VectorLayer transformed(const VectorLayer &from, const Crs &crs)
{
    VectorLayer out(from.name(), from.geometryType(), crs);
    for (const Field &f : from.fields())
        out.addField(f);
    const CoordinateTransform toCrs(from.crs(), crs);
    for (int i = 0; i < from.featureCount(); ++i) {
        Geometry g = from.geometry(i);
        try {
            toCrs.transformInPlace(g);
        } catch (const CrsError &) {
            continue; // outside the working CRS
        }
        QVariantList attributes;
        for (int k = 0; k < int(from.fields().size()); ++k)
            attributes << from.attribute(i, k);
        out.addFeature(std::move(g), attributes, from.sourceFid(i));
    }
    out.buildIndex();
    return out;
}

} // namespace

OsmSource::Ways OsmSource::loadWays(const RoadGraphOptions &options, Feedback *feedback)
{
    const OsmConfig config;
    OsmWayLayers lonLat = readOsmWays(options.source, feedback);
    const VectorLayer &lonLatLines = lonLat.lines;
    const VectorLayer &lonLatAreas = lonLat.areas;
    const bool areas = lonLat.hasAreas;
    const Crs crs = options.crs.isValid() && !options.crs.isGeographic()
        ? options.crs
        : metricCrsFor(lonLatLines.crs(), extentOf(lonLatLines));
    Ways out;
    out.lines = transformed(lonLatLines, crs);
    out.areas = areas ? transformed(lonLatAreas, crs) : VectorLayer(QStringLiteral("osm_areas"), GeometryType::MultiPolygon, crs);
    return out;
}

RoadLines OsmSource::roadLines(const VectorLayer &lines, const VectorLayer *areas, const RoadGraphOptions &options)
{
    const Profile &profile = options.profile;
    const OsmRules &rules = profile.osmRules();
    RoadLines out;
    out.display = lines.source().path.isEmpty() ? lines.name() : lines.source().displayName();
    out.crs = lines.crs();
    const double toMeters = out.crs.isValid() && out.crs.metresPerUnit() > 0 ? out.crs.metresPerUnit() : 1.0;
    // The rules give one-way and speed; the builder reads them as an "oneway" and a
    // km/h speed column (named after where the speeds come from). The class column
    // stays empty: the rules chose the ways.
    out.roadClass.name = QStringLiteral("highway");
    out.oneway.name = QStringLiteral("oneway");
    out.speed.name = profile.usesMaxspeed() ? QStringLiteral("maxspeed") : QStringLiteral("highway");
    for (RoadLines::Column *c : {&out.roadClass, &out.oneway, &out.speed, &out.fromNode, &out.toNode})
        c->values.assign(1, QVariant());
    QMap<QString, std::uint32_t> onewaySeen, speedSeen;

    auto addFeature = [&](const OsmTags &tags, const Geometry &g) {
        const OsmWayUse use = rules.use(tags, profile.obeysOneWay());
        if (!use.usable) {
            ExcludedWays &e = out.excluded[use.reason];
            ++e.ways;
            for (int r = 0; r < g.ringCount(); ++r)
                e.meters += ringMeters(g.ringPoints(r), g.ringSize(r)) * toMeters;
            return;
        }
        bool any = false;
        for (int r = 0; r < g.ringCount(); ++r) {
            if (g.ringSize(r) < 2)
                continue;
            out.points.insert(out.points.end(), g.ringPoints(r), g.ringPoints(r) + g.ringSize(r));
            out.partFirst.push_back(std::uint32_t(out.points.size()));
            out.partFeature.push_back(out.featureCount);
            any = true;
        }
        if (!any) {
            ++out.skippedGeometry;
            return;
        }
        double kmh = 0;
        if (profile.usesMaxspeed())
            kmh = parseMaxspeed(tags.value(QStringLiteral("maxspeed"))) * 3.6;
        if (!(kmh > 0))
            kmh = (use.speedClass.isEmpty() ? profile.defaultSpeed() : profile.classSpeed(use.speedClass)) * 3.6;
        out.speed.index.push_back(valueIndex(out.speed, speedSeen, QVariant(kmh)));
        out.oneway.index.push_back(use.oneWay == OneWay::Both ? 0
                                       : valueIndex(out.oneway, onewaySeen,
                                                    QVariant(use.oneWay == OneWay::Forward ? QStringLiteral("yes") : QStringLiteral("-1"))));
        ++out.featureCount;
    };

    const TagReader lineTags(lines);
    for (int i = 0; i < lines.featureCount(); ++i)
        addFeature(lineTags.tags(i), lines.geometry(i));
    if (areas && areas->featureCount() > 0) {
        // Closed ways only (osm_way_id): OSRM routes on ways, not on multipolygon relations.
        const int wayId = areas->fieldIndex(QStringLiteral("osm_way_id"));
        const TagReader areaTags(*areas);
        for (int i = 0; wayId >= 0 && i < areas->featureCount(); ++i) {
            const QVariant id = areas->attribute(i, wayId);
            if (!id.isValid() || id.isNull() || id.toString().isEmpty())
                continue;
            OsmTags tags = areaTags.tags(i);
            // GDAL consumes the area tag: a closed way it gives as a polygon is an area
            // (area=yes, or a key osmconf.ini's closed_ways_are_polygons names).
            if (!tags.contains(QStringLiteral("area")))
                tags.insert(QStringLiteral("area"), QStringLiteral("yes"));
            if (!tags.value(QStringLiteral("highway")).isEmpty())
                addFeature(tags, areas->geometry(i));
        }
    }
    for (RoadLines::Column *c : {&out.roadClass, &out.fromNode, &out.toNode})
        c->index.assign(out.featureCount, 0);
    out.fromNode.name.clear();
    out.toNode.name.clear();
    return out;
}

} // namespace refuge
