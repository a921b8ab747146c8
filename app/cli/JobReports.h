#pragma once
// The lines refuge-cli prints after a coverage or fire-coverage job (shared by the
// single commands and `run`).
#include <QStringList>

namespace refuge {
class Analysis;
}

namespace refuge::cli {

// A project analysis (hazard, compare) as a command: PROJECT.refuge and the analysis's
// parameters as options, --out required; the first validation issue as one line (exit 2).
int runProjectAnalysis(const Analysis &analysis, const QStringList &args);

// A job's warnings: input data left out (dropped features, unusable values) on stderr
// as "refuge-cli: <file>: …", the others as "  note: …" on stdout (or all on stderr
// with allOnStderr). Returns ProblemsFound when there were input problems, else Ok.
int printNotes(const QStringList &warnings, const QStringList &inputProblems, bool allOnStderr = false);

} // namespace refuge::cli
