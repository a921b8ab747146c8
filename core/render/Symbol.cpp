#include "render/Symbol.h"

#include "util/Error.h"

#include <QJsonValue>
#include <array>
#include <utility>

namespace refuge {

namespace {

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[e, n] : table)
        if (e == value)
            return QString::fromLatin1(n);
    return QString::fromLatin1(table[0].second);
}

template <typename E, std::size_t N>
E valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &name, E fallback)
{
    for (const auto &[e, n] : table)
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return e;
    return fallback;
}

constexpr std::array<std::pair<MarkerShape, const char *>, 7> kMarkers{{
    {MarkerShape::Circle, "circle"}, {MarkerShape::Square, "square"}, {MarkerShape::Triangle, "triangle"},
    {MarkerShape::Star, "star"}, {MarkerShape::Diamond, "diamond"}, {MarkerShape::Cross, "cross"},
    {MarkerShape::Svg, "svg"}}};
constexpr std::array<std::pair<HatchPattern, const char *>, 7> kHatches{{
    {HatchPattern::None, "none"}, {HatchPattern::Horizontal, "horizontal"}, {HatchPattern::Vertical, "vertical"},
    {HatchPattern::Cross, "cross"}, {HatchPattern::BDiagonal, "bdiagonal"}, {HatchPattern::FDiagonal, "fdiagonal"},
    {HatchPattern::DiagCross, "diagcross"}}};
constexpr std::array<std::pair<Qt::PenStyle, const char *>, 5> kPens{{
    {Qt::SolidLine, "solid"}, {Qt::DashLine, "dash"}, {Qt::DotLine, "dot"}, {Qt::DashDotLine, "dashdot"},
    {Qt::NoPen, "none"}}};

QColor readColor(const QJsonObject &json, const char *key, const QColor &fallback)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return fallback;
    const QColor c = QColor::fromString(v.toString());
    if (!v.isString() || !c.isValid())
        throw InvalidInput(QStringLiteral("style: '%1' is not a colour (use \"#aarrggbb\")").arg(QLatin1String(key)));
    return c;
}

double readNumber(const QJsonObject &json, const char *key, double fallback)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isDouble())
        throw InvalidInput(QStringLiteral("style: '%1' must be a number").arg(QLatin1String(key)));
    return v.toDouble();
}

QString readString(const QJsonObject &json, const char *key, const QString &fallback)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString())
        throw InvalidInput(QStringLiteral("style: '%1' must be a string").arg(QLatin1String(key)));
    return v.toString();
}

} // namespace

QString markerShapeName(MarkerShape shape) { return nameOf(kMarkers, shape); }
MarkerShape markerShapeFromName(const QString &name) { return valueOf(kMarkers, name, MarkerShape::Circle); }
QString hatchPatternName(HatchPattern hatch) { return nameOf(kHatches, hatch); }
HatchPattern hatchPatternFromName(const QString &name) { return valueOf(kHatches, name, HatchPattern::None); }
QString penStyleName(Qt::PenStyle style) { return nameOf(kPens, style); }
Qt::PenStyle penStyleFromName(const QString &name) { return valueOf(kPens, name, Qt::SolidLine); }

namespace detail {
QColor jsonColor(const QJsonObject &json, const char *key, const QColor &fallback) { return readColor(json, key, fallback); }
double jsonNumber(const QJsonObject &json, const char *key, double fallback) { return readNumber(json, key, fallback); }
QString jsonString(const QJsonObject &json, const char *key, const QString &fallback) { return readString(json, key, fallback); }
} // namespace detail

Symbol Symbol::fromJson(const QJsonObject &json)
{
    Symbol s;
    s.fillColor = readColor(json, "fill", s.fillColor);
    s.hatch = hatchPatternFromName(readString(json, "hatch", hatchPatternName(s.hatch)));
    s.hatchColor = readColor(json, "hatch_color", s.hatchColor);
    s.hatchWidthMm = readNumber(json, "hatch_width_mm", s.hatchWidthMm);
    s.hatchSpacingMm = readNumber(json, "hatch_spacing_mm", s.hatchSpacingMm);
    s.strokeColor = readColor(json, "stroke", s.strokeColor);
    s.strokeWidthMm = readNumber(json, "stroke_width_mm", s.strokeWidthMm);
    s.strokeStyle = penStyleFromName(readString(json, "dash", penStyleName(s.strokeStyle)));
    s.marker = markerShapeFromName(readString(json, "marker", markerShapeName(s.marker)));
    s.sizeMm = readNumber(json, "size_mm", s.sizeMm);
    s.icon = readString(json, "icon", s.icon);
    return s;
}

QJsonObject Symbol::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("fill"), fillColor.name(QColor::HexArgb));
    o.insert(QLatin1String("hatch"), hatchPatternName(hatch));
    o.insert(QLatin1String("hatch_color"), hatchColor.name(QColor::HexArgb));
    o.insert(QLatin1String("hatch_width_mm"), hatchWidthMm);
    o.insert(QLatin1String("hatch_spacing_mm"), hatchSpacingMm);
    o.insert(QLatin1String("stroke"), strokeColor.name(QColor::HexArgb));
    o.insert(QLatin1String("stroke_width_mm"), strokeWidthMm);
    o.insert(QLatin1String("dash"), penStyleName(strokeStyle));
    o.insert(QLatin1String("marker"), markerShapeName(marker));
    o.insert(QLatin1String("size_mm"), sizeMm);
    if (!icon.isEmpty())
        o.insert(QLatin1String("icon"), icon);
    return o;
}

} // namespace refuge
