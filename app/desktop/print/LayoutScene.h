#pragma once
// LayoutScene: the page of a LayoutDocument in a QGraphicsScene whose units are mm
// (page top left at 0,0). The page itself is one picture drawn by PrintRenderer — the
// renderer `refuge-cli print` and the PDF export use, so screen and paper agree —
// cached as an image and redrawn (coalesced) after each change. Above it, one
// ItemFrame per layout item: selectable, moved and resized with the mouse; a finished
// drag becomes one undoable LayoutDocument::moveItem. GUI thread only.
#include "print/PrintRenderer.h"

#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QImage>
#include <functional>
#include <vector>

namespace refuge::desktop {

class LayoutDocument;

// One layout item's frame: drawn as an outline (handles when selected) over the page.
class ItemFrame : public QGraphicsRectItem {
public:
    enum Handle { None = -1, TopLeft, Top, TopRight, Right, BottomRight, Bottom, BottomLeft, Left, Move };
    ItemFrame(LayoutDocument *doc, int index);
    int index() const { return m_index; }
    // Follows the document's rect for the item.
    void syncFromDocument();
    // The handle at `scenePos` (Move inside the frame), None outside.
    Handle handleAt(const QPointF &scenePos) const;
    // `start` changed by dragging `handle` by `delta` (mm).
    static QRectF dragged(const QRectF &start, Handle handle, const QPointF &delta);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    double handleMm() const; // a handle's side: 8 screen pixels in mm
    QRectF handleRect(Handle h) const;
    void setSceneRectMm(const QRectF &rect);

    LayoutDocument *m_doc;
    int m_index;
    Handle m_drag = None;
    QRectF m_start; // the item's rect when the drag began
};

class LayoutScene : public QGraphicsScene {
    Q_OBJECT
public:
    LayoutScene(LayoutDocument *doc, QObject *parent = nullptr);
    ~LayoutScene() override;
    // What the page shows: the page's context (project map, title, atlas feature...).
    void setContext(const PrintContext &context);
    const PrintContext &context() const { return m_context; }
    ItemFrame *frame(int index) const { return m_frames[std::size_t(index)]; }
    // The index of the selected item, or -1.
    int selectedIndex() const;
    void selectItem(int index);
    // Redraws the page picture now (otherwise after the pending changes, once).
    void renderNow();
    const QImage &pageImage() const { return m_page; }

Q_SIGNALS:
    void rendered();

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void scheduleRender();

    LayoutDocument *m_doc;
    PrintContext m_context;
    std::vector<ItemFrame *> m_frames;
    QImage m_page;
    bool m_pending = false;
};

} // namespace refuge::desktop
