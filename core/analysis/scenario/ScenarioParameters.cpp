// ScenarioParameters: an applied scenario's street closures as an analysis's barriers.
#include "analysis/scenario/ScenarioParameters.h"
#include "analysis/framework/Analysis.h"
#include "analysis/scenario/ScenarioApply.h"

namespace refuge {

void ScenarioParameters::apply(const Analysis &analysis, const AppliedScenario &scenario, ParameterValues &values)
{
    if (!analysis.parameter(u"barriers") || values.has(QStringLiteral("barriers")))
        return;
    const QString barriers = scenario.barriersFor(values.text(QStringLiteral("profile"), QStringLiteral("walk")));
    if (barriers.isEmpty())
        return;
    LayerValue l;
    l.source = DataSource::parse(barriers);
    values.set(QStringLiteral("barriers"), QVariant::fromValue(l));
    if (scenario.roadFactor > 0)
        values.set(QStringLiteral("barrier-factor"), scenario.roadFactor);
}

} // namespace refuge
