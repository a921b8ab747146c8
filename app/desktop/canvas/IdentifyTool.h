#pragma once
// IdentifyTool: click on the map → the features under the cursor in the visible
// vector layers (top layer first); the first hit is highlighted on the canvas.
#include "canvas/MapTool.h"

#include <QList>
#include <QString>

namespace refuge::desktop {

struct FeatureRef {
    QString layerId;
    int feature = -1;
    bool operator==(const FeatureRef &) const = default;
};

class IdentifyTool : public MapTool {
    Q_OBJECT
public:
    using MapTool::MapTool;
    void mouseRelease(QMouseEvent *e) override;
    QCursor cursor() const override { return Qt::WhatsThisCursor; }
    void deactivate() override;

    // Hits at a pixel of the canvas, top layer first (also used by tests).
    QList<FeatureRef> identifyAt(QPoint pixel) const;

Q_SIGNALS:
    void identified(const QList<refuge::desktop::FeatureRef> &features);
};

// SelectTool: drag a rectangle (or click) to select features of the current layer
// (all visible vector layers when none is current). Shift adds to the selection.
class SelectTool : public RectangleTool {
    Q_OBJECT
public:
    using RectangleTool::RectangleTool;
    void setCurrentLayer(const QString &layerId) { m_layerId = layerId; }

protected:
    void rectangleChosen(const QRect &pixels, Qt::KeyboardModifiers modifiers) override;
    void pointChosen(QPoint pixel, Qt::KeyboardModifiers modifiers) override;

private:
    void select(const QRectF &mapRect, bool point, bool add);
    QString m_layerId;
};

} // namespace refuge::desktop
