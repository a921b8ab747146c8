#include "canvas/MapTool.h"

#include "canvas/MapCanvas.h"

#include <QMouseEvent>
#include <QPainter>

namespace refuge::desktop {

MapTool::MapTool(MapCanvas *canvas) : QObject(canvas), m_canvas(canvas) {}

void PanTool::mousePress(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    m_dragging = true;
    m_last = e->position().toPoint();
    canvas()->setCursor(cursor());
}

void PanTool::mouseMove(QMouseEvent *e)
{
    if (!m_dragging)
        return;
    const QPoint p = e->position().toPoint();
    canvas()->panByPixels(p - m_last);
    m_last = p;
}

void PanTool::mouseRelease(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    canvas()->setCursor(cursor());
}

void RectangleTool::mousePress(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    m_dragging = true;
    m_start = m_end = e->position().toPoint();
}

void RectangleTool::mouseMove(QMouseEvent *e)
{
    if (!m_dragging)
        return;
    m_end = e->position().toPoint();
    canvas()->update();
}

void RectangleTool::mouseRelease(QMouseEvent *e)
{
    if (!m_dragging || e->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    m_end = e->position().toPoint();
    canvas()->update();
    const QRect r = QRect(m_start, m_end).normalized();
    if (r.width() < 4 && r.height() < 4)
        pointChosen(m_end, e->modifiers());
    else
        rectangleChosen(r, e->modifiers());
}

void RectangleTool::paint(QPainter &p)
{
    if (!m_dragging)
        return;
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(QColor(0, 90, 200), 1, Qt::DashLine));
    p.setBrush(QColor(0, 90, 200, 40));
    p.drawRect(QRect(m_start, m_end).normalized());
}

void RectangleTool::cancel()
{
    m_dragging = false;
    canvas()->update();
}

void ZoomBoxTool::rectangleChosen(const QRect &pixels, Qt::KeyboardModifiers)
{
    const QPointF a = canvas()->toMap(pixels.topLeft()), b = canvas()->toMap(pixels.bottomRight());
    canvas()->setExtent(QRectF(a, b).normalized());
}

void ZoomBoxTool::pointChosen(QPoint pixel, Qt::KeyboardModifiers modifiers)
{
    canvas()->zoomByFactor(modifiers & Qt::ShiftModifier ? 0.5 : 2.0, pixel);
}

} // namespace refuge::desktop
