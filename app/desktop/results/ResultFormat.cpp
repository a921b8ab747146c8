#include "results/ResultFormat.h"

#include "standards/StandardsProfile.h"
#include "util/MessageText.h"

#include <QCoreApplication>
#include <cmath>

namespace refuge::desktop::ResultFormat {

QLocale locale()
{
    const QLocale l;
    if (l.language() == QLocale::C)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return l;
}

QString number(double value, int decimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    return locale().toString(value, 'f', decimals);
}

QString percent(double share, int decimals)
{
    if (!std::isfinite(share))
        return QStringLiteral("—");
    return locale().toString(100.0 * share, 'f', decimals) + QStringLiteral(" %");
}

QString compareSign(const QString &compare)
{
    if (compare == QLatin1String(">="))
        return QStringLiteral("≥");
    if (compare == QLatin1String("<="))
        return QStringLiteral("≤");
    return compare;
}

namespace {
// A network profile's name in the UI language ("walk", "步行"); others as they are.
QString profileLabel(const QString &profile)
{
    static const char *const known[] = {QT_TRANSLATE_NOOP("ResultFormat", "walk"), QT_TRANSLATE_NOOP("ResultFormat", "drive"),
                                        QT_TRANSLATE_NOOP("ResultFormat", "walk-elderly")};
    for (const char *p : known)
        if (profile == QLatin1String(p))
            return QCoreApplication::translate("ResultFormat", p);
    return profile;
}
} // namespace

QString methodName(const QString &method)
{
    if (method == QLatin1String("straight line"))
        return QCoreApplication::translate("ResultFormat", "straight line");
    if (method == QLatin1String("nearest"))
        return QCoreApplication::translate("ResultFormat", "nearest");
    if (method == QLatin1String("optimal"))
        return QCoreApplication::translate("ResultFormat", "optimal");
    if (method.startsWith(QLatin1String("network (")) && method.endsWith(QLatin1Char(')')))
        return QCoreApplication::translate("ResultFormat", "network (%1)").arg(profileLabel(method.mid(9, method.size() - 10)));
    return method;
}

namespace {

QString uiLanguage() { return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en"); }

} // namespace

QStringList messages(const QStringList &english) { return MessageText::translate(english, uiLanguage()); }

QString message(const QString &english) { return MessageText::translate(english, uiLanguage()); }

QString citation(const QString &text) { return StandardsProfile::citationIn(text, uiLanguage()); }

QString checkNote(const CheckResult &check, int decimals, const QString &unit)
{
    if (check.key.isEmpty())
        return {};
    QString s = QStringLiteral("%1 %2").arg(compareSign(check.compare), number(check.limit, decimals));
    if (!unit.isEmpty())
        s += QLatin1Char(' ') + unit;
    if (!check.citation.isEmpty())
        s += QStringLiteral(" · ") + citation(check.citation);
    if (check.status == QLatin1String("U"))
        s += QStringLiteral(" (%1)").arg(QCoreApplication::translate("ResultFormat", "unverified"));
    else if (check.status == QLatin1String("user"))
        s += QStringLiteral(" (%1)").arg(QCoreApplication::translate("ResultFormat", "changed in this project"));
    return s;
}

} // namespace refuge::desktop::ResultFormat
