#include "analysis/FacilityTable.h"
#include "analysis/Demand.h"
#include "analysis/FacilityIds.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"
#include "util/NumberText.h"

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
    layer.requireGeometry(QStringLiteral("facilities"), {0, 2});
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
    // A value through NumberText; the ones that needed it noted.
    auto number = [&](int row, int field, NumberKind kind) {
        const QVariant value = layer.attribute(row, field);
        const NumberRead r = readNumber(value, kind);
        if (r.status == NumberRead::Status::Reformatted)
            t.reformatted.push_back({row, layer.fields()[std::size_t(field)].name, value.toString(), r.value});
        else if (r.status == NumberRead::Status::Unusable)
            t.unusable.push_back({row, layer.fields()[std::size_t(field)].name, value.toString(), kUnknown});
        return r;
    };
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
            const NumberRead c = number(i, capField, NumberKind::Count);
            if (c.status == NumberRead::Status::Missing)
                ++t.nullCapacity;
            else if (c.usable() && c.value < 0)
                ++t.negativeCapacity;
            else if (c.usable())
                v = c.value;
        }
        t.capacity.push_back(v);
        const NumberRead a = areaField >= 0 ? number(i, areaField, NumberKind::AreaM2) : NumberRead{};
        t.areaM2.push_back(a.usable() && a.value > 0 ? a.value : kUnknown);
        t.grades << (gradeField >= 0 ? layer.attribute(i, gradeField).toString().trimmed() : QString());
        const NumberRead ts = turnoutField >= 0 ? number(i, turnoutField, NumberKind::Seconds) : NumberRead{};
        t.turnoutSeconds.push_back(ts.usable() && ts.value >= 0 ? ts.value : kUnknown);
    }
    return t;
}

void FacilityTable::reportValues(Feedback &feedback) const
{
    QStringList notes, problems;
    auto lines = [&](const std::vector<FacilityValueNote> &list, bool usable, QStringList &into) {
        QStringList fieldsSeen;
        for (const FacilityValueNote &n : list)
            if (!fieldsSeen.contains(n.field))
                fieldsSeen << n.field;
        for (const QString &field : fieldsSeen) {
            QStringList named;
            int count = 0;
            for (const FacilityValueNote &n : list) {
                if (n.field != field)
                    continue;
                if (++count <= 10)
                    named << (usable ? QStringLiteral("%1 \"%2\" → %3").arg(ids.value(n.row), n.text).arg(n.value, 0, 'g', 12)
                                     : QStringLiteral("%1 \"%2\"").arg(ids.value(n.row), n.text));
            }
            if (count > 10)
                named << QStringLiteral("%1 more").arg(count - 10);
            into << fileMessage(source, QStringLiteral("field '%1': %2 %3: %4")
                                            .arg(field)
                                            .arg(count)
                                            .arg(usable ? QStringLiteral("values written as text read as numbers")
                                                        : QStringLiteral("values that are not numbers left out (unusable)"))
                                            .arg(named.join(QStringLiteral(", "))));
        }
    };
    lines(reformatted, true, notes);
    lines(unusable, false, problems);
    for (const QString &n : notes)
        feedback.warn(n);
    for (const QString &p : problems)
        feedback.inputProblem(p);
}

} // namespace refuge
