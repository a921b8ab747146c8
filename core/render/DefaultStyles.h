#pragma once
// Default symbology per role, so a project looks right on first open: shelters green
// markers sized by capacity, fire stations red, medical blue crosses, hazard zones
// by level in the five-colour risk palette (HazardStyles), communities outlined and labelled, roads categorized by
// class (major/minor), population graduated (Jenks, yellow→red), official districts
// dashed outlines. Field names come from the project's role→field mapping
// (ProjectLayer::fields, e.g. "capacity" → "Capacity"); keys that are missing are
// guessed from the layer's field names. Pure functions; thread-safe.
#include "model/Role.h"
#include "render/Style.h"

#include <QMap>
#include <QString>

namespace refuge {

struct ProjectLayer;
class RasterLayer;
class VectorLayer;

Style defaultStyle(Role role, const VectorLayer &layer, const QMap<QString, QString> &fieldMap = {});
// The same for a project layer: the style stored with the data when it has one (a results
// GeoPackage's layer_styles, VectorLayer::storedStyle), else hazard layers use its "hazard"
// settings (level mapping, type), the others their role's default.
Style defaultStyle(const ProjectLayer &projectLayer, const VectorLayer &layer);
Style defaultRasterStyle(Role role, const RasterLayer &layer);

} // namespace refuge
