#pragma once
// ResultLayersCommand: adds the layers of one analysis run and removes the layers of
// the previous run of the same analysis (ProjectLayer::extra "analysis" = key) as one
// undo step, so re-running replaces instead of piling up and undo restores the
// previous results. GUI thread only.
#include "model/Project.h"

#include <QUndoCommand>
#include <vector>

namespace refuge::desktop {

class ProjectDocument;

class ResultLayersCommand : public QUndoCommand {
public:
    static const QString kAnalysisKey; // "analysis"

    // `layers` are added in order at `indices` (positions in the project once the old
    // results are gone; -1 = on top).
    ResultLayersCommand(ProjectDocument *doc, const QString &analysis, const std::vector<ProjectLayer> &layers,
                        const std::vector<int> &indices, const QString &text);

    // Ids of the layers a run of `analysis` added.
    static QStringList resultLayerIds(const Project &project, const QString &analysis);
};

} // namespace refuge::desktop
