#pragma once
// AtlasConfig: the atlas a project asks for — the project file's top-level "atlas"
// section, read by `refuge-cli atlas PROJECT` (without --coverage) and `refuge-cli run`:
//   "atlas": {"lang": "zh_CN", "single_file": true, "format": "pdf", "dpi": 150,
//             "coverage": "admin", "level_field": "LEVEL",          // defaults for the levels
//             "levels": [{"level": "district",  "template": "standard-a3", "field": "NAME"},
//                        {"level": "street",    "template": "standard-a4", "value": "街镇"},
//                        {"level": "community", "template": "community-evacuation-a4",
//                         "coverage": "neighborhoods", "field": "NAME", "margin": 15}]}
// Each level is one atlas: a layout per level, over its own coverage layer or over the
// features of a shared one whose level_field equals its "value" (default: its level).
// Without "levels", the section itself is one level named "atlas" (keys "template",
// "coverage", "field"...). Pure data; throws InvalidInput naming the key.
#include <QJsonObject>
#include <QString>
#include <vector>

namespace refuge {

struct AtlasLevel {
    QString level;            // district / street / community / atlas: also its output subfolder
    QString templateName;     // template, layout file or standard-a4...
    QString coverage;         // project layer id
    QString field;            // names each file and matches the coverage results' areas
    QString levelField;       // empty: every feature of the coverage layer
    QString levelValue;       // the level_field value of this level's features
    double marginPercent = 10;
    double fixedScale = 0;
};

struct AtlasConfig {
    QString lang;             // "" (en) or zh_CN
    bool singleFile = true;
    QString format = QStringLiteral("pdf");
    int dpi = 150;
    std::vector<AtlasLevel> levels;

    bool isEmpty() const { return levels.empty(); }
    // `section`: the project's "atlas" object; `where` prefixes messages (the project file).
    static AtlasConfig fromJson(const QJsonObject &section, const QString &where);
};

} // namespace refuge
