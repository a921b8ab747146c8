#pragma once
// Capacity: how many people each shelter can take, and how much shelter area it
// offers. A capacity field wins; otherwise effective area ÷ space per evacuee (the
// standards profile's shelter.space_per_evacuee_m2). The area offered is the effective
// area when known, else capacity × space per evacuee. Shelters with neither are
// counted (capacity 0), and a layer where no shelter has either is refused.
#include "analysis/FacilityTable.h"

#include <QStringList>
#include <vector>

namespace refuge {

struct CapacityTable {
    std::vector<double> persons;  // per facility, ≥ 0
    std::vector<double> areaM2;   // per facility, ≥ 0
    std::vector<QString> basis;   // "field", "area", "none"
    double spacePerEvacueeM2 = 1.5;
    int fromField = 0, fromArea = 0, missing = 0;
    QStringList messages() const;
};

class Capacity {
public:
    // Throws InvalidInput when no facility has a capacity or an area.
    static CapacityTable resolve(const FacilityTable &facilities, double spacePerEvacueeM2);
};

} // namespace refuge
