#pragma once
// Hand-made road layers for the network tests (EPSG:32651, metres).
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"

#include <QVariantList>
#include <vector>

namespace refuge::test {

struct Road {
    std::vector<QPointF> points;
    QString oneway = QStringLiteral("no");
    QString highway = QStringLiteral("residential");
};

inline VectorLayer roadLayer(const std::vector<Road> &roads)
{
    VectorLayer layer(QStringLiteral("roads"), GeometryType::LineString, Crs::fromEpsg(32651));
    layer.addField({QStringLiteral("oneway"), FieldType::String});
    layer.addField({QStringLiteral("highway"), FieldType::String});
    for (const Road &r : roads)
        layer.addFeature(Geometry::lineString(r.points), {r.oneway, r.highway});
    layer.buildIndex();
    return layer;
}

inline RoadGraph buildGraph(const std::vector<Road> &roads, const QString &profile = QStringLiteral("walk"))
{
    RoadGraphOptions o;
    o.profile = Profile::load(profile);
    return RoadGraphBuilder::build(roadLayer(roads), o);
}

// Node index at a position (exact match within 1 mm), -1 if none.
inline int nodeAt(const RoadGraph &g, QPointF p)
{
    for (int n = 0; n < g.nodeCount(); ++n)
        if (std::abs(g.node(n).x() - p.x()) < 1e-3 && std::abs(g.node(n).y() - p.y()) < 1e-3)
            return n;
    return -1;
}

} // namespace refuge::test
