#pragma once
// Undo commands of the layout designer: one item replaced (move, resize, text, font —
// the whole PrintItem before and after, so undo restores it exactly), and the
// project's saved layouts replaced (on the project's own undo stack). GUI thread only.
#include "print/PrintLayout.h"

#include <QUndoCommand>
#include <vector>

namespace refuge::desktop {

class LayoutDocument;
class ProjectDocument;

class SetItemCommand : public QUndoCommand {
public:
    SetItemCommand(LayoutDocument *doc, int index, PrintItem after, const QString &text);
    void redo() override;
    void undo() override;

private:
    LayoutDocument *m_doc;
    int m_index;
    PrintItem m_before;
    PrintItem m_after;
};

class StoreLayoutsCommand : public QUndoCommand {
public:
    StoreLayoutsCommand(ProjectDocument *doc, std::vector<PrintLayout> after, const QString &text);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_doc;
    std::vector<PrintLayout> m_before;
    std::vector<PrintLayout> m_after;
};

} // namespace refuge::desktop
