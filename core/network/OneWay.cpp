#include "network/OneWay.h"

namespace refuge {

OneWay parseOneWay(const QVariant &value, bool *recognised)
{
    if (recognised)
        *recognised = true;
    if (!value.isValid() || value.isNull())
        return OneWay::Both;
    const QString s = value.toString().trimmed().toLower();
    if (s.isEmpty() || s == QLatin1String("0") || s == QLatin1String("no") || s == QLatin1String("false")
        || s == QLatin1String("b") || s == QLatin1String("both"))
        return OneWay::Both;
    if (s == QLatin1String("1") || s == QLatin1String("yes") || s == QLatin1String("true") || s == QLatin1String("ft")
        || s == QLatin1String("t") || s == QLatin1String("forward") || s == QLatin1String("y"))
        return OneWay::Forward;
    if (s == QLatin1String("-1") || s == QLatin1String("tf") || s == QLatin1String("reverse") || s == QLatin1String("backward"))
        return OneWay::Backward;
    if (s == QLatin1String("reversible") || s == QLatin1String("alternating") || s == QLatin1String("n"))
        return OneWay::Closed;
    if (recognised)
        *recognised = false;
    return OneWay::Both;
}

QString oneWayName(OneWay w)
{
    switch (w) {
    case OneWay::Both: return QStringLiteral("both");
    case OneWay::Forward: return QStringLiteral("forward");
    case OneWay::Backward: return QStringLiteral("backward");
    case OneWay::Closed: return QStringLiteral("closed");
    }
    return {};
}

} // namespace refuge
