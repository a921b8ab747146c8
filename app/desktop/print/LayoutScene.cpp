// LayoutScene and ItemFrame: the designer's page in mm (see the header).
#include "print/LayoutScene.h"

#include "print/LayoutDocument.h"
#include "util/Error.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTimer>

namespace refuge::desktop {

namespace {
constexpr double PreviewDpi = 144; // the page picture's resolution
constexpr double HandlePixels = 8;
} // namespace

ItemFrame::ItemFrame(LayoutDocument *doc, int index) : m_doc(doc), m_index(index)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setAcceptHoverEvents(true);
    syncFromDocument();
}

void ItemFrame::syncFromDocument() { setSceneRectMm(m_doc->item(m_index).rectMm); }

void ItemFrame::setSceneRectMm(const QRectF &rect)
{
    prepareGeometryChange();
    setPos(rect.topLeft());
    setRect(QRectF(QPointF(0, 0), rect.size()));
}

double ItemFrame::handleMm() const
{
    const QList<QGraphicsView *> views = scene() ? scene()->views() : QList<QGraphicsView *>();
    const double scale = views.isEmpty() ? 1.0 : views.front()->transform().m11();
    return HandlePixels / (scale > 0 ? scale : 1.0);
}

QRectF ItemFrame::handleRect(Handle h) const
{
    const QRectF r = rect();
    const QPointF points[] = {r.topLeft(), {r.center().x(), r.top()}, r.topRight(), {r.right(), r.center().y()},
                              r.bottomRight(), {r.center().x(), r.bottom()}, r.bottomLeft(), {r.left(), r.center().y()}};
    const double s = handleMm();
    return QRectF(points[h] - QPointF(s / 2, s / 2), QSizeF(s, s));
}

ItemFrame::Handle ItemFrame::handleAt(const QPointF &scenePos) const
{
    const QPointF p = mapFromScene(scenePos);
    if (isSelected())
        for (int h = TopLeft; h <= Left; ++h)
            if (handleRect(Handle(h)).contains(p))
                return Handle(h);
    return rect().contains(p) ? Move : None;
}

QRectF ItemFrame::dragged(const QRectF &start, Handle handle, const QPointF &d)
{
    QRectF r = start;
    switch (handle) {
    case Move: return start.translated(d);
    case TopLeft: r.setTopLeft(r.topLeft() + d); break;
    case Top: r.setTop(r.top() + d.y()); break;
    case TopRight: r.setTopRight(r.topRight() + d); break;
    case Right: r.setRight(r.right() + d.x()); break;
    case BottomRight: r.setBottomRight(r.bottomRight() + d); break;
    case Bottom: r.setBottom(r.bottom() + d.y()); break;
    case BottomLeft: r.setBottomLeft(r.bottomLeft() + d); break;
    case Left: r.setLeft(r.left() + d.x()); break;
    case None: break;
    }
    return r.normalized();
}

QRectF ItemFrame::boundingRect() const
{
    const double s = handleMm();
    return rect().adjusted(-s, -s, s, s);
}

QPainterPath ItemFrame::shape() const
{
    QPainterPath path;
    const double s = isSelected() ? handleMm() / 2 : 0;
    path.addRect(rect().adjusted(-s, -s, s, s));
    return path;
}

void ItemFrame::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->save();
    QPen pen(isSelected() ? QColor(0, 120, 215) : QColor(150, 150, 150, 140));
    pen.setCosmetic(true);
    pen.setStyle(isSelected() ? Qt::SolidLine : Qt::DotLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(rect());
    if (isSelected()) {
        painter->setBrush(Qt::white);
        for (int h = TopLeft; h <= Left; ++h)
            painter->drawRect(handleRect(Handle(h)));
    }
    painter->restore();
}

void ItemFrame::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    m_drag = handleAt(event->scenePos());
    m_start = m_doc->item(m_index).rectMm;
    if (!isSelected()) {
        if (scene())
            scene()->clearSelection();
        setSelected(true);
    }
    event->accept();
}

