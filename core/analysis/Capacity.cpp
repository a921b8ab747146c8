#include "analysis/Capacity.h"
#include "util/Error.h"

#include <cmath>

namespace refuge {

namespace {

QString someIds(const QStringList &ids)
{
    constexpr int kListed = 20;
    QString s = ids.mid(0, kListed).join(QStringLiteral(", "));
    if (ids.size() > kListed)
        s += QStringLiteral(" and %1 more").arg(ids.size() - kListed);
    return s;
}

} // namespace

QStringList CapacityTable::messages() const
{
    QStringList m;
    if (fromArea > 0)
        m << QStringLiteral("%1 shelters: capacity from effective area ÷ %2 m² per person").arg(fromArea).arg(spacePerEvacueeM2);
    if (missing > 0)
        m << QStringLiteral("%1 shelters without capacity or area (counted as capacity 0): %2").arg(missing).arg(someIds(missingIds));
    if (!substitutedIds.isEmpty())
        m << QStringLiteral("%1 shelters without an effective area: area taken as capacity × %2 m² per person (as asked, "
                            "--area-from-capacity): %3")
                 .arg(substitutedIds.size())
                 .arg(areaFromCapacityM2)
                 .arg(someIds(substitutedIds));
    if (!withoutAreaIds.isEmpty())
        m << QStringLiteral("%1 shelters without an effective area (per-capita shelter area not evaluated where they are; "
                            "--area-from-capacity M2_PER_PERSON to estimate it): %2")
                 .arg(withoutAreaIds.size())
                 .arg(someIds(withoutAreaIds));
    return m;
}

CapacityTable Capacity::resolve(const FacilityTable &facilities, double spacePerEvacueeM2, double areaFromCapacityM2)
{
    if (!(spacePerEvacueeM2 > 0))
        throw InvalidInput(QStringLiteral("space per evacuee must be greater than 0 m²"));
    if (!(areaFromCapacityM2 >= 0) || !std::isfinite(areaFromCapacityM2))
        throw InvalidInput(QStringLiteral("--area-from-capacity must be a number > 0 (m² per person)"));
    CapacityTable t;
    t.spacePerEvacueeM2 = spacePerEvacueeM2;
    t.areaFromCapacityM2 = areaFromCapacityM2;
    for (int i = 0; i < facilities.size(); ++i) {
        const double cap = facilities.capacity[std::size_t(i)];
        const double area = facilities.areaM2[std::size_t(i)];
        const QString id = facilities.ids.value(i);
        t.areaKnown.push_back(std::isfinite(area) ? 1 : 0);
        if (std::isfinite(cap)) {
            t.persons.push_back(cap);
            if (std::isfinite(area)) {
                t.areaM2.push_back(area);
            } else if (areaFromCapacityM2 > 0) {
                t.areaM2.push_back(cap * areaFromCapacityM2);
                t.areaKnown.back() = 1;
                t.substitutedIds << id;
            } else {
                t.areaM2.push_back(0.0);
                t.withoutAreaIds << id;
            }
            t.basis.push_back(QStringLiteral("field"));
            ++t.fromField;
        } else if (std::isfinite(area)) {
            t.persons.push_back(std::floor(area / spacePerEvacueeM2));
            t.areaM2.push_back(area);
            t.basis.push_back(QStringLiteral("area"));
            ++t.fromArea;
        } else {
            t.persons.push_back(0.0);
            t.areaM2.push_back(0.0);
            t.basis.push_back(QStringLiteral("none"));
            t.missingIds << id;
            t.withoutAreaIds << id;
            ++t.missing;
        }
    }
    if (t.fromField + t.fromArea == 0)
        throw InvalidInput(fileMessage(facilities.source, QStringLiteral("no shelter has a capacity or an effective area "
                                                                         "(map a capacity or area field)")));
    return t;
}

} // namespace refuge
