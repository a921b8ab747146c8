#pragma once
// OffsetCheck: catches the common mistake of a point table picked on a Chinese web map
// (GCJ-02: Amap, Tencent) but declared WGS 84. Such points sit a few hundred metres off
// the street network, all in the same direction; removing the GCJ-02 offset brings them
// back to the streets. The check compares the median distance from the points to the
// nearest street as declared with the median after the GCJ-02 → WGS 84 correction
// (ChinaOffsets) and flags the layer when it drops sharply. Used by `refuge-cli validate`
// (ProjectCheck) and `refuge-cli info --network`. Pure computation; any thread.
#include "model/VectorLayer.h"

#include <QString>

namespace refuge {

struct OffsetCheckResult {
    bool applicable = false;       // WGS 84-declared points inside China and a street network: compared
    int points = 0;                // points compared
    double medianDeclaredMeters = 0;  // median distance to the nearest street, as declared
    double medianCorrectedMeters = 0; // the same after the GCJ-02 → WGS 84 correction
    bool looksGcj02 = false;
    QString message;               // one line when looksGcj02 (names neither file)
};

class OffsetCheck {
public:
    // Distances beyond this are counted as this (no street near at all).
    static constexpr double kMaxMeters = 3000;
    // `points` and `streets` in any CRS (as loaded); points declared GCJ-02/BD-09 (their
    // sourceCrs()), outside China, or fewer than 3, are not applicable. Flags when the
    // corrected median is below half the declared one and at least 20 m smaller.
    static OffsetCheckResult check(const VectorLayer &points, const VectorLayer &streets);
};

} // namespace refuge
