// AnalysisResult: look-ups and the checks of a summary.
#include "analysis/framework/AnalysisResult.h"

namespace refuge {

const OutputLayer *AnalysisResult::layer(QStringView id) const
{
    for (const OutputLayer &l : layers)
        if (l.id == id)
            return &l;
    return nullptr;
}

void addChecks(AnalysisResult &result, const QJsonObject &checks)
{
    for (auto it = checks.begin(); it != checks.end(); ++it) {
        const QJsonObject c = it.value().toObject();
        ResultCheck check;
        check.id = it.key();
        check.label = {it.key(), {}};
        const QJsonValue pass = c.value(QStringLiteral("pass"));
        if (pass.isBool())
            check.pass = pass.toBool();
        check.detail = QStringLiteral("%1 %2 %3 (%4)")
                           .arg(c.value(QStringLiteral("measured")).toDouble())
                           .arg(c.value(QStringLiteral("compare")).toString())
                           .arg(c.value(QStringLiteral("limit")).toDouble())
                           .arg(c.value(QStringLiteral("clause")).toString());
        result.checks.push_back(check);
    }
}

} // namespace refuge
