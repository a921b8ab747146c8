// HazardSettings: hazard types, level labels and the layer's "hazard" JSON object.
#include "model/HazardSettings.h"
#include "model/Project.h"
#include "util/Error.h"

#include <QJsonArray>
#include <array>
#include <cmath>

namespace refuge {

namespace {

struct TypeInfo {
    HazardType type;
    const char *name, *en, *zh;
};

const std::array<TypeInfo, 8> kTypes = {{
    {HazardType::Flood, "flood", "Flood", "洪水"},
    {HazardType::Waterlogging, "waterlogging", "Waterlogging", "内涝"},
    {HazardType::Earthquake, "earthquake", "Earthquake", "地震"},
    {HazardType::Typhoon, "typhoon", "Typhoon", "台风"},
    {HazardType::Geological, "geological", "Geological hazard", "地质灾害"},
    {HazardType::Hazmat, "hazmat", "Hazardous chemicals", "危险化学品"},
    {HazardType::Fire, "fire", "Fire", "火灾"},
    {HazardType::Other, "other", "Other hazard", "其他灾害"},
}};

const QString kHazardKey = QStringLiteral("hazard");

[[noreturn]] void fail(const QString &where, const QString &what) { throw InvalidInput(QStringLiteral("%1: %2").arg(where, what)); }

double number(const QJsonObject &o, const QString &key, const QString &where, double def)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return def;
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        fail(where + QLatin1Char('.') + key, QStringLiteral("expected a number"));
    return v.toDouble();
}

QString string(const QJsonObject &o, const QString &key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString())
        fail(where + QLatin1Char('.') + key, QStringLiteral("expected a string"));
    return v.toString();
}

int levelValue(const QJsonValue &v, const QString &where)
{
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != std::floor(d) || d < 1 || d > kHazardLevels)
        fail(where, QStringLiteral("a level must be a whole number from 1 (low) to 5 (high)"));
    return int(d);
}

HazardLevelMapping levelFromJson(const QJsonObject &o, const QString &where)
{
    HazardLevelMapping m;
    m.field = string(o, QStringLiteral("field"), where);
    if (o.contains(QStringLiteral("constant"))) {
        m.kind = HazardLevelMapping::Kind::Constant;
        m.constant = levelValue(o.value(QStringLiteral("constant")), where + QStringLiteral(".constant"));
    } else if (o.contains(QStringLiteral("breaks"))) {
        m.kind = HazardLevelMapping::Kind::Breaks;
        const QJsonValue b = o.value(QStringLiteral("breaks"));
        const QJsonArray arr = b.toArray();
        if (!b.isArray() || arr.isEmpty() || arr.size() > kHazardLevels)
            fail(where + QStringLiteral(".breaks"), QStringLiteral("expected 1 to 5 ascending numbers (lower bounds of levels 1…5)"));
        for (const QJsonValue &v : arr) {
            if (!v.isDouble() || !std::isfinite(v.toDouble()) || (!m.breaks.empty() && v.toDouble() <= m.breaks.back()))
                fail(where + QStringLiteral(".breaks"), QStringLiteral("expected 1 to 5 ascending numbers (lower bounds of levels 1…5)"));
            m.breaks.push_back(v.toDouble());
        }
    } else {
        m.kind = HazardLevelMapping::Kind::Field;
        const QJsonValue vals = o.value(QStringLiteral("values"));
        if (!vals.isUndefined() && !vals.isObject())
            fail(where + QStringLiteral(".values"), QStringLiteral("expected an object (field value → level 1…5)"));
        const QJsonObject vo = vals.toObject();
        for (auto it = vo.begin(); it != vo.end(); ++it)
            m.values.insert(it.key(), levelValue(it.value(), where + QStringLiteral(".values.") + it.key()));
    }
    return m;
}

