#pragma once
// ScenarioParameters: what an applied scenario changes in an analysis's parameters —
// the streets its hazard closes become the barriers of the analysis's travel profile
// (with the rules' road factor when streets are slowed, not closed). The analyses
// themselves run on the scenario's derived project (AppliedScenario::project). Shared
// by `refuge-cli run --scenario` and the desktop's "Run coverage under this scenario".
// Pure function; any thread.
namespace refuge {

class Analysis;
class ParameterValues;
struct AppliedScenario;

namespace ScenarioParameters {

// Sets "barriers" (and "barrier-factor") in `values` when `analysis` takes barriers,
// `values` sets none and the scenario closes streets for its profile.
void apply(const Analysis &analysis, const AppliedScenario &scenario, ParameterValues &values);

} // namespace ScenarioParameters

} // namespace refuge
