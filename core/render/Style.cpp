#include "render/Style.h"

#include "model/VectorLayer.h"
#include "render/ColorRamp.h"
#include "render/JsonRead.h"
#include "util/Error.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <map>

namespace refuge {

QString styleTypeName(Style::Type type)
{
    switch (type) {
    case Style::Type::Categorized: return QStringLiteral("categorized");
    case Style::Type::Graduated: return QStringLiteral("graduated");
    case Style::Type::Raster: return QStringLiteral("raster");
    case Style::Type::Single: break;
    }
    return QStringLiteral("single");
}

namespace {

Style::Type styleTypeFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("categorized") || n == QLatin1String("categorised"))
        return Style::Type::Categorized;
    if (n == QLatin1String("graduated"))
        return Style::Type::Graduated;
    if (n == QLatin1String("raster"))
        return Style::Type::Raster;
    if (n.isEmpty() || n == QLatin1String("single"))
        return Style::Type::Single;
    throw InvalidInput(QStringLiteral("style: unknown type '%1' (single, categorized, graduated, raster)").arg(name));
}

QJsonArray arrayOf(const QJsonObject &json, const char *key)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray())
        throw InvalidInput(QStringLiteral("style: '%1' must be an array").arg(QLatin1String(key)));
    return v.toArray();
}

QJsonObject objectOf(const QJsonValue &v, const char *what)
{
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject())
        throw InvalidInput(QStringLiteral("style: '%1' must be an object").arg(QLatin1String(what)));
    return v.toObject();
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', std::abs(v) >= 1e6 ? 8 : 6);
}

// Numeric comparison for categories: 1 == 1.0 == "1"? Only when both are numbers.
bool sameValue(const QVariant &a, const QVariant &b)
{
    const bool an = a.typeId() == QMetaType::Int || a.typeId() == QMetaType::LongLong || a.typeId() == QMetaType::Double
        || a.typeId() == QMetaType::UInt || a.typeId() == QMetaType::ULongLong || a.typeId() == QMetaType::Bool;
    const bool bn = b.typeId() == QMetaType::Int || b.typeId() == QMetaType::LongLong || b.typeId() == QMetaType::Double
        || b.typeId() == QMetaType::UInt || b.typeId() == QMetaType::ULongLong || b.typeId() == QMetaType::Bool;
    if (an && bn)
        return a.toDouble() == b.toDouble();
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    return a.toString() == b.toString();
}

} // namespace

Style Style::fromJson(const QJsonObject &json)
{
    using namespace detail;
    Style s;
    s.type = styleTypeFromName(jsonString(json, "type", QString()));
    s.symbol = Symbol::fromJson(objectOf(json.value(QLatin1String("symbol")), "symbol"));
    s.field = jsonString(json, "field", QString());
    for (const QJsonValue &v : arrayOf(json, "categories")) {
        const QJsonObject o = objectOf(v, "categories");
        StyleCategory c;
        c.value = o.value(QLatin1String("value")).toVariant();
        c.label = jsonString(o, "label", QString());
        c.symbol = Symbol::fromJson(objectOf(o.value(QLatin1String("symbol")), "symbol"));
        c.visible = o.value(QLatin1String("visible")).toBool(true);
        s.categories.push_back(std::move(c));
    }
    for (const QJsonValue &v : arrayOf(json, "ranges")) {
        const QJsonObject o = objectOf(v, "ranges");
        StyleRange r;
        r.lower = jsonNumber(o, "lower", 0);
        r.upper = jsonNumber(o, "upper", 0);
        r.label = jsonString(o, "label", QString());
        r.symbol = Symbol::fromJson(objectOf(o.value(QLatin1String("symbol")), "symbol"));
        s.ranges.push_back(std::move(r));
    }
    s.method = classificationMethodFromName(jsonString(json, "method", QStringLiteral("jenks")));
    s.classes = int(jsonNumber(json, "classes", s.classes));
    s.ramp = jsonString(json, "ramp", QString());
    const QJsonObject size = objectOf(json.value(QLatin1String("size")), "size");
    s.size.field = jsonString(size, "field", QString());
    s.size.minValue = jsonNumber(size, "min_value", s.size.minValue);
    s.size.maxValue = jsonNumber(size, "max_value", s.size.maxValue);
    s.size.minMm = jsonNumber(size, "min_mm", s.size.minMm);
    s.size.maxMm = jsonNumber(size, "max_mm", s.size.maxMm);
    s.labels = LabelSettings::fromJson(objectOf(json.value(QLatin1String("labels")), "labels"));
    const QJsonObject raster = objectOf(json.value(QLatin1String("raster")), "raster");
    const QString mode = jsonString(raster, "mode", QString()).toLower();
    s.raster.mode = mode.startsWith(QLatin1String("pseudo")) ? RasterStyle::Mode::Pseudocolor
        : (mode == QLatin1String("colour") || mode == QLatin1String("color") || mode == QLatin1String("rgb")) ? RasterStyle::Mode::Colour
                                                                                                             : RasterStyle::Mode::Greyscale;
    s.raster.band = int(jsonNumber(raster, "band", 1));
    if (raster.contains(QLatin1String("min")))
        s.raster.min = jsonNumber(raster, "min", 0);
    if (raster.contains(QLatin1String("max")))
        s.raster.max = jsonNumber(raster, "max", 0);
    s.raster.ramp = jsonString(raster, "ramp", s.raster.ramp);
    return s;
}

