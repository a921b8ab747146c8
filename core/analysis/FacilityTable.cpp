#include "analysis/FacilityTable.h"
#include "analysis/Demand.h"
#include "analysis/FacilityIds.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QSet>

namespace refuge {

namespace {

QPointF representative(const Geometry &g)
{
    if (g.isEmpty())
        return {std::nan(""), std::nan("")};
    if (dimension(g.type()) == 0)
        return g.points().front();
    GEOSContextHandle_t ctx = geosContext();
    GeosGeom gg = g.toGeos();
    GeosGeom p(GEOSPointOnSurface_r(ctx, gg.get()));
    double x = std::nan(""), y = std::nan("");
    if (p && GEOSisEmpty_r(ctx, p.get()) == 0) {
        GEOSGeomGetX_r(ctx, p.get(), &x);
        GEOSGeomGetY_r(ctx, p.get(), &y);
    }
    return {x, y};
}

} // namespace

FacilityTable FacilityTable::fromLayer(const VectorLayer &layer, const FacilityFields &fields)
{
    const QString where = layer.source().path.isEmpty() ? layer.name() : layer.source().displayName();
    if (layer.featureCount() == 0)
        throw InvalidInput(fileMessage(where, QStringLiteral("no facilities in the layer")));
    auto optionalField = [&](const QString &name) { return name.isEmpty() ? -1 : layer.requireField(name); };
    const int idField = FacilityIds::field(layer, fields.id);
    const QString idName = idField >= 0 ? layer.fields()[std::size_t(idField)].name : QString();
    const int nameField = optionalField(fields.name);
    const int capField = optionalField(fields.capacity);
    const int areaField = optionalField(fields.area);
    const int gradeField = optionalField(fields.grade);
    const int turnoutField = optionalField(fields.turnout);

    FacilityTable t;
    t.crs = layer.crs();
    t.source = where;
    QSet<QString> seen;
    for (int i = 0; i < layer.featureCount(); ++i) {
        t.points.push_back(representative(layer.geometry(i)));
        const QString name = nameField >= 0 ? layer.attribute(i, nameField).toString() : QString();
        const QString id = FacilityIds::id(layer, idField, i);
        if (id.isEmpty())
            throw InvalidInput(fileMessage(where, QStringLiteral("facility %1 has an empty id in field '%2'").arg(i + 1).arg(idName)));
        if (seen.contains(id))
            throw InvalidInput(fileMessage(where, QStringLiteral("duplicate facility id '%1' in field '%2'").arg(id, idName)));
        seen.insert(id);
        t.ids << id;
        t.names << (name.isEmpty() ? id : name);
        double v = kUnknown;
        if (capField >= 0) {
            double c = 0;
            if (!Demand::parsePopulation(layer.attribute(i, capField), c))
                ++t.nullCapacity;
            else if (c < 0)
                ++t.negativeCapacity;
            else
                v = c;
        }
        t.capacity.push_back(v);
        double a = kUnknown, av = 0;
        if (areaField >= 0 && Demand::parsePopulation(layer.attribute(i, areaField), av) && av > 0)
            a = av;
        t.areaM2.push_back(a);
        t.grades << (gradeField >= 0 ? layer.attribute(i, gradeField).toString().trimmed() : QString());
        double ts = kUnknown, tv = 0;
        if (turnoutField >= 0 && Demand::parsePopulation(layer.attribute(i, turnoutField), tv) && tv >= 0)
            ts = tv;
        t.turnoutSeconds.push_back(ts);
    }
    return t;
}

} // namespace refuge