QJsonObject levelToJson(const HazardLevelMapping &m)
{
    QJsonObject o;
    if (!m.field.isEmpty())
        o.insert(QStringLiteral("field"), m.field);
    switch (m.kind) {
    case HazardLevelMapping::Kind::Constant: o.insert(QStringLiteral("constant"), m.constant); break;
    case HazardLevelMapping::Kind::Breaks: {
        QJsonArray arr;
        for (double b : m.breaks)
            arr.append(b);
        o.insert(QStringLiteral("breaks"), arr);
        break;
    }
    case HazardLevelMapping::Kind::Field: {
        QJsonObject vals;
        for (auto it = m.values.begin(); it != m.values.end(); ++it)
            vals.insert(it.key(), it.value());
        if (!vals.isEmpty())
            o.insert(QStringLiteral("values"), vals);
        break;
    }
    }
    return o;
}

HazardType guessType(const QString &name)
{
    const QString n = name.toLower();
    if (n.contains(QLatin1String("waterlog")) || n.contains(QStringLiteral("内涝")) || n.contains(QStringLiteral("积水")))
        return HazardType::Waterlogging;
    if (n.contains(QLatin1String("flood")) || n.contains(QStringLiteral("洪")))
        return HazardType::Flood;
    if (n.contains(QLatin1String("chemical")) || n.contains(QLatin1String("hazmat")) || n.contains(QStringLiteral("危化"))
        || n.contains(QStringLiteral("化学")))
        return HazardType::Hazmat;
    if (n.contains(QLatin1String("quake")) || n.contains(QLatin1String("fault")) || n.contains(QStringLiteral("地震")))
        return HazardType::Earthquake;
    if (n.contains(QLatin1String("landslide")) || n.contains(QStringLiteral("地质")) || n.contains(QStringLiteral("滑坡")))
        return HazardType::Geological;
    return HazardType::Other;
}

} // namespace

QString hazardTypeName(HazardType type)
{
    for (const TypeInfo &t : kTypes)
        if (t.type == type)
            return QString::fromLatin1(t.name);
    return QStringLiteral("other");
}

QString hazardTypeLabel(HazardType type, bool chinese)
{
    for (const TypeInfo &t : kTypes)
        if (t.type == type)
            return chinese ? QString::fromUtf8(t.zh) : QString::fromLatin1(t.en);
    return {};
}

std::optional<HazardType> hazardTypeFromName(const QString &name)
{
    for (const TypeInfo &t : kTypes)
        if (name.compare(QLatin1String(t.name), Qt::CaseInsensitive) == 0)
            return t.type;
    return std::nullopt;
}

QStringList allHazardTypeNames()
{
    QStringList out;
    for (const TypeInfo &t : kTypes)
        out << QString::fromLatin1(t.name);
    return out;
}

QString hazardLevelLabel(int level, bool chinese)
{
    static const char *const zh[] = {"低", "较低", "中", "较高", "高"};
    static const char *const en[] = {"Low", "Lower", "Medium", "Higher", "High"};
    if (level < 1 || level > kHazardLevels)
        return {};
    return chinese ? QString::fromUtf8(zh[level - 1]) : QString::fromLatin1(en[level - 1]);
}

int HazardLevelMapping::levelOfNumber(double value) const
{
    if (!std::isfinite(value))
        return 0;
    int level = 0;
    for (std::size_t k = 0; k < breaks.size(); ++k)
        if (value >= breaks[k])
            level = int(k) + 1;
    return level;
}

int HazardLevelMapping::levelOf(const QVariant &value) const
{
    switch (kind) {
    case Kind::Constant: return constant;
    case Kind::Breaks: {
        bool ok = false;
        const double d = value.toDouble(&ok);
        return value.isNull() || !ok ? -1 : levelOfNumber(d);
    }
    case Kind::Field: {
        if (value.isNull())
            return -1;
        if (!values.isEmpty())
            return values.value(value.toString().trimmed(), -1);
        bool ok = false;
        const double d = value.toDouble(&ok);
        return ok && d == std::floor(d) && d >= 1 && d <= kHazardLevels ? int(d) : -1;
    }
    }
    return -1;
}

