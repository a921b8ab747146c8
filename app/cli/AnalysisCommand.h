#pragma once
// The refuge-cli front end of the analysis registry: one command per registered
// Analysis, its options and --help generated from the declarations (in the language of
// --lang en|zh), its values validated by Analysis::validate (each issue one line, exit
// 2), its result printed the same way for every analysis. `run` uses the same printing.
#include "analysis/framework/Analysis.h"

#include <QCommandLineOption>
#include <QStringList>

namespace refuge {
class Feedback;
}

namespace refuge::cli {

// --overwrite: replace an analysis's PostGIS tables left by an earlier run (ResultsStore).
QCommandLineOption overwriteOption(const QString &lang);
// "en" or "zh": the value of --lang (or --lang=X) among `args`, else "en".
QString languageOf(const QStringList &args);
// Prints a result (report lines, warnings — input problems on stderr —, the end lines)
// and returns the exit code: ProblemsFound for the analysis's own finding or, when it
// states none, for input data left out; else Ok.
int printResult(const AnalysisResult &result);
// Runs the analysis through ResultsStore (a folder or a database), then stores the
// result layers' styles in the GeoPackages written (ResultStyleFiles; legend texts in
// `lang`); a GeoPackage that cannot take its styles adds a warning.
AnalysisResult runAnalysisStyled(const Analysis &analysis, const ParameterValues &values, Feedback &feedback, bool overwrite,
                                 const QString &lang);
// Prints each issue as "refuge-cli: --name: message"; returns BadInput.
int printIssues(const ValidationIssues &issues);

} // namespace refuge::cli
