#pragma once
// JobInputs: the input files of each job, as an OutputGuard — every job checks its
// outputs against them (AnalysisFiles::prepareOutputFolder) before it writes or
// removes anything. Plain functions; any thread.
#include "io/OutputGuard.h"

namespace refuge {

struct NetworkSettings;
struct CoverageSettings;
struct FireSettings;

namespace JobInputs {

// The network (or OSM file), barriers and facilities.
OutputGuard of(const NetworkSettings &settings);
// The network inputs plus demand and areas.
OutputGuard of(const CoverageSettings &settings);
// The network inputs plus official districts, demand and study area.
OutputGuard of(const FireSettings &settings);

} // namespace JobInputs

} // namespace refuge
