// Undo commands of the layout designer (see the header).
#include "print/LayoutCommands.h"

#include "document/ProjectDocument.h"
#include "print/LayoutDocument.h"
#include "print/ProjectLayouts.h"

namespace refuge::desktop {

SetItemCommand::SetItemCommand(LayoutDocument *doc, int index, PrintItem after, const QString &text)
    : QUndoCommand(text), m_doc(doc), m_index(index), m_before(doc->item(index)), m_after(std::move(after))
{
}

void SetItemCommand::redo() { m_doc->setItem(m_index, m_after); }

void SetItemCommand::undo() { m_doc->setItem(m_index, m_before); }

StoreLayoutsCommand::StoreLayoutsCommand(ProjectDocument *doc, std::vector<PrintLayout> after, const QString &text)
    : QUndoCommand(text), m_doc(doc), m_before(ProjectLayouts::read(doc->project())), m_after(std::move(after))
{
}

void StoreLayoutsCommand::redo() { m_doc->setLayouts(m_after); }

void StoreLayoutsCommand::undo() { m_doc->setLayouts(m_before); }

} // namespace refuge::desktop
