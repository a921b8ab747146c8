#pragma once
// Parameter: the declaration of one input of an analysis — its name (the refuge-cli
// option and the key in ParameterValues), type, English and Chinese label and help,
// default, and where a project supplies it (a layer role, a field mapping, an
// `analysis.<section>.<key>` setting). Numbers take unit, range and help from
// ParameterRanges (one table); layers state the role and geometries they accept;
// fields name the layer parameter they belong to. refuge-cli builds its options and
// --help from these, the desktop its generic form. Plain values; any thread.
#include "analysis/ParameterRanges.h"
#include "model/Role.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>
#include <vector>

namespace refuge {

// A user-visible text in both shipped languages. lang: "en" or "zh" (also "zh_CN").
struct LocalText {
    QString en;
    QString zh;
    QString in(QStringView lang) const;
    bool isEmpty() const { return en.isEmpty(); }
};
// From UTF-8 literals: text("Network", "路网").
LocalText text(const char *en, const char *zh);
// "zh" for lang "zh", "zh_CN", "zh-Hans"...; else "en".
QString normalizedLanguage(QStringView lang);

enum class ParameterType {
    Layer,      // a vector (or raster) source: "PATH[:LAYER]" or a LayerValue
    Field,      // a field name of the layer parameter `layerParameter`
    Number,     // a double within ParameterRanges::spec(range)
    NumberList, // comma-separated numbers within the range, e.g. breaks "5,10,15"
    Choice,     // one of `choices`
    Profile,    // a travel profile name (walk, walk-elderly, drive) or a .json file
    Crs,        // a CRS as the user writes it (EPSG:32651, WKT); must be metric
    Flag,       // true/false (a CLI switch without value)
    Text,       // free text (a folder, a standard name, a list of KEY=NUMBER)
};
QString parameterTypeName(ParameterType type); // "layer", "number"... (for --help and tests)

// Geometries a layer parameter accepts (bit set; 0 = any).
enum LayerGeometry : unsigned { AnyGeometry = 0, PointLayer = 1, LineLayer = 2, PolygonLayer = 4, RasterLayerKind = 8 };

// Where a project supplies a parameter's value (ProjectValues fills ParameterValues from it).
struct ProjectSource {
    std::optional<Role> role; // Layer: the layer with this role. Field: the field mapping of this role's layer...
    QString fieldKey;         // ...under this key ("population", "capacity")
    QString setting;          // "analysis.fire.turnout_seconds": a key of the project's analysis section
    bool isEmpty() const { return !role && setting.isEmpty(); }
};

struct Parameter {
    QString name;             // "max-minutes": option --max-minutes, key of ParameterValues, name in messages
    ParameterType type = ParameterType::Text;
    LocalText label;          // short, for the dialog's form ("Time limit")
    LocalText help;           // one sentence, for --help and the tooltip (range/default appended by helpText)
    QVariant defaultValue;    // invalid: none (required, or computed: the profile's, the standard's)
    LocalText defaultNote;    // shown when there is no fixed default ("the standard's response time")
    bool required = false;
    bool advanced = false;    // the dialog folds it away; the CLI lists it like the others
    bool repeatable = false;  // Text: several values (--standard-override K=V twice)
    QString valueName;        // the CLI's value name ("path", "field", "m"); empty for flags
    QString group;            // form section: "network", "inputs", "limits", "output", "standard"
    // Parameters that stand in for this one ("max-minutes" for "max-meters", "candidates"
    // for "grid"): a value the user gives for one of them replaces the value a project
    // supplied for this one (Analysis::overlay), instead of the two clashing.
    QStringList alternatives;

    // Layer
    std::optional<Role> role; // the role the layer should have (a project layer of another role is refused)
    unsigned geometries = AnyGeometry;
    // Field
    QString layerParameter;   // the Layer parameter whose fields this names
    bool numericField = false;
    // Number, NumberList
    QString range;            // ParameterRanges name ("max-minutes"): unit, min, max, help
    // Choice
    QStringList choices;
    std::vector<LocalText> choiceLabels; // same order (may be empty: the values are shown)
    bool choiceCheckedByRule = false;    // the analysis's checkRules() refuses other values (with core's own message)

    ProjectSource project;

    // The ParameterRanges entry of a Number/NumberList (nullptr for other types).
    const ParameterSpec *spec() const;
    QString unit() const;      // "min", "m", "s"...; "" when none
    // The help line: help in `lang`, then the range (numbers), choices, and the default:
    // "Cost limit in minutes of travel (> 0 and ≤ 1440 min; default 5)."
    QString helpText(QStringView lang) const;
    // The default as the CLI shows and parses it ("300", "walk", "true"); "" when none.
    QString defaultText() const;
};

// Builders for the declarations (each returns a Parameter to refine further).
namespace param {
Parameter layer(const char *name, LocalText label, LocalText help, std::optional<Role> role, unsigned geometries);
Parameter field(const char *name, LocalText label, LocalText help, const char *layerParameter, bool numeric = false);
Parameter number(const char *name, const char *range, LocalText label, LocalText help = {});
Parameter numberList(const char *name, const char *range, LocalText label, LocalText help);
Parameter choice(const char *name, QStringList choices, const char *defaultValue, LocalText label, LocalText help);
Parameter profile(const char *name, const char *defaultValue, LocalText label, LocalText help);
Parameter crs(const char *name, LocalText label, LocalText help);
Parameter flag(const char *name, LocalText label, LocalText help);
Parameter textValue(const char *name, const char *valueName, LocalText label, LocalText help);
} // namespace param

} // namespace refuge
