#include "network/OsmRules.h"
#include "util/Error.h"

#include <QJsonArray>

namespace refuge {

namespace {

QStringList stringList(const QJsonObject &o, const char *key, const QString &origin)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return {};
    if (!v.isArray())
        throw InvalidInput(fileMessage(origin, QStringLiteral("osm.%1 must be a list of strings").arg(QLatin1String(key))));
    QStringList out;
    for (const QJsonValue &x : v.toArray()) {
        if (!x.isString() || x.toString().trimmed().isEmpty())
            throw InvalidInput(fileMessage(origin, QStringLiteral("osm.%1 must be a list of strings").arg(QLatin1String(key))));
        out << x.toString().trimmed();
    }
    return out;
}

// The value of the first of `keys` present, and which key gave it.
QString firstValue(const OsmTags &tags, const QStringList &keys, QString *key = nullptr)
{
    for (const QString &k : keys) {
        const auto it = tags.constFind(k);
        if (it != tags.constEnd() && !it->isEmpty()) {
            if (key)
                *key = k;
            return *it;
        }
    }
    return {};
}

} // namespace

OsmRules OsmRules::fromJson(const QJsonObject &o, const QString &origin)
{
    OsmRules r;
    r.m_ways = stringList(o, "ways", origin);
    r.m_blocked = stringList(o, "blocked", origin);
    r.m_accessTags = stringList(o, "access_tags", origin);
    r.m_accessDenied = stringList(o, "access_denied", origin);
    r.m_accessAllowed = stringList(o, "access_allowed", origin);
    r.m_onewayTags = stringList(o, "oneway_tags", origin);
    r.m_impliedOneWay = stringList(o, "implied_oneway", origin);
    for (const QStringList *selectors : {&r.m_ways, &r.m_blocked, &r.m_impliedOneWay})
        for (const QString &s : *selectors)
            if (!s.contains(QLatin1Char('=')))
                throw InvalidInput(fileMessage(origin, QStringLiteral("osm selector '%1' must be key=value or key=*").arg(s)));
    if (!o.isEmpty() && r.m_ways.isEmpty())
        throw InvalidInput(fileMessage(origin, QStringLiteral("osm.ways must list the ways the profile routes on")));
    return r;
}

QJsonObject OsmRules::toJson() const
{
    return QJsonObject{{QStringLiteral("ways"), QJsonArray::fromStringList(m_ways)},
                       {QStringLiteral("blocked"), QJsonArray::fromStringList(m_blocked)},
                       {QStringLiteral("access_tags"), QJsonArray::fromStringList(m_accessTags)},
                       {QStringLiteral("access_denied"), QJsonArray::fromStringList(m_accessDenied)},
                       {QStringLiteral("access_allowed"), QJsonArray::fromStringList(m_accessAllowed)},
                       {QStringLiteral("oneway_tags"), QJsonArray::fromStringList(m_onewayTags)},
                       {QStringLiteral("implied_oneway"), QJsonArray::fromStringList(m_impliedOneWay)}};
}

bool OsmRules::matches(const OsmTags &tags, const QString &selector)
{
    const qsizetype eq = selector.indexOf(QLatin1Char('='));
    const auto it = tags.constFind(selector.left(eq));
    if (it == tags.constEnd() || it->isEmpty())
        return false;
    const QStringView value = QStringView(selector).mid(eq + 1);
    return value == QLatin1String("*") || value == *it;
}

QString OsmRules::kind(const OsmTags &tags)
{
    const QString highway = tags.value(QStringLiteral("highway"));
    if (!highway.isEmpty())
        return QStringLiteral("highway=") + highway;
    static const QStringList keys = {QStringLiteral("railway"),  QStringLiteral("waterway"), QStringLiteral("barrier"),
                                     QStringLiteral("natural"),  QStringLiteral("man_made"), QStringLiteral("aerialway"),
                                     QStringLiteral("power"),    QStringLiteral("route"),    QStringLiteral("building"),
                                     QStringLiteral("landuse"),  QStringLiteral("leisure"),  QStringLiteral("amenity"),
                                     QStringLiteral("boundary")};
    for (const QString &k : keys)
        if (!tags.value(k).isEmpty())
            return k;
    return QStringLiteral("no highway tag");
}

OsmWayUse OsmRules::use(const OsmTags &tags, bool obeyOneWay) const
{
    OsmWayUse u;
    for (const QString &s : m_blocked)
        if (matches(tags, s)) {
            u.reason = s.endsWith(QLatin1String("=*")) ? s.left(s.size() - 2) : s;
            return u;
        }
    const QString *listed = nullptr;
    for (const QString &s : m_ways)
        if (matches(tags, s)) {
            listed = &s;
            break;
        }
    QString accessKey;
    const QString access = firstValue(tags, m_accessTags, &accessKey);
    const bool denied = !access.isEmpty() && m_accessDenied.contains(access);
    // Like OSRM: a way not routed on by its kind is opened by an access tag that allows
    // (highway=motorway + foot=yes walking; a footway with motor_vehicle=yes driving).
    if (!listed && !m_accessAllowed.contains(access)) {
        u.reason = kind(tags);
        return u;
    }
    if (denied) {
        u.reason = accessKey + QLatin1Char('=') + access;
        return u;
    }
    u.usable = true;
    if (listed && listed->startsWith(QLatin1String("highway=")))
        u.speedClass = tags.value(QStringLiteral("highway"));
    if (!obeyOneWay)
        return u;
    const QString oneway = firstValue(tags, m_onewayTags);
    if (oneway == QLatin1String("-1"))
        u.oneWay = OneWay::Backward;
    else if (oneway == QLatin1String("yes") || oneway == QLatin1String("1") || oneway == QLatin1String("true"))
        u.oneWay = OneWay::Forward;
    else if (oneway != QLatin1String("no"))
        for (const QString &s : m_impliedOneWay)
            if (matches(tags, s)) {
                u.oneWay = OneWay::Forward;
                break;
            }
    return u;
}

void parseOsmHstore(const QString &text, OsmTags &tags)
{
    // "k"=>"v" pairs separated by commas; inside quotes \" and \\ are escapes.
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto quoted = [&](QString &out) {
        while (i < n && text[i] != QLatin1Char('"'))
            ++i;
        if (i >= n)
            return false;
        ++i;
        out.clear();
        while (i < n && text[i] != QLatin1Char('"')) {
            if (text[i] == QLatin1Char('\\') && i + 1 < n)
                ++i;
            out += text[i++];
        }
        if (i >= n)
            return false;
        ++i;
        return true;
    };
    QString key, value;
    while (i < n) {
        if (!quoted(key))
            return;
        const qsizetype arrow = text.indexOf(QLatin1String("=>"), i);
        if (arrow < 0)
            return;
        i = arrow + 2;
        if (!quoted(value))
            return;
        tags.insert(key, value);
    }
}

} // namespace refuge
