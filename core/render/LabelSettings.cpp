#include "render/LabelSettings.h"

#include <algorithm>

#include "render/JsonRead.h"

namespace refuge {

QString labelPlacementName(LabelPlacement placement)
{
    switch (placement) {
    case LabelPlacement::Around: return QStringLiteral("around");
    case LabelPlacement::Along: return QStringLiteral("along");
    case LabelPlacement::Inside: return QStringLiteral("inside");
    case LabelPlacement::Auto: break;
    }
    return QStringLiteral("auto");
}

LabelPlacement labelPlacementFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("around"))
        return LabelPlacement::Around;
    if (n == QLatin1String("along"))
        return LabelPlacement::Along;
    if (n == QLatin1String("inside"))
        return LabelPlacement::Inside;
    return LabelPlacement::Auto;
}

LabelSettings LabelSettings::fromJson(const QJsonObject &json)
{
    using namespace detail;
    LabelSettings l;
    const QJsonValue enabled = json.value(QLatin1String("enabled"));
    l.enabled = enabled.isUndefined() ? !json.isEmpty() : enabled.toBool();
    l.text = jsonString(json, "text", l.text);
    l.fontFamily = jsonString(json, "font", l.fontFamily);
    l.sizePt = jsonNumber(json, "size_pt", l.sizePt);
    l.bold = json.value(QLatin1String("bold")).toBool(l.bold);
    l.color = jsonColor(json, "color", l.color);
    l.haloColor = jsonColor(json, "halo_color", l.haloColor);
    l.haloMm = jsonNumber(json, "halo_mm", l.haloMm);
    l.placement = labelPlacementFromName(jsonString(json, "placement", QString()));
    l.avoidCollisions = json.value(QLatin1String("avoid_collisions")).toBool(l.avoidCollisions);
    l.priority = std::clamp(json.value(QLatin1String("priority")).toInt(l.priority), 0, kMaxPriority);
    return l;
}

QJsonObject LabelSettings::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("enabled"), enabled);
    o.insert(QLatin1String("text"), text);
    o.insert(QLatin1String("font"), fontFamily);
    o.insert(QLatin1String("size_pt"), sizePt);
    o.insert(QLatin1String("bold"), bold);
    o.insert(QLatin1String("color"), color.name(QColor::HexArgb));
    o.insert(QLatin1String("halo_color"), haloColor.name(QColor::HexArgb));
    o.insert(QLatin1String("halo_mm"), haloMm);
    o.insert(QLatin1String("placement"), labelPlacementName(placement));
    o.insert(QLatin1String("avoid_collisions"), avoidCollisions);
    o.insert(QLatin1String("priority"), priority);
    return o;
}

} // namespace refuge
