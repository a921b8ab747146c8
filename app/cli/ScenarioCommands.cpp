// refuge-cli compare: a thin shell over CompareAnalysis (core/analysis/scenario): the
// options are its parameters, every rule its validate() (the first issue, exit 2).
#include "Cli.h"
#include "JobReports.h"
#include "analysis/scenario/CompareAnalysis.h"

namespace refuge::cli {

namespace {

const CompareAnalysis kCompare;

const bool registered =
    registerCommand({kCompare.id(), kCompare.summary().en, [](const QStringList &a) { return runProjectAnalysis(kCompare, a); }});

} // namespace

} // namespace refuge::cli
