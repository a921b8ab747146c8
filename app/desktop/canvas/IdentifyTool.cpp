#include "canvas/IdentifyTool.h"

#include "canvas/FeatureHitTest.h"
#include "canvas/MapCanvas.h"
#include "document/ProjectDocument.h"
#include "model/VectorLayer.h"

#include <QMouseEvent>

namespace refuge::desktop {

namespace {
constexpr double kTolerancePixels = 5.0;
}

QList<FeatureRef> IdentifyTool::identifyAt(QPoint pixel) const
{
    ProjectDocument *doc = canvas()->document();
    const QPointF p = canvas()->toMap(pixel);
    const double tol = kTolerancePixels * canvas()->mapUnitsPerPixel();
    QList<FeatureRef> out;
    for (int i = doc->layerCount() - 1; i >= 0; --i) {
        const ProjectLayer &l = doc->layerAt(i);
        if (!l.visible)
            continue;
        const LayerData d = doc->layerData(l.id);
        if (!d.vector)
            continue;
        for (int f : featuresAt(*d.vector, p, tol))
            out.append({l.id, f});
    }
    return out;
}

void IdentifyTool::mouseRelease(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    const QList<FeatureRef> hits = identifyAt(e->position().toPoint());
    if (hits.isEmpty())
        canvas()->clearHighlight();
    else
        canvas()->setHighlight(hits.front().layerId, hits.front().feature);
    Q_EMIT identified(hits);
}

void IdentifyTool::deactivate() { canvas()->clearHighlight(); }

void SelectTool::rectangleChosen(const QRect &pixels, Qt::KeyboardModifiers modifiers)
{
    const QPointF a = canvas()->toMap(pixels.topLeft()), b = canvas()->toMap(pixels.bottomRight());
    select(QRectF(a, b).normalized(), false, modifiers & Qt::ShiftModifier);
}

void SelectTool::pointChosen(QPoint pixel, Qt::KeyboardModifiers modifiers)
{
    const QPointF p = canvas()->toMap(pixel);
    const double tol = kTolerancePixels * canvas()->mapUnitsPerPixel();
    select(QRectF(p.x() - tol, p.y() - tol, 2 * tol, 2 * tol), true, modifiers & Qt::ShiftModifier);
}

void SelectTool::select(const QRectF &mapRect, bool point, bool add)
{
    ProjectDocument *doc = canvas()->document();
    bool pointTaken = false;
    for (int i = doc->layerCount() - 1; i >= 0; --i) {
        const ProjectLayer &l = doc->layerAt(i);
        const bool target = m_layerId.isEmpty() ? l.visible : l.id == m_layerId;
        if (!target)
            continue;
        const LayerData d = doc->layerData(l.id);
        if (!d.vector)
            continue;
        QSet<int> sel = add ? doc->selection(l.id) : QSet<int>();
        if (point) {
            const std::vector<int> hits = pointTaken ? std::vector<int>()
                                                     : featuresAt(*d.vector, mapRect.center(), mapRect.width() / 2);
            if (!hits.empty()) {
                pointTaken = true; // a click selects one feature, in the top layer hit
                if (add && sel.contains(hits.front()))
                    sel.remove(hits.front());
                else
                    sel.insert(hits.front());
            }
        } else {
            for (int f : featuresIn(*d.vector, mapRect))
                sel.insert(f);
        }
        doc->setSelection(l.id, sel);
    }
}

} // namespace refuge::desktop
