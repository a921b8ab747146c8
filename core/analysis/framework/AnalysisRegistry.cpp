// AnalysisRegistry: the list of analyses (one line per analysis).
#include "analysis/framework/AnalysisRegistry.h"
#include "analysis/algorithms/CoverageAlgorithm.h"
#include "analysis/algorithms/FireCoverageAlgorithm.h"
#include "analysis/algorithms/NetworkCheckAlgorithm.h"
#include "analysis/algorithms/ServiceAreaAlgorithm.h"
#include "analysis/algorithms/ZonesAlgorithm.h"
#include "analysis/hazard/HazardAnalyses.h"
#include "analysis/scenario/CompareAnalysis.h"
#include "analysis/siting/SiteAlgorithm.h"

namespace refuge {

const std::vector<const Analysis *> &AnalysisRegistry::all()
{
    static const std::vector<const Analysis *> list = [] {
        static const ServiceAreaAlgorithm serviceArea;
        static const ZonesAlgorithm zones;
        static const NetworkCheckAlgorithm networkCheck;
        static const CoverageAlgorithm coverage;
        static const FireCoverageAlgorithm fire;
        static const SiteAlgorithm site;
        static const CompareAnalysis compare;
        static const ExposureAnalysis exposure;
        static const HazardScenarioAnalysis hazardScenario;
        static const RiskAnalysis risk;
        // One line per analysis, in menu order.
        return std::vector<const Analysis *>{&serviceArea, &zones, &networkCheck, &coverage, &fire, &exposure, &hazardScenario, &risk, &site, &compare};
    }();
    return list;
}

const Analysis *AnalysisRegistry::find(QStringView id)
{
    for (const Analysis *a : all())
        if (a->id() == id)
            return a;
    return nullptr;
}

} // namespace refuge
