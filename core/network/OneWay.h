#pragma once
// One-way rules of a road link relative to its digitised direction, and the parser
// for the many ways data sets write them (0/1/-1, yes/no/true/false, FT/TF/B/N, OSM
// oneway=yes/-1/reversible). Pure functions; any thread.
#include <QString>
#include <QVariant>
#include <cstdint>

namespace refuge {

enum class OneWay : std::uint8_t {
    Both = 0,     // two-way
    Forward = 1,  // only in the digitised direction
    Backward = 2, // only against the digitised direction
    Closed = 3,   // no traffic (e.g. OSM oneway=reversible, or closed by a barrier)
};

// "", "0", "no", "false", "B", "both" → Both; "1", "yes", "true", "FT", "T" → Forward;
// "-1", "TF", "reverse" → Backward; "reversible", "alternating", "N" → Closed.
// Unknown text → Both with recognised=false.
OneWay parseOneWay(const QVariant &value, bool *recognised = nullptr);
QString oneWayName(OneWay w);

} // namespace refuge
