#include "analysis/ResultLayersCommand.h"
#include "commands/LayerCommands.h"
#include "document/ProjectDocument.h"

#include <algorithm>

namespace refuge::desktop {

const QString ResultLayersCommand::kAnalysisKey = QStringLiteral("analysis");

ResultLayersCommand::ResultLayersCommand(ProjectDocument *doc, const QString &analysis, const std::vector<ProjectLayer> &layers,
                                         const std::vector<int> &indices, const QString &text)
    : QUndoCommand(text)
{
    // Highest index first: each removal leaves the indices the others recorded valid,
    // and undo (children in reverse) re-inserts them at their places.
    QStringList old = resultLayerIds(doc->project(), analysis);
    std::sort(old.begin(), old.end(), [doc](const QString &a, const QString &b) { return doc->indexOf(a) > doc->indexOf(b); });
    for (const QString &id : old)
        new RemoveLayerCommand(doc, id, this);
    for (std::size_t i = 0; i < layers.size(); ++i)
        new AddLayerCommand(doc, layers[i], i < indices.size() ? indices[i] : -1, this);
}

QStringList ResultLayersCommand::resultLayerIds(const Project &project, const QString &analysis)
{
    QStringList ids;
    for (const ProjectLayer &l : project.layers)
        if (l.extra.value(kAnalysisKey).toString() == analysis)
            ids << l.id;
    return ids;
}

} // namespace refuge::desktop
