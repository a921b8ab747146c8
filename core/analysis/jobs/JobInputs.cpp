#include "analysis/jobs/JobInputs.h"
#include "analysis/jobs/CoverageJob.h"
#include "analysis/jobs/FireJob.h"

namespace refuge::JobInputs {

OutputGuard of(const NetworkSettings &s)
{
    OutputGuard guard;
    guard.addInput(s.network);
    guard.addInput(s.barriers);
    guard.addInput(s.facilities);
    return guard;
}

OutputGuard of(const CoverageSettings &s)
{
    OutputGuard guard = of(s.network);
    guard.addInput(s.demand);
    guard.addInput(s.areas);
    return guard;
}

OutputGuard of(const FireSettings &s)
{
    OutputGuard guard = of(s.network);
    guard.addInput(s.official);
    guard.addInput(s.demand);
    guard.addInput(s.studyArea);
    return guard;
}

} // namespace refuge::JobInputs
