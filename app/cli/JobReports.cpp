#include "JobReports.h"
#include "Cli.h"

namespace refuge::cli {

int printNotes(const QStringList &warnings, const QStringList &inputProblems, bool allOnStderr)
{
    for (const QString &w : warnings) {
        if (allOnStderr || inputProblems.contains(w))
            printError(w);
        else
            out() << "  note: " << w << "\n";
    }
    return inputProblems.isEmpty() ? Ok : ProblemsFound;
}

} // namespace refuge::cli
