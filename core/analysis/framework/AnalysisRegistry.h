#pragma once
// AnalysisRegistry: every Analysis of Refuge, in menu order (service-area, zones,
// network-check, coverage, fire-coverage). refuge-cli makes one command of each, the
// desktop one dialog, `refuge-cli run` runs those a project configures. Adding an
// analysis: its class in core/analysis/, one line in AnalysisRegistry.cpp, its test.
// Built once, read-only: any thread.
#include "analysis/framework/Analysis.h"

#include <memory>
#include <vector>

namespace refuge {

class AnalysisRegistry {
public:
    static const std::vector<const Analysis *> &all();
    // nullptr when no analysis has this id.
    static const Analysis *find(QStringView id);
};

} // namespace refuge
