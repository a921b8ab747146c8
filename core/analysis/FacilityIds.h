#pragma once
// FacilityIds: the one rule every analysis output (zones, coverage, fire, service
// areas, network-check) names facilities by: the id field asked for; else the layer's
// own "id" field (any case) when it names every row once (no empty or repeated
// value); else the row number counted from 1.
// Plain functions; any thread.
#include <QString>

namespace refuge {

class VectorLayer;

namespace FacilityIds {

// Index of the field giving ids: `requested` when not empty (InvalidInput naming the
// layer when missing), else the layer's "id" field when its values are all present and
// distinct, else -1 (row numbers).
int field(const VectorLayer &layer, const QString &requested);
// The id of row `row` (0-based): the field's text, trimmed, or rowNumber(row).
QString id(const VectorLayer &layer, int field, int row);
// The fallback id of row `row` (0-based): "1" for the first row.
inline QString rowNumber(int row) { return QString::number(row + 1); }

} // namespace FacilityIds

} // namespace refuge
