#pragma once
// Undo commands for the project's layers. Each stores the complete before/after state
// it needs, so undo restores the project exactly (Project::toJson compares equal).
// They act through ProjectDocument's primitive mutators and refer to layers by id,
// never by pointer. GUI thread only.
#include "model/Project.h"

#include <QJsonObject>
#include <QUndoCommand>

namespace refuge::desktop {

class ProjectDocument;

class AddLayerCommand : public QUndoCommand {
public:
    // index < 0: on top of all layers.
    AddLayerCommand(ProjectDocument *doc, ProjectLayer layer, int index = -1, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_doc;
    ProjectLayer m_layer;
    int m_index;
};

class RemoveLayerCommand : public QUndoCommand {
public:
    RemoveLayerCommand(ProjectDocument *doc, const QString &layerId, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_doc;
    ProjectLayer m_layer;
    int m_index;
};

class MoveLayerCommand : public QUndoCommand {
public:
    // Moves the layer so that it ends at project index `to`.
    MoveLayerCommand(ProjectDocument *doc, const QString &layerId, int to, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_doc;
    QString m_id;
    int m_from;
    int m_to;
};

// Replaces one layer's properties (everything but its position) with `after`.
class ChangeLayerCommand : public QUndoCommand {
public:
    ChangeLayerCommand(ProjectDocument *doc, const ProjectLayer &after, const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

protected:
    ProjectDocument *m_doc;
    ProjectLayer m_before;
    ProjectLayer m_after;
};

class SetLayerStyleCommand : public ChangeLayerCommand {
public:
    SetLayerStyleCommand(ProjectDocument *doc, const QString &layerId, const QJsonObject &style, QUndoCommand *parent = nullptr);
};

class SetLayerRoleCommand : public ChangeLayerCommand {
public:
    SetLayerRoleCommand(ProjectDocument *doc, const QString &layerId, Role role, QUndoCommand *parent = nullptr);
};

class SetLayerVisibilityCommand : public ChangeLayerCommand {
public:
    SetLayerVisibilityCommand(ProjectDocument *doc, const QString &layerId, bool visible, QUndoCommand *parent = nullptr);
};

// Consecutive opacity changes of one layer (a slider drag) merge into one step.
class SetLayerOpacityCommand : public ChangeLayerCommand {
public:
    SetLayerOpacityCommand(ProjectDocument *doc, const QString &layerId, double opacity, QUndoCommand *parent = nullptr);
    int id() const override { return 1001; }
    bool mergeWith(const QUndoCommand *other) override;
};

class RenameLayerCommand : public ChangeLayerCommand {
public:
    RenameLayerCommand(ProjectDocument *doc, const QString &layerId, const QString &name, QUndoCommand *parent = nullptr);
};

// Puts a layer into a named group of the layer tree (empty: no group). Kept in the
// layer's "group" key, which older readers keep as an unknown key.
class SetLayerGroupCommand : public ChangeLayerCommand {
public:
    SetLayerGroupCommand(ProjectDocument *doc, const QString &layerId, const QString &group, QUndoCommand *parent = nullptr);
};

// Points a (broken) layer at another file.
class SetLayerSourceCommand : public ChangeLayerCommand {
public:
    SetLayerSourceCommand(ProjectDocument *doc, const QString &layerId, const QString &storedPath, QUndoCommand *parent = nullptr);
};

class SetProjectCrsCommand : public QUndoCommand {
public:
    SetProjectCrsCommand(ProjectDocument *doc, const Crs &crs, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_doc;
    Crs m_before;
    Crs m_after;
};

} // namespace refuge::desktop
