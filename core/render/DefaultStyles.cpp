#include "render/DefaultStyles.h"

#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "render/ColorRamp.h"
#include "render/HazardStyles.h"
#include "model/Project.h"
#include "util/Error.h"

#include <QSet>
#include <algorithm>
#include <cmath>

namespace refuge {

namespace {

// The layer's field for a role key: the project's mapping when it names an existing
// field, else the first field matching one of the guesses (case-insensitive).
QString fieldFor(const VectorLayer &layer, const QMap<QString, QString> &map, const QString &key, const QStringList &guesses)
{
    const QString mapped = map.value(key);
    if (!mapped.isEmpty() && layer.fieldIndex(mapped) >= 0)
        return layer.fields()[std::size_t(layer.fieldIndex(mapped))].name;
    for (const QString &g : guesses)
        if (layer.fieldIndex(g) >= 0)
            return layer.fields()[std::size_t(layer.fieldIndex(g))].name;
    return {};
}

QString nameField(const VectorLayer &layer, const QMap<QString, QString> &map)
{
    return fieldFor(layer, map, QStringLiteral("name"),
                    {QStringLiteral("name"), QStringLiteral("名称"), QStringLiteral("site_name"), QStringLiteral("name_zh"),
                     QStringLiteral("name_en"), QStringLiteral("label")});
}

LabelSettings labelsFor(const QString &text, double sizePt, LabelPlacement placement = LabelPlacement::Auto)
{
    LabelSettings l;
    l.enabled = !text.isEmpty();
    l.text = text;
    l.sizePt = sizePt;
    l.placement = placement;
    return l;
}

QString braced(const QString &field) { return QStringLiteral("{") + field + QStringLiteral("}"); }

Symbol basicSymbol(int dim)
{
    Symbol s;
    if (dim == 0) {
        s.fillColor = QColor(120, 120, 120);
        s.strokeColor = Qt::white;
        s.strokeWidthMm = 0.3;
        s.sizeMm = 2.5;
    } else if (dim == 1) {
        s.strokeColor = QColor(110, 110, 110);
        s.strokeWidthMm = 0.3;
    } else {
        s.fillColor = QColor(225, 225, 215, 160);
        s.strokeColor = QColor(150, 150, 140);
        s.strokeWidthMm = 0.2;
    }
    return s;
}

struct RoadClass {
    int rank;           // 0 = minor … 5 = motorway
    QColor color;
    double widthMm;
};

RoadClass roadClass(const QVariant &value)
{
    bool numeric = false;
    const double d = value.toDouble(&numeric);
    // Numeric classes as in Cambridge's MajorRoad: 1 arterial, 2 collector, else minor.
    if (numeric && value.typeId() != QMetaType::QString) {
        if (d == 1)
            return {3, QColor(240, 150, 40), 0.8};
        if (d == 2)
            return {2, QColor(245, 200, 90), 0.55};
        return {0, QColor(150, 150, 150), 0.3};
    }
    QString v = value.toString().toLower();
    v.remove(QLatin1String("_link"));
    if (v == QLatin1String("motorway"))
        return {5, QColor(226, 90, 50), 1.2};
    if (v == QLatin1String("trunk"))
        return {4, QColor(240, 130, 60), 1.0};
    if (v == QLatin1String("primary"))
        return {3, QColor(245, 170, 70), 0.9};
    if (v == QLatin1String("secondary"))
        return {2, QColor(245, 210, 110), 0.7};
    if (v == QLatin1String("tertiary"))
        return {1, QColor(200, 190, 150), 0.5};
    return {0, QColor(160, 160, 160), 0.3};
}

Style roadStyle(const VectorLayer &layer, const QString &classField, const QString &name)
{
    Style s;
    s.symbol = basicSymbol(1);
    if (!classField.isEmpty()) {
        const int fi = layer.fieldIndex(classField);
        QSet<QString> seen;
        std::vector<std::pair<RoadClass, QVariant>> values;
        for (int i = 0; i < layer.featureCount(); ++i) {
            const QVariant v = layer.attribute(i, fi);
            if (v.isNull() || seen.contains(v.toString()))
                continue;
            seen.insert(v.toString());
            values.push_back({roadClass(v), v});
            if (values.size() > 64)
                break;
        }
        if (values.size() <= 64) {
            std::stable_sort(values.begin(), values.end(), [](const auto &a, const auto &b) {
                return a.first.rank != b.first.rank ? a.first.rank < b.first.rank : a.second.toString() < b.second.toString();
            });
            s.type = Style::Type::Categorized;
            s.field = classField;
            for (const auto &[rc, v] : values) {
                StyleCategory c;
                c.value = v;
                const bool numeric = v.typeId() != QMetaType::QString;
                c.label = !numeric ? v.toString()
                    : rc.rank >= 3 ? QStringLiteral("Major road")
                    : rc.rank == 2 ? QStringLiteral("Secondary road") : QStringLiteral("Minor road");
                c.symbol = s.symbol;
                c.symbol.strokeColor = rc.color;
                c.symbol.strokeWidthMm = rc.widthMm;
                s.categories.push_back(std::move(c));
            }
        }
    }
    if (!name.isEmpty())
        s.labels = labelsFor(braced(name), 8, LabelPlacement::Along);
    return s;
}

// Whose labels win where they meet (LabelSettings::priority): facilities first, then
// communities and districts, hazards, streets; per-block population last (its symbols
// keep off no one's label but its own).
int labelPriority(Role role)
{
    switch (role) {
    case Role::Shelters:
    case Role::FireStations:
        return 9;
    case Role::Medical:
    case Role::Supplies:
        return 8;
    case Role::Communities:
        return 7;
    case Role::OfficialDistricts:
        return 6;
    case Role::Hazard:
        return 4;
    case Role::Roads:
        return 3;
    case Role::Basemap:
        return 2;
    case Role::Population:
        return 1;
    default:
        return LabelSettings::kDefaultPriority;
    }
}

Style styleFor(Role role, const VectorLayer &layer, const QMap<QString, QString> &fieldMap);

} // namespace

Style defaultStyle(Role role, const VectorLayer &layer, const QMap<QString, QString> &fieldMap)
{
    Style s = styleFor(role, layer, fieldMap);
    s.labels.priority = labelPriority(role);
    return s;
}

namespace {

Style styleFor(Role role, const VectorLayer &layer, const QMap<QString, QString> &fieldMap)
{
    const int dim = std::max(0, dimension(layer.geometryType()) < 0 ? 2 : dimension(layer.geometryType()));
    const QString name = nameField(layer, fieldMap);
    Style s = Style::single(basicSymbol(dim));
    switch (role) {
    case Role::Shelters: {
        s.symbol.fillColor = QColor(30, 150, 60);
        s.symbol.strokeColor = Qt::white;
        s.symbol.strokeWidthMm = 0.4;
        s.symbol.sizeMm = 4.0;
        if (dim == 2) {
            s.symbol.fillColor.setAlpha(150);
            s.symbol.strokeColor = QColor(20, 110, 40);
        }
        const QString cap = fieldFor(layer, fieldMap, QStringLiteral("capacity"),
                                     {QStringLiteral("capacity"), QStringLiteral("cap"), QStringLiteral("容量"), QStringLiteral("可容纳人数")});
        if (!cap.isEmpty() && dim == 0) {
            const int fi = layer.fieldIndex(cap);
            double lo = 1e300, hi = -1e300;
            for (int i = 0; i < layer.featureCount(); ++i) {
                bool ok = false;
                const double v = layer.attribute(i, fi).toDouble(&ok);
                if (ok && !layer.attribute(i, fi).isNull()) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            }
            if (hi > lo) {
                s.size = {cap, std::min(0.0, lo), hi, 2.5, 8.0};
            }
        }
        if (!name.isEmpty())
            s.labels = labelsFor(cap.isEmpty() ? braced(name) : braced(name) + QStringLiteral(" (") + braced(cap) + QStringLiteral(")"), 8);
        break;
    }
    case Role::FireStations:
        s.symbol.fillColor = QColor(215, 25, 28);
        s.symbol.strokeColor = Qt::white;
        s.symbol.strokeWidthMm = 0.4;
        s.symbol.sizeMm = 5.0;
        if (dim == 0) {
            s.symbol.marker = MarkerShape::Svg;
            s.symbol.icon = QStringLiteral("fire_station");
        } else if (dim == 2) {
            s.symbol.fillColor.setAlpha(120);
            s.symbol.strokeColor = QColor(160, 20, 20);
        }
        if (!name.isEmpty())
            s.labels = labelsFor(braced(name), 8);
        break;
    case Role::Medical:
        s.symbol.fillColor = QColor(30, 100, 200);
        s.symbol.strokeColor = Qt::white;
        s.symbol.sizeMm = 5.0;
        if (dim == 0) {
            s.symbol.marker = MarkerShape::Svg;
            s.symbol.icon = QStringLiteral("hospital");
        }
        if (!name.isEmpty())
            s.labels = labelsFor(braced(name), 8);
        break;
    case Role::Supplies:
        s.symbol.fillColor = QColor(240, 140, 20);
        s.symbol.strokeColor = Qt::white;
        s.symbol.marker = MarkerShape::Square;
        s.symbol.sizeMm = 3.5;
        if (dim == 0) {
            s.symbol.marker = MarkerShape::Svg;
            s.symbol.icon = QStringLiteral("supplies");
        }
        if (!name.isEmpty())
            s.labels = labelsFor(braced(name), 8);
        break;
    case Role::Hazard: {
        // Without the project's "hazard" object (see the ProjectLayer overload): guessed from the field map.
        ProjectLayer guess;
        guess.name = layer.name();
        guess.fields = fieldMap;
        return hazardStyle(layer, HazardSettings::of(guess));
    }
    case Role::Communities:
        s.symbol.fillColor = Qt::transparent;
        s.symbol.strokeColor = QColor(110, 60, 140);
        s.symbol.strokeWidthMm = 0.5;
        if (!name.isEmpty()) {
            s.labels = labelsFor(braced(name), 9, LabelPlacement::Inside);
            s.labels.bold = true;
            s.labels.color = QColor(80, 40, 100);
        }
        break;
    case Role::Population: {
        const QString pop = fieldFor(layer, fieldMap, QStringLiteral("population"),
                                     {QStringLiteral("population"), QStringLiteral("pop"), QStringLiteral("人口"), QStringLiteral("pop_total")});
        Symbol base = basicSymbol(dim);
        if (dim == 2) {
            base.strokeColor = QColor(255, 255, 255, 160);
            base.strokeWidthMm = 0.1;
        }
        if (!pop.isEmpty()) {
            Style g = Style::graduated(layer, pop, ClassificationMethod::NaturalBreaks, 5, ColorRamp::named(QStringLiteral("yellow_red")), base);
            // Slightly translucent so hazard zones below (hatched) still show through.
            for (StyleRange &r : g.ranges)
                r.symbol.fillColor.setAlpha(dim == 2 ? 190 : 255);
            if (!g.ranges.empty())
                return g;
        }
        s.symbol = base;
        break;
    }
    case Role::OfficialDistricts: {
        s.symbol.fillColor = Qt::transparent;
        s.symbol.strokeColor = QColor(170, 40, 40);
        s.symbol.strokeWidthMm = 0.5;
        s.symbol.strokeStyle = Qt::DashLine;
        const QString facility = fieldFor(layer, fieldMap, QStringLiteral("facility"), {QStringLiteral("facility")});
        if (!facility.isEmpty())
            s.labels = labelsFor(braced(facility), 8, LabelPlacement::Inside);
        break;
    }
    case Role::Roads:
    case Role::Basemap:
    case Role::Other:
        if (dim == 1 || role == Role::Roads) {
            const QString cls = fieldFor(layer, fieldMap, QStringLiteral("class"),
                                         {QStringLiteral("highway"), QStringLiteral("fclass"), QStringLiteral("class"),
                                          QStringLiteral("majorroad"), QStringLiteral("road_class")});
            return roadStyle(layer, cls, name);
        }
        if (!name.isEmpty() && role == Role::Basemap)
            s.labels = labelsFor(braced(name), 8);
        break;
    }
    return s;
}

} // namespace

Style defaultStyle(const ProjectLayer &projectLayer, const VectorLayer &layer)
{
    // The style stored with the data (a results GeoPackage's layer_styles) comes first.
    if (!layer.storedStyle().isEmpty()) {
        try {
            return Style::fromJson(layer.storedStyle());
        } catch (const InvalidInput &) {
            // Not a style this version reads: the role's default.
        }
    }
    if (projectLayer.role == Role::Hazard) {
        try {
            Style s = hazardStyle(layer, HazardSettings::of(projectLayer));
            s.labels.priority = labelPriority(Role::Hazard);
            return s;
        } catch (const InvalidInput &) {
            // A malformed "hazard" object: styled as unconfigured (the analyses report it).
        }
    }
    return defaultStyle(projectLayer.role, layer, projectLayer.fields);
}

Style defaultRasterStyle(Role role, const RasterLayer &layer)
{
    Style s;
    s.type = Style::Type::Raster;
    s.raster.band = 1;
    if (layer.isColour()) {
        s.raster.mode = RasterStyle::Mode::Colour;
    } else if (role == Role::Hazard) {
        s.raster.mode = RasterStyle::Mode::Pseudocolor;
        s.raster.ramp = QStringLiteral("blues");
    } else if (role == Role::Population) {
        s.raster.mode = RasterStyle::Mode::Pseudocolor;
        s.raster.ramp = QStringLiteral("yellow_red");
    } else {
        s.raster.mode = layer.bandCount() == 1 && layer.band(0).dataType != QLatin1String("Byte")
            ? RasterStyle::Mode::Pseudocolor : RasterStyle::Mode::Greyscale;
    }
    return s;
}

} // namespace refuge
