#pragma once
// HazardSettings: what a `hazard` layer holds and how its features map to the five
// hazard levels (1 低 Low … 5 高 High) — by a field's values, by numeric breaks on a
// field or a raster band (e.g. flood depth in metres), or one level for the whole
// layer — plus an optional water depth (for road closures per profile) and, for point
// sources (hazardous-chemical sites), a radius field or default and the isolation and
// protection distances. Stored in the project as the layer's "hazard" object (a key
// the Project keeps as an extra, so the JSON round trip is exact). Pure data.
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace refuge {

struct ProjectLayer;

enum class HazardType { Flood, Waterlogging, Earthquake, Typhoon, Geological, Hazmat, Fire, Other };

QString hazardTypeName(HazardType type);                     // "flood"
QString hazardTypeLabel(HazardType type, bool chinese);       // "Flood" / "洪水"
std::optional<HazardType> hazardTypeFromName(const QString &name); // case-insensitive
QStringList allHazardTypeNames();

constexpr int kHazardLevels = 5;
// "高" / "High" for 5 … "低" / "Low" for 1; empty outside 1..5.
QString hazardLevelLabel(int level, bool chinese);

struct HazardLevelMapping {
    enum class Kind { Field, Breaks, Constant };
    Kind kind = Kind::Field;
    QString field;                 // Field and Breaks on vectors; empty for a raster (band)
    QMap<QString, int> values;     // Field: value → level 1..5; empty = the value is the level
    std::vector<double> breaks;    // Breaks: ascending lower bounds of levels 1..n (n ≤ 5); below the first: no hazard
    int constant = 3;              // Constant

    // Level of a value (0: no hazard; -1: outside the mapping).
    int levelOf(const QVariant &value) const;
    int levelOfNumber(double value) const; // Breaks (NaN: 0)
    bool operator==(const HazardLevelMapping &) const = default;
};

struct HazardSettings {
    HazardType type = HazardType::Other;
    HazardLevelMapping level;
    QString depthField;                 // water depth in metres per feature (optional)
    std::optional<double> depthNodata;  // a depth value meaning "unknown" (e.g. -9999)
    int band = 1;                       // raster band (1-based)
    QString radiusField;                // point sources: radius in metres per feature
    double defaultRadiusMeters = 0;     // point sources without a radius (0: none)
    double isolationMeters = 0;         // hazmat: initial isolation distance (0: none)
    double protectionMeters = 0;        // hazmat: protective action distance (0: none)
    QString isolationField;             // hazmat: isolation distance in metres per feature (else isolationMeters)
    QString protectionField;            // hazmat: protection distance in metres per feature (else protectionMeters)

    // Throws InvalidInput "<where>: <what>" for wrong types, unknown type names, levels
    // outside 1..5, breaks not ascending, negative distances.
    static HazardSettings fromJson(const QJsonObject &json, const QString &where);
    QJsonObject toJson() const;

    // The layer's settings: its "hazard" object, else a guess from its fields map
    // ("level", "depth", "radius", "type" keys) and name. Throws InvalidInput naming
    // the layer for a malformed object.
    static HazardSettings of(const ProjectLayer &layer);
    bool isConfigured() const { return configured; }
    void storeIn(ProjectLayer &layer) const;

    bool configured = false;            // from a "hazard" object (not guessed)
    bool operator==(const HazardSettings &) const = default;
};

} // namespace refuge
