// LayoutDocument: the edited PrintLayout and its undo stack (see the header).
#include "print/LayoutDocument.h"

#include "print/LayoutCommands.h"

#include <QUndoStack>
#include <algorithm>

namespace refuge::desktop {

LayoutDocument::LayoutDocument(PrintLayout layout, QObject *parent)
    : QObject(parent), m_layout(std::move(layout)), m_undo(new QUndoStack(this))
{
}

QRectF LayoutDocument::clampedToPage(const QRectF &rect) const
{
    const QSizeF page = m_layout.pageSizeMm();
    const double w = std::clamp(rect.width(), 1.0, page.width());
    const double h = std::clamp(rect.height(), 1.0, page.height());
    const double x = std::clamp(rect.x(), 0.0, page.width() - w);
    const double y = std::clamp(rect.y(), 0.0, page.height() - h);
    return QRectF(x, y, w, h);
}

void LayoutDocument::setItem(int index, const PrintItem &item)
{
    m_layout.items[std::size_t(index)] = item;
    Q_EMIT itemChanged(index);
    Q_EMIT changed();
}

void LayoutDocument::setName(const QString &name) { m_layout.name = name; }

void LayoutDocument::editItem(int index, const PrintItem &item, const QString &commandText)
{
    if (index < 0 || index >= itemCount() || this->item(index) == item)
        return;
    m_undo->push(new SetItemCommand(this, index, item, commandText));
}

void LayoutDocument::moveItem(int index, const QRectF &rectMm)
{
    if (index < 0 || index >= itemCount())
        return;
    PrintItem changed = item(index);
    const bool resized = changed.rectMm.size() != rectMm.size();
    changed.rectMm = clampedToPage(rectMm);
    editItem(index, changed, resized ? tr("Resize item") : tr("Move item"));
}

} // namespace refuge::desktop
