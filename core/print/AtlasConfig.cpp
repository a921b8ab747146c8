#include "print/AtlasConfig.h"

#include "util/Error.h"

#include <QJsonArray>

namespace refuge {
namespace {

QString text(const QJsonObject &o, const QString &key, const QString &fallback, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString())
        throw InvalidInput(QStringLiteral("%1: %2 must be text").arg(where, key));
    return v.toString();
}

double number(const QJsonObject &o, const QString &key, double fallback, double min, double max, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isDouble() || !(v.toDouble() >= min && v.toDouble() <= max))
        throw InvalidInput(QStringLiteral("%1: %2 must be a number from %3 to %4").arg(where, key).arg(min).arg(max));
    return v.toDouble();
}

AtlasLevel levelFrom(const QJsonObject &o, const QJsonObject &defaults, const QString &fallbackName, const QString &where)
{
    AtlasLevel l;
    l.level = text(o, QStringLiteral("level"), fallbackName, where);
    const QString at = QStringLiteral("%1.%2").arg(where, l.level);
    l.templateName = text(o, QStringLiteral("template"), text(defaults, QStringLiteral("template"), {}, where), at);
    l.coverage = text(o, QStringLiteral("coverage"), text(defaults, QStringLiteral("coverage"), {}, where), at);
    l.field = text(o, QStringLiteral("field"), text(defaults, QStringLiteral("field"), {}, where), at);
    l.levelField = text(o, QStringLiteral("level_field"), text(defaults, QStringLiteral("level_field"), {}, where), at);
    l.levelValue = text(o, QStringLiteral("value"), l.level, at);
    l.marginPercent = number(o, QStringLiteral("margin"), number(defaults, QStringLiteral("margin"), 10, 0, 500, where), 0, 500, at);
    l.fixedScale = number(o, QStringLiteral("scale"), number(defaults, QStringLiteral("scale"), 0, 0, 1e9, where), 0, 1e9, at);
    if (l.level.isEmpty() || l.level.contains(QLatin1Char('/')) || l.level.contains(QLatin1Char('\\')) || l.level.startsWith(QLatin1Char('.')))
        throw InvalidInput(QStringLiteral("%1: level must be a plain name (it names the output folder), not '%2'").arg(where, l.level));
    if (l.templateName.isEmpty() || l.coverage.isEmpty())
        throw InvalidInput(QStringLiteral("%1: needs a \"template\" and a \"coverage\" layer id").arg(at));
    return l;
}

} // namespace

AtlasConfig AtlasConfig::fromJson(const QJsonObject &section, const QString &project)
{
    const QString where = QStringLiteral("%1: atlas").arg(project);
    AtlasConfig c;
    c.lang = text(section, QStringLiteral("lang"), {}, where);
    const QJsonValue single = section.value(QStringLiteral("single_file"));
    if (!single.isUndefined() && !single.isBool())
        throw InvalidInput(QStringLiteral("%1: single_file must be true or false").arg(where));
    c.singleFile = single.toBool(true);
    c.format = text(section, QStringLiteral("format"), QStringLiteral("pdf"), where).toLower();
    c.dpi = int(number(section, QStringLiteral("dpi"), 150, 30, 1200, where));
    const QJsonValue levels = section.value(QStringLiteral("levels"));
    if (levels.isUndefined()) {
        c.levels.push_back(levelFrom(section, {}, QStringLiteral("atlas"), where));
        return c;
    }
    if (!levels.isArray() || levels.toArray().isEmpty())
        throw InvalidInput(QStringLiteral("%1: levels must be a list of levels").arg(where));
    QStringList seen;
    for (const QJsonValue &v : levels.toArray()) {
        if (!v.isObject())
            throw InvalidInput(QStringLiteral("%1: each level must be an object").arg(where));
        c.levels.push_back(levelFrom(v.toObject(), section, QString(), QStringLiteral("%1.levels").arg(where)));
        if (seen.contains(c.levels.back().level, Qt::CaseInsensitive))
            throw InvalidInput(QStringLiteral("%1: level '%2' is listed twice").arg(where, c.levels.back().level));
        seen << c.levels.back().level;
    }
    return c;
}

} // namespace refuge
