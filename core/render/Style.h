#pragma once
// Style: the symbology of one layer, as saved in the project file's per-layer "style"
// object (ProjectLayer::style). A plain value — copy it into a MapSettings snapshot;
// safe to read from any thread. JSON form:
//   {"type": "single|categorized|graduated|raster",
//    "symbol": {Symbol},                      // single; also the fallback ("other") symbol
//    "field": "MajorRoad",                    // categorized / graduated
//    "categories": [{"value": 1, "label": "Major road", "symbol": {Symbol}, "visible": true}],
//    "ranges": [{"lower": 0, "upper": 120, "label": "0 – 120", "symbol": {Symbol}}],
//    "method": "equal_interval|quantile|jenks", "classes": 5, "ramp": "yellow_red",
//    "size": {"field": "Capacity", "min_value": 0, "max_value": 1000,
//             "min_mm": 2, "max_mm": 8},      // markers sized by a field (area-proportional)
//    "labels": {LabelSettings},
//    "raster": {"mode": "greyscale|pseudocolor", "band": 1, "min": 0, "max": 5,
//               "ramp": "blues"}}            // min/max absent: computed from the data
// fromJson(toJson()) == the original style. An empty object gives a default single style.
#include "util/Classification.h"
#include "render/LabelSettings.h"
#include "render/Symbol.h"

#include <QJsonObject>
#include <QString>
#include <QVariant>
#include <optional>
#include <vector>

namespace refuge {

class ColorRamp;
class VectorLayer;

struct StyleCategory {
    QVariant value;         // matched against the field's value (numbers by value, text exactly)
    QString label;          // legend text (empty: the value)
    Symbol symbol;
    bool visible = true;
    bool operator==(const StyleCategory &) const = default;
};

struct StyleRange {
    double lower = 0;       // lower < v <= upper (the first range includes its lower bound)
    double upper = 0;
    QString label;          // legend text (empty: "lower – upper")
    Symbol symbol;
    bool operator==(const StyleRange &) const = default;
};

// Markers sized by a numeric field: the marker *area* grows linearly from minMm at
// minValue to maxMm at maxValue (clamped); null values get symbol.sizeMm.
struct SizeByField {
    QString field;          // empty: off
    double minValue = 0;
    double maxValue = 1;
    double minMm = 2.0;
    double maxMm = 8.0;
    bool operator==(const SizeByField &) const = default;
};

struct RasterStyle {
    // Colour: the raster's own colours (RGB(A) bands or a palette), e.g. a basemap.
    enum class Mode { Greyscale, Pseudocolor, Colour };
    Mode mode = Mode::Greyscale;
    int band = 1;                      // 1-based, as in GDAL
    std::optional<double> min, max;    // stretch; absent → data min/max
    QString ramp = QStringLiteral("spectral");
    bool operator==(const RasterStyle &) const = default;
};

class Style {
public:
    enum class Type { Single, Categorized, Graduated, Raster };

    Type type = Type::Single;
    Symbol symbol;                        // single symbol; fallback for unmatched values
    QString field;                        // categorized / graduated
    std::vector<StyleCategory> categories;
    std::vector<StyleRange> ranges;
    ClassificationMethod method = ClassificationMethod::NaturalBreaks;
    int classes = 5;
    QString ramp;                         // ramp the classes were coloured from (informative)
    SizeByField size;
    LabelSettings labels;
    RasterStyle raster;

    // Throws InvalidInput ("style: …") for wrong value types; missing keys keep defaults.
    static Style fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    static Style single(const Symbol &symbol);
    // One category per distinct value of `field` (sorted; at most maxCategories, the
    // rest drawn with base), coloured from `ramp`. Throws InvalidInput for a missing field.
    static Style categorized(const VectorLayer &layer, const QString &field, const ColorRamp &ramp,
                             const Symbol &base, int maxCategories = 64);
    // Ranges from Classification::breaks over the numeric values of `field`, coloured
    // from `ramp` (first class = ramp start). Throws InvalidInput for a missing field.
    static Style graduated(const VectorLayer &layer, const QString &field, ClassificationMethod method,
                           int classes, const ColorRamp &ramp, const Symbol &base);

    // The symbol for a feature value (categorized: matching category; graduated: its
    // range); nullptr when the value matches a hidden category or no range.
    const Symbol *symbolFor(const QVariant &value) const;

    bool operator==(const Style &) const = default;
};

QString styleTypeName(Style::Type type);

} // namespace refuge
