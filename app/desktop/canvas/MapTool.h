#pragma once
// MapTool: what the left mouse button does on the canvas (pan, zoom box, identify,
// select). Tools are owned by whoever creates them (the main window's tool bar) and
// set on one MapCanvas; they draw their rubber bands in paint(). GUI thread only.
#include <QCursor>
#include <QObject>
#include <QPoint>
#include <QRect>

class QMouseEvent;
class QPainter;

namespace refuge::desktop {

class MapCanvas;

class MapTool : public QObject {
    Q_OBJECT
public:
    explicit MapTool(MapCanvas *canvas);
    MapCanvas *canvas() const { return m_canvas; }

    virtual void mousePress(QMouseEvent *) {}
    virtual void mouseMove(QMouseEvent *) {}
    virtual void mouseRelease(QMouseEvent *) {}
    virtual void paint(QPainter &) {}
    virtual QCursor cursor() const { return Qt::ArrowCursor; }
    virtual void activate() {}
    virtual void deactivate() { cancel(); }
    virtual void cancel() {}

private:
    MapCanvas *m_canvas;
};

// Drag to pan; the last image follows the mouse until the new render arrives.
class PanTool : public MapTool {
    Q_OBJECT
public:
    using MapTool::MapTool;
    void mousePress(QMouseEvent *e) override;
    void mouseMove(QMouseEvent *e) override;
    void mouseRelease(QMouseEvent *e) override;
    QCursor cursor() const override { return m_dragging ? Qt::ClosedHandCursor : Qt::OpenHandCursor; }

private:
    bool m_dragging = false;
    QPoint m_last;
};

// A tool that drags a rectangle (rubber band) and reports it on release; a click
// without dragging reports a point.
class RectangleTool : public MapTool {
    Q_OBJECT
public:
    using MapTool::MapTool;
    void mousePress(QMouseEvent *e) override;
    void mouseMove(QMouseEvent *e) override;
    void mouseRelease(QMouseEvent *e) override;
    void paint(QPainter &p) override;
    void cancel() override;
    QCursor cursor() const override { return Qt::CrossCursor; }

protected:
    virtual void rectangleChosen(const QRect &pixels, Qt::KeyboardModifiers modifiers) = 0;
    virtual void pointChosen(QPoint pixel, Qt::KeyboardModifiers modifiers) = 0;

private:
    bool m_dragging = false;
    QPoint m_start, m_end;
};

// Box zoom: drag a rectangle to zoom into it; click zooms in 2× (Shift: out).
class ZoomBoxTool : public RectangleTool {
    Q_OBJECT
public:
    using RectangleTool::RectangleTool;

protected:
    void rectangleChosen(const QRect &pixels, Qt::KeyboardModifiers modifiers) override;
    void pointChosen(QPoint pixel, Qt::KeyboardModifiers modifiers) override;
};

} // namespace refuge::desktop
