// ValidationIssue: the one-line form of an issue.
#include "analysis/framework/ValidationIssue.h"

#include <QRegularExpression>

namespace refuge {

QString ValidationIssue::text(const QString &prefix) const
{
    static const QRegularExpression name(QStringLiteral("\\{([a-z0-9][a-z0-9-]*)\\}"));
    QString out = message;
    out.replace(name, prefix + QStringLiteral("\\1"));
    return out;
}

QString ValidationIssue::line(const QString &prefix) const
{
    if (namesFile)
        return QStringLiteral("%1 (%2%3)").arg(text(prefix), prefix, parameter);
    return QStringLiteral("%1%2: %3").arg(prefix, parameter, text(prefix));
}

} // namespace refuge
