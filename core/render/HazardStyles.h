#pragma once
// HazardStyles: the symbology of hazard layers and risk classes — the standard
// five-colour risk palette (5 高 red, 4 较高 orange, 3 中 yellow, 2 较低 blue, 1 低 green),
// hazard zones coloured by their level from the layer's HazardSettings (categories
// per mapped value, ranges per break, or one symbol for a constant level), translucent
// so the population beneath shows through, hatched by hazard type; legend labels
// "较高 Higher · AE". Pure functions; thread-safe.
#include "model/HazardSettings.h"
#include "render/Style.h"

#include <QColor>

namespace refuge {

struct ProjectLayer;
class VectorLayer;

// Palette colour of a level 1…5 (grey outside).
QColor riskLevelColor(int level);
// "较高 Higher"
QString riskLevelLegend(int level);

Style hazardStyle(const VectorLayer &layer, const HazardSettings &settings);
// A categorized style on an integer class field 1…5 (risk classes, exposure levels),
// labelled with `nameField` when given.
Style riskClassStyle(const QString &field, int dimension, const QString &nameField = {});

} // namespace refuge
