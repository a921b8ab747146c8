#include "analysis/Capacity.h"
#include "util/Error.h"

#include <cmath>

namespace refuge {

QStringList CapacityTable::messages() const
{
    QStringList m;
    if (fromArea > 0)
        m << QStringLiteral("%1 shelters: capacity from effective area ÷ %2 m² per person").arg(fromArea).arg(spacePerEvacueeM2);
    if (missing > 0)
        m << QStringLiteral("%1 shelters without capacity or area (counted as capacity 0)").arg(missing);
    return m;
}

CapacityTable Capacity::resolve(const FacilityTable &facilities, double spacePerEvacueeM2)
{
    if (!(spacePerEvacueeM2 > 0))
        throw InvalidInput(QStringLiteral("space per evacuee must be greater than 0 m²"));
    CapacityTable t;
    t.spacePerEvacueeM2 = spacePerEvacueeM2;
    for (int i = 0; i < facilities.size(); ++i) {
        const double cap = facilities.capacity[std::size_t(i)];
        const double area = facilities.areaM2[std::size_t(i)];
        if (std::isfinite(cap)) {
            t.persons.push_back(cap);
            t.areaM2.push_back(std::isfinite(area) ? area : cap * spacePerEvacueeM2);
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
            ++t.missing;
        }
    }
    if (t.fromField + t.fromArea == 0)
        throw InvalidInput(fileMessage(facilities.source, QStringLiteral("no shelter has a capacity or an effective area "
                                                                         "(map a capacity or area field)")));
    return t;
}

} // namespace refuge
