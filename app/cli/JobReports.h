#pragma once
// The lines refuge-cli prints after a coverage or fire-coverage job (shared by the
// single commands and `run`).
#include "analysis/jobs/CoverageJob.h"
#include "analysis/jobs/FireJob.h"

namespace refuge::cli {

void printCoverage(const CoverageJobResult &result);
void printFire(const FireJobResult &result);

} // namespace refuge::cli