HazardSettings HazardSettings::fromJson(const QJsonObject &o, const QString &where)
{
    HazardSettings s;
    s.configured = true;
    const QString type = string(o, QStringLiteral("type"), where);
    if (!type.isEmpty()) {
        const auto t = hazardTypeFromName(type);
        if (!t)
            fail(where + QStringLiteral(".type"),
                 QStringLiteral("unknown hazard type '%1' (one of: %2)").arg(type, allHazardTypeNames().join(QStringLiteral(", "))));
        s.type = *t;
    }
    const QJsonValue level = o.value(QStringLiteral("level"));
    if (!level.isUndefined() && !level.isObject())
        fail(where + QStringLiteral(".level"), QStringLiteral("expected an object (field + values, breaks or constant)"));
    s.level = levelFromJson(level.toObject(), where + QStringLiteral(".level"));
    s.depthField = string(o, QStringLiteral("depth_field"), where);
    if (o.contains(QStringLiteral("depth_nodata")))
        s.depthNodata = number(o, QStringLiteral("depth_nodata"), where, 0);
    s.band = int(number(o, QStringLiteral("band"), where, 1));
    if (s.band < 1)
        fail(where + QStringLiteral(".band"), QStringLiteral("bands count from 1"));
    s.radiusField = string(o, QStringLiteral("radius_field"), where);
    s.defaultRadiusMeters = number(o, QStringLiteral("radius_m"), where, 0);
    s.isolationField = string(o, QStringLiteral("isolation_field"), where);
    s.protectionField = string(o, QStringLiteral("protection_field"), where);
    s.isolationMeters = number(o, QStringLiteral("isolation_m"), where, 0);
    s.protectionMeters = number(o, QStringLiteral("protection_m"), where, 0);
    for (const char *key : {"radius_m", "isolation_m", "protection_m"})
        if (number(o, QLatin1String(key), where, 0) < 0)
            fail(where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be 0 or more (metres)"));
    return s;
}

QJsonObject HazardSettings::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), hazardTypeName(type));
    o.insert(QStringLiteral("level"), levelToJson(level));
    if (!depthField.isEmpty())
        o.insert(QStringLiteral("depth_field"), depthField);
    if (depthNodata)
        o.insert(QStringLiteral("depth_nodata"), *depthNodata);
    if (band != 1)
        o.insert(QStringLiteral("band"), band);
    if (!radiusField.isEmpty())
        o.insert(QStringLiteral("radius_field"), radiusField);
    if (defaultRadiusMeters > 0)
        o.insert(QStringLiteral("radius_m"), defaultRadiusMeters);
    if (!isolationField.isEmpty())
        o.insert(QStringLiteral("isolation_field"), isolationField);
    if (!protectionField.isEmpty())
        o.insert(QStringLiteral("protection_field"), protectionField);
    if (isolationMeters > 0)
        o.insert(QStringLiteral("isolation_m"), isolationMeters);
    if (protectionMeters > 0)
        o.insert(QStringLiteral("protection_m"), protectionMeters);
    return o;
}

HazardSettings HazardSettings::of(const ProjectLayer &layer)
{
    const QJsonValue v = layer.extra.value(kHazardKey);
    if (v.isObject())
        return fromJson(v.toObject(), QStringLiteral("layer %1: hazard").arg(layer.id));
    if (!v.isUndefined() && !v.isNull())
        fail(QStringLiteral("layer %1: hazard").arg(layer.id), QStringLiteral("expected an object"));
    HazardSettings s;
    const auto type = hazardTypeFromName(layer.field(QStringLiteral("hazard_type")));
    s.type = type ? *type : guessType(layer.name + QLatin1Char(' ') + layer.id);
    s.level.field = layer.field(QStringLiteral("level"));
    s.depthField = layer.field(QStringLiteral("depth"));
    s.radiusField = layer.field(QStringLiteral("radius"));
    return s;
}

void HazardSettings::storeIn(ProjectLayer &layer) const { layer.extra.insert(kHazardKey, toJson()); }

} // namespace refuge
