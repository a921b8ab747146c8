#pragma once
// LayoutDocument: the print layout a LayoutDesigner edits — the PrintLayout (pure data,
// mm) and the designer's own QUndoStack. Every edit goes through a command
// (LayoutCommands.h) that calls setItem(); views follow itemChanged(). GUI thread only.
#include "print/PrintLayout.h"

#include <QObject>

class QUndoStack;

namespace refuge::desktop {

class LayoutDocument : public QObject {
    Q_OBJECT
public:
    explicit LayoutDocument(PrintLayout layout, QObject *parent = nullptr);

    const PrintLayout &layout() const { return m_layout; }
    QUndoStack *undoStack() const { return m_undo; }
    int itemCount() const { return int(m_layout.items.size()); }
    const PrintItem &item(int index) const { return m_layout.items[std::size_t(index)]; }
    // The page in mm (orientation applied).
    QRectF pageRectMm() const { return QRectF(QPointF(0, 0), m_layout.pageSizeMm()); }
    // `rect` moved and shrunk as little as possible to lie on the page, at least 1 mm wide and high.
    QRectF clampedToPage(const QRectF &rect) const;

    // Primitive mutators for the commands (emit signals; push nothing).
    void setItem(int index, const PrintItem &item);
    void setName(const QString &name);

    // Undoable edits: push a command when `item` differs from the current one.
    void editItem(int index, const PrintItem &item, const QString &commandText);
    void moveItem(int index, const QRectF &rectMm);

Q_SIGNALS:
    void itemChanged(int index);
    void changed(); // anything drawn on the page

private:
    PrintLayout m_layout;
    QUndoStack *m_undo;
};

} // namespace refuge::desktop
