#include "network/Profile.h"
#include "util/ParameterRanges.h"
#include "util/Resources.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>

namespace refuge {

namespace {

QString norm(const QString &s) { return s.trimmed().toLower(); }

double kmh(double v) { return v / 3.6; }

} // namespace

QString Profile::profileDirectory()
{
    return resourcePath(QStringLiteral("profiles"));
}

QStringList Profile::available()
{
    QStringList names;
    for (const QFileInfo &fi : QDir(profileDirectory()).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names << fi.completeBaseName();
    return names;
}

Profile Profile::load(const QString &name)
{
    if (name.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) && QFileInfo::exists(name))
        return fromFile(name);
    const QString path = QDir(profileDirectory()).filePath(name + QStringLiteral(".json"));
    if (available().isEmpty()) // an executable moved away from its resources
        throw InvalidInput(QStringLiteral("no travel profiles in %1: the resources folder was not found next to the program "
                                          "(install it, or set REFUGE_RESOURCE_DIR)").arg(QDir::toNativeSeparators(profileDirectory())));
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || !QFileInfo::exists(path))
        throw InvalidInput(QStringLiteral("unknown profile '%1' (profiles: %2)").arg(name, available().join(QStringLiteral(", "))));
    return fromFile(path);
}

Profile Profile::fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw IoError(fileMessage(path, QStringLiteral("cannot open: %1").arg(f.errorString())));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject())
        throw InvalidInput(fileMessage(path, QStringLiteral("not a JSON object (%1)").arg(pe.errorString())));
    return fromJson(doc.object(), path);
}

Profile Profile::fromJson(const QJsonObject &o, const QString &origin)
{
    Profile p;
    p.m_name = o.value(QStringLiteral("name")).toString(QFileInfo(origin).completeBaseName());
    // Every number in range (ParameterRanges): "<file>: default_speed_kmh: must be ...".
    auto number = [&](const QJsonObject &in, const QString &key, QStringView spec, const QString &label) {
        return ParameterRanges::fromJson(spec, in.value(key), fileMessage(origin, label));
    };
    const double speed = number(o, QStringLiteral("default_speed_kmh"), u"profile-speed-kmh", QStringLiteral("default_speed_kmh"));
    p.m_defaultSpeed = kmh(speed);
    p.m_obeyOneWay = o.value(QStringLiteral("obey_oneway")).toBool(false);
    p.m_useMaxspeed = o.value(QStringLiteral("use_maxspeed")).toBool(false);
    p.m_accessMeters = o.contains(QStringLiteral("access_meters"))
        ? number(o, QStringLiteral("access_meters"), u"profile-access-meters", QStringLiteral("access_meters")) : 50.0;
    const double snap = o.contains(QStringLiteral("snap_speed_kmh"))
        ? number(o, QStringLiteral("snap_speed_kmh"), u"profile-speed-kmh", QStringLiteral("snap_speed_kmh")) : speed;
    p.m_snapSpeed = kmh(snap);
    for (const QJsonValue &v : o.value(QStringLiteral("excluded_classes")).toArray())
        p.m_excluded.insert(norm(v.toString()));
    const QJsonObject speeds = o.value(QStringLiteral("class_speeds_kmh")).toObject();
    for (auto it = speeds.begin(); it != speeds.end(); ++it) {
        const double v = number(speeds, it.key(), u"profile-speed-kmh", QStringLiteral("class_speeds_kmh.%1").arg(it.key()));
        p.m_classSpeeds.insert(norm(it.key()), kmh(v));
    }
    const QJsonValue osm = o.value(QStringLiteral("osm"));
    if (!osm.isUndefined() && !osm.isObject())
        throw InvalidInput(fileMessage(origin, QStringLiteral("osm must be an object")));
    p.m_osm = OsmRules::fromJson(osm.toObject(), origin);
    return p;
}

void Profile::setDefaultSpeed(double metresPerSecond)
{
    if (!(metresPerSecond > 0))
        throw InvalidInput(QStringLiteral("profile '%1': speed must be > 0").arg(m_name));
    m_defaultSpeed = metresPerSecond;
}

bool Profile::excludes(const QString &roadClass) const { return !m_excluded.isEmpty() && m_excluded.contains(norm(roadClass)); }

double Profile::classSpeed(const QString &roadClass) const
{
    if (m_classSpeeds.isEmpty() || roadClass.isEmpty())
        return m_defaultSpeed;
    return m_classSpeeds.value(norm(roadClass), m_defaultSpeed);
}

QJsonObject Profile::toJson() const
{
    QJsonObject speeds;
    QStringList keys = m_classSpeeds.keys();
    keys.sort();
    for (const QString &k : keys)
        speeds.insert(k, m_classSpeeds.value(k) * 3.6);
    QStringList excluded(m_excluded.begin(), m_excluded.end());
    excluded.sort();
    return QJsonObject{{QStringLiteral("name"), m_name},
                       {QStringLiteral("default_speed_kmh"), m_defaultSpeed * 3.6},
                       {QStringLiteral("obey_oneway"), m_obeyOneWay},
                       {QStringLiteral("use_maxspeed"), m_useMaxspeed},
                       {QStringLiteral("access_meters"), m_accessMeters},
                       {QStringLiteral("snap_speed_kmh"), m_snapSpeed * 3.6},
                       {QStringLiteral("excluded_classes"), QJsonArray::fromStringList(excluded)},
                       {QStringLiteral("class_speeds_kmh"), speeds}};
}

double parseMaxspeed(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(mph|km/h|kmh|kph)?"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QString first = text.section(QLatin1Char(';'), 0, 0);
    const QRegularExpressionMatch m = re.match(first);
    if (!m.hasMatch())
        return 0;
    double v = m.captured(1).toDouble();
    if (m.captured(2).compare(QLatin1String("mph"), Qt::CaseInsensitive) == 0)
        v *= 1.609344;
    return v > 0 ? v / 3.6 : 0;
}

} // namespace refuge
