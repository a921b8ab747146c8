// ValidationIssue: the one-line form of an issue.
#include "analysis/framework/ValidationIssue.h"

namespace refuge {

QString ValidationIssue::line(const QString &prefix) const
{
    if (namesFile)
        return QStringLiteral("%1 (%2%3)").arg(message, prefix, parameter);
    return QStringLiteral("%1%2: %3").arg(prefix, parameter, message);
}

} // namespace refuge
