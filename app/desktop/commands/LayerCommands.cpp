#include "commands/LayerCommands.h"

#include "document/ProjectDocument.h"

#include <QCoreApplication>

namespace refuge::desktop {

namespace {
class LayerCommands {
    Q_DECLARE_TR_FUNCTIONS(LayerCommands)
};
} // namespace

AddLayerCommand::AddLayerCommand(ProjectDocument *doc, ProjectLayer layer, int index, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_layer(std::move(layer)), m_index(index < 0 ? doc->layerCount() : index)
{
    setText(LayerCommands::tr("Add layer %1").arg(m_layer.name));
}

void AddLayerCommand::redo() { m_doc->insertLayer(m_index, m_layer); }

void AddLayerCommand::undo() { m_doc->takeLayer(m_doc->indexOf(m_layer.id)); }

RemoveLayerCommand::RemoveLayerCommand(ProjectDocument *doc, const QString &layerId, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_layer(*doc->layerById(layerId)), m_index(doc->indexOf(layerId))
{
    setText(LayerCommands::tr("Remove layer %1").arg(m_layer.name));
}

void RemoveLayerCommand::redo() { m_layer = m_doc->takeLayer(m_doc->indexOf(m_layer.id)); }

void RemoveLayerCommand::undo() { m_doc->insertLayer(m_index, m_layer); }

MoveLayerCommand::MoveLayerCommand(ProjectDocument *doc, const QString &layerId, int to, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_id(layerId), m_from(doc->indexOf(layerId)), m_to(to)
{
    setText(LayerCommands::tr("Move layer %1").arg(doc->layerById(layerId)->name));
}

void MoveLayerCommand::redo() { m_doc->moveLayer(m_doc->indexOf(m_id), m_to); }

void MoveLayerCommand::undo() { m_doc->moveLayer(m_doc->indexOf(m_id), m_from); }

ChangeLayerCommand::ChangeLayerCommand(ProjectDocument *doc, const ProjectLayer &after, const QString &text,
                                       QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_before(*doc->layerById(after.id)), m_after(after)
{
}

void ChangeLayerCommand::redo() { m_doc->replaceLayer(m_after); }

void ChangeLayerCommand::undo() { m_doc->replaceLayer(m_before); }

namespace {
ProjectLayer modified(ProjectDocument *doc, const QString &id, const std::function<void(ProjectLayer &)> &change)
{
    ProjectLayer l = *doc->layerById(id);
    change(l);
    return l;
}
} // namespace

SetLayerStyleCommand::SetLayerStyleCommand(ProjectDocument *doc, const QString &layerId, const QJsonObject &style,
                                           QUndoCommand *parent)
    : ChangeLayerCommand(doc, modified(doc, layerId, [&](ProjectLayer &l) { l.style = style; }),
                         LayerCommands::tr("Change style of %1").arg(doc->layerById(layerId)->name), parent)
{
}

SetLayerRoleCommand::SetLayerRoleCommand(ProjectDocument *doc, const QString &layerId, Role role, QUndoCommand *parent)
    : ChangeLayerCommand(doc, modified(doc, layerId, [&](ProjectLayer &l) { l.role = role; }),
                         LayerCommands::tr("Set role of %1").arg(doc->layerById(layerId)->name), parent)
{
}

SetLayerVisibilityCommand::SetLayerVisibilityCommand(ProjectDocument *doc, const QString &layerId, bool visible,
                                                     QUndoCommand *parent)
    : ChangeLayerCommand(doc, modified(doc, layerId, [&](ProjectLayer &l) { l.visible = visible; }),
                         visible ? LayerCommands::tr("Show %1").arg(doc->layerById(layerId)->name)
                                 : LayerCommands::tr("Hide %1").arg(doc->layerById(layerId)->name),
                         parent)
{
}

SetLayerOpacityCommand::SetLayerOpacityCommand(ProjectDocument *doc, const QString &layerId, double opacity,
                                               QUndoCommand *parent)
    : ChangeLayerCommand(doc, modified(doc, layerId, [&](ProjectLayer &l) { l.opacity = std::clamp(opacity, 0.0, 1.0); }),
                         LayerCommands::tr("Set opacity of %1").arg(doc->layerById(layerId)->name), parent)
{
}

bool SetLayerOpacityCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetLayerOpacityCommand *>(other);
    if (o->m_after.id != m_after.id)
        return false;
    m_after = o->m_after;
    return true;
}

RenameLayerCommand::RenameLayerCommand(ProjectDocument *doc, const QString &layerId, const QString &name,
                                       QUndoCommand *parent)
    : ChangeLayerCommand(doc, modified(doc, layerId, [&](ProjectLayer &l) { l.name = name; }),
                         LayerCommands::tr("Rename layer %1").arg(doc->layerById(layerId)->name), parent)
{
}

SetLayerGroupCommand::SetLayerGroupCommand(ProjectDocument *doc, const QString &layerId, const QString &group,
                                           QUndoCommand *parent)
    : ChangeLayerCommand(doc, modified(doc, layerId,
                                       [&](ProjectLayer &l) {
                                           if (group.isEmpty())
                                               l.extra.remove(QStringLiteral("group"));
                                           else
                                               l.extra.insert(QStringLiteral("group"), group);
                                       }),
                         LayerCommands::tr("Move %1 to group").arg(doc->layerById(layerId)->name), parent)
{
}

SetLayerSourceCommand::SetLayerSourceCommand(ProjectDocument *doc, const QString &layerId, const QString &storedPath,
                                             QUndoCommand *parent)
    : ChangeLayerCommand(doc, modified(doc, layerId, [&](ProjectLayer &l) { l.path = storedPath; }),
                         LayerCommands::tr("Relocate %1").arg(doc->layerById(layerId)->name), parent)
{
}

SetProjectCrsCommand::SetProjectCrsCommand(ProjectDocument *doc, const Crs &crs, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_before(doc->project().crs), m_after(crs)
{
    setText(LayerCommands::tr("Set project CRS to %1").arg(crs.label()));
}

void SetProjectCrsCommand::redo() { m_doc->setCrs(m_after); }

void SetProjectCrsCommand::undo() { m_doc->setCrs(m_before); }

} // namespace refuge::desktop
