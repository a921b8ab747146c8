#pragma once
// Capacity: how many people each shelter can take, and how much shelter area it
// offers. A capacity field wins; otherwise effective area ÷ space per evacuee (the
// standards profile's shelter.space_per_evacuee_m2). The area offered is the effective
// area; a shelter without one has no area (listed: a per-capita area check cannot be
// evaluated with it) unless the user asks for capacity × M m² per person
// (--area-from-capacity M; each substitution listed). Shelters with neither capacity
// nor area are counted (capacity 0), and a layer where no shelter has either is refused.
#include "analysis/FacilityTable.h"

#include <QStringList>
#include <vector>

namespace refuge {

struct CapacityTable {
    std::vector<double> persons;  // per facility, ≥ 0
    std::vector<double> areaM2;   // per facility, ≥ 0 (0 when !areaKnown)
    std::vector<char> areaKnown;  // per facility: an effective area (or one substituted as asked)
    std::vector<QString> basis;   // "field", "area", "none"
    double spacePerEvacueeM2 = 1.5;
    double areaFromCapacityM2 = 0; // > 0: area = capacity × this where the area is missing
    int fromField = 0, fromArea = 0, missing = 0;
    QStringList missingIds, substitutedIds, withoutAreaIds; // facility ids
    QStringList messages() const;
};

class Capacity {
public:
    // Throws InvalidInput when no facility has a capacity or an area.
    static CapacityTable resolve(const FacilityTable &facilities, double spacePerEvacueeM2, double areaFromCapacityM2 = 0);
};

} // namespace refuge