void ItemFrame::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_drag == None)
        return;
    const QPointF delta = event->scenePos() - event->buttonDownScenePos(Qt::LeftButton);
    setSceneRectMm(m_doc->clampedToPage(dragged(m_start, m_drag, delta)));
}

void ItemFrame::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_drag == None)
        return;
    const QPointF delta = event->scenePos() - event->buttonDownScenePos(Qt::LeftButton);
    const Handle handle = m_drag;
    m_drag = None;
    if (delta.isNull())
        return;
    m_doc->moveItem(m_index, dragged(m_start, handle, delta)); // clamps; syncs this frame through itemChanged
}

void ItemFrame::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    static const Qt::CursorShape shapes[] = {Qt::SizeFDiagCursor, Qt::SizeVerCursor, Qt::SizeBDiagCursor, Qt::SizeHorCursor,
                                             Qt::SizeFDiagCursor, Qt::SizeVerCursor, Qt::SizeBDiagCursor, Qt::SizeHorCursor};
    const Handle h = handleAt(event->scenePos());
    setCursor(h >= TopLeft && h <= Left ? shapes[h] : Qt::SizeAllCursor);
}

LayoutScene::LayoutScene(LayoutDocument *doc, QObject *parent) : QGraphicsScene(parent), m_doc(doc)
{
    const QRectF page = doc->pageRectMm();
    setSceneRect(page.adjusted(-10, -10, 10, 10));
    for (int i = 0; i < doc->itemCount(); ++i) {
        auto *frame = new ItemFrame(doc, i);
        frame->setZValue(i);
        addItem(frame);
        m_frames.push_back(frame);
    }
    connect(doc, &LayoutDocument::itemChanged, this, [this](int i) { m_frames[std::size_t(i)]->syncFromDocument(); });
    connect(doc, &LayoutDocument::changed, this, &LayoutScene::scheduleRender);
}

void LayoutScene::setContext(const PrintContext &context)
{
    m_context = context;
    scheduleRender();
}

LayoutScene::~LayoutScene()
{
    blockSignals(true); // no selectionChanged() while QGraphicsScene deletes the frames
}

int LayoutScene::selectedIndex() const
{
    const QList<QGraphicsItem *> selected = selectedItems();
    return selected.isEmpty() ? -1 : static_cast<const ItemFrame *>(selected.front())->index();
}

void LayoutScene::selectItem(int index)
{
    clearSelection();
    if (index >= 0 && index < int(m_frames.size()))
        m_frames[std::size_t(index)]->setSelected(true);
}

void LayoutScene::scheduleRender()
{
    if (m_pending)
        return;
    m_pending = true;
    QTimer::singleShot(0, this, &LayoutScene::renderNow);
}

void LayoutScene::renderNow()
{
    m_pending = false;
    const QSizeF mm = m_doc->layout().pageSizeMm();
    QImage image(QSize(qRound(mm.width() / 25.4 * PreviewDpi), qRound(mm.height() / 25.4 * PreviewDpi)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    try {
        PrintRenderer::render(m_doc->layout(), m_context, painter, PreviewDpi);
    } catch (const Error &e) {
        painter.resetTransform();
        painter.setPen(Qt::red);
        painter.drawText(image.rect().adjusted(20, 20, -20, -20), Qt::TextWordWrap, e.message());
    }
    painter.end();
    m_page = std::move(image);
    update();
    Q_EMIT rendered();
}

void LayoutScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, QColor(160, 160, 160));
    const QRectF page = m_doc->pageRectMm();
    painter->fillRect(page.translated(1.2, 1.2), QColor(90, 90, 90)); // shadow
    painter->fillRect(page, Qt::white);
    if (!m_page.isNull()) {
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawImage(page, m_page);
    }
}

} // namespace refuge::desktop