QJsonObject Style::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("type"), styleTypeName(type));
    o.insert(QLatin1String("symbol"), symbol.toJson());
    if (!field.isEmpty())
        o.insert(QLatin1String("field"), field);
    if (!categories.empty()) {
        QJsonArray a;
        for (const StyleCategory &c : categories) {
            QJsonObject co;
            co.insert(QLatin1String("value"), QJsonValue::fromVariant(c.value));
            co.insert(QLatin1String("label"), c.label);
            co.insert(QLatin1String("symbol"), c.symbol.toJson());
            co.insert(QLatin1String("visible"), c.visible);
            a.append(co);
        }
        o.insert(QLatin1String("categories"), a);
    }
    if (!ranges.empty()) {
        QJsonArray a;
        for (const StyleRange &r : ranges) {
            QJsonObject ro;
            ro.insert(QLatin1String("lower"), r.lower);
            ro.insert(QLatin1String("upper"), r.upper);
            ro.insert(QLatin1String("label"), r.label);
            ro.insert(QLatin1String("symbol"), r.symbol.toJson());
            a.append(ro);
        }
        o.insert(QLatin1String("ranges"), a);
    }
    o.insert(QLatin1String("method"), classificationMethodName(method));
    o.insert(QLatin1String("classes"), classes);
    if (!ramp.isEmpty())
        o.insert(QLatin1String("ramp"), ramp);
    if (!size.field.isEmpty()) {
        QJsonObject so;
        so.insert(QLatin1String("field"), size.field);
        so.insert(QLatin1String("min_value"), size.minValue);
        so.insert(QLatin1String("max_value"), size.maxValue);
        so.insert(QLatin1String("min_mm"), size.minMm);
        so.insert(QLatin1String("max_mm"), size.maxMm);
        o.insert(QLatin1String("size"), so);
    }
    o.insert(QLatin1String("labels"), labels.toJson());
    if (type == Type::Raster) {
        QJsonObject ro;
        ro.insert(QLatin1String("mode"), raster.mode == RasterStyle::Mode::Pseudocolor ? QStringLiteral("pseudocolor")
                                         : raster.mode == RasterStyle::Mode::Colour    ? QStringLiteral("colour")
                                                                                       : QStringLiteral("greyscale"));
        ro.insert(QLatin1String("band"), raster.band);
        if (raster.min)
            ro.insert(QLatin1String("min"), *raster.min);
        if (raster.max)
            ro.insert(QLatin1String("max"), *raster.max);
        ro.insert(QLatin1String("ramp"), raster.ramp);
        o.insert(QLatin1String("raster"), ro);
    }
    return o;
}

Style Style::single(const Symbol &symbol)
{
    Style s;
    s.symbol = symbol;
    return s;
}

Style Style::categorized(const VectorLayer &layer, const QString &field, const ColorRamp &ramp, const Symbol &base, int maxCategories)
{
    const int fi = layer.requireField(field);
    Style s;
    s.type = Type::Categorized;
    s.symbol = base;
    s.field = layer.fields()[std::size_t(fi)].name;
    s.ramp = ramp.name();
    std::map<QString, QVariant> distinct; // sorted by text; numbers sorted numerically below
    bool numeric = true;
    for (int i = 0; i < layer.featureCount(); ++i) {
        const QVariant v = layer.attribute(i, fi);
        if (v.isNull())
            continue;
        bool ok = false;
        v.toDouble(&ok);
        numeric = numeric && ok;
        distinct.emplace(v.toString(), v);
    }
    std::vector<QVariant> values;
    for (const auto &[k, v] : distinct)
        values.push_back(v);
    if (numeric)
        std::sort(values.begin(), values.end(), [](const QVariant &a, const QVariant &b) { return a.toDouble() < b.toDouble(); });
    if (int(values.size()) > maxCategories)
        values.resize(std::size_t(maxCategories));
    const std::vector<QColor> colors = ramp.colors(int(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i) {
        StyleCategory c;
        c.value = values[i];
        c.label = values[i].toString();
        c.symbol = base;
        c.symbol.fillColor = colors[i];
        if (layer.geometryType() == GeometryType::LineString || layer.geometryType() == GeometryType::MultiLineString)
            c.symbol.strokeColor = colors[i];
        s.categories.push_back(std::move(c));
    }
    return s;
}

Style Style::graduated(const VectorLayer &layer, const QString &field, ClassificationMethod method, int classes,
                       const ColorRamp &ramp, const Symbol &base)
{
    const int fi = layer.requireField(field);
    Style s;
    s.type = Type::Graduated;
    s.symbol = base;
    s.field = layer.fields()[std::size_t(fi)].name;
    s.method = method;
    s.classes = classes;
    s.ramp = ramp.name();
    std::vector<double> values;
    values.reserve(std::size_t(layer.featureCount()));
    for (int i = 0; i < layer.featureCount(); ++i) {
        const QVariant v = layer.attribute(i, fi);
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!v.isNull() && ok)
            values.push_back(d);
    }
    const std::vector<double> b = Classification::breaks(method, std::move(values), classes);
    if (b.size() < 2)
        return s;
    const int n = int(b.size()) - 1;
    const std::vector<QColor> colors = ramp.colors(n);
    const bool isLine = layer.geometryType() == GeometryType::LineString || layer.geometryType() == GeometryType::MultiLineString;
    for (int i = 0; i < n; ++i) {
        StyleRange r;
        r.lower = b[std::size_t(i)];
        r.upper = b[std::size_t(i) + 1];
        r.label = formatNumber(r.lower) + QStringLiteral(" – ") + formatNumber(r.upper);
        r.symbol = base;
        r.symbol.fillColor = colors[std::size_t(i)];
        if (isLine)
            r.symbol.strokeColor = colors[std::size_t(i)];
        s.ranges.push_back(std::move(r));
    }
    return s;
}

const Symbol *Style::symbolFor(const QVariant &value) const
{
    switch (type) {
    case Type::Single:
    case Type::Raster:
        return &symbol;
    case Type::Categorized:
        for (const StyleCategory &c : categories)
            if (sameValue(c.value, value))
                return c.visible ? &c.symbol : nullptr;
        return &symbol;
    case Type::Graduated: {
        bool ok = false;
        const double d = value.toDouble(&ok);
        if (value.isNull() || !ok)
            return nullptr;
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            const StyleRange &r = ranges[i];
            if ((d > r.lower || (i == 0 && d == r.lower)) && d <= r.upper)
                return &r.symbol;
        }
        return nullptr;
    }
    }
    return &symbol;
}

} // namespace refuge
