#pragma once
// Internal: draws one vector layer of a MapSettings snapshot. Built per frame and
// per layer on the worker thread that draws it; reads the layer and style only.
// Features are found with the layer's SpatialIndex (skipped when the whole layer is
// in view), transformed to device pixels once, thinned to one vertex per half pixel,
// drawn as a dot when smaller than a pixel, and drawn class by class so the pen and
// brush change once per class.
#include "render/MapSettings.h"

#include <QPoint>
#include <QRect>
#include <cstdint>
#include <vector>

class QPainter;

namespace refuge {

class Feedback;
struct LabelCandidate;

namespace detail {

class VectorLayerRenderer {
public:
    VectorLayerRenderer(const MapSettings &settings, const MapLayer &layer);

    // Draws the features that touch `region` (output pixels) with `painter`, whose
    // coordinate origin is the output's (0,0) (translate it for band images).
    void render(QPainter &painter, const QRect &region, Feedback *feedback) const;
    // The layer's label candidates (drawn features in view), in feature order.
    std::vector<LabelCandidate> labelCandidates(Feedback *feedback) const;
    // Boxes of the point symbols in view (device pixels), for labels to avoid; empty
    // for other geometry types or when more than maxCount points are in view.
    std::vector<QRectF> symbolBoxes(std::size_t maxCount) const;

private:
    struct Batch {
        const Symbol *symbol = nullptr;
        std::vector<std::uint32_t> features;
    };
    std::vector<std::uint32_t> visibleFeatures(const QRectF &pixelRegion) const;
    std::vector<Batch> classify(const std::vector<std::uint32_t> &features) const;
    double markerSizePx(std::uint32_t feature, const Symbol &symbol) const;
    double maxSymbolPx() const;
    void drawPolygons(QPainter &painter, const Batch &batch, const QRectF &clip, Feedback *feedback) const;
    void drawLines(QPainter &painter, const Batch &batch, Feedback *feedback) const;
    void drawPoints(QPainter &painter, const Batch &batch, Feedback *feedback) const;
    void drawSelection(QPainter &painter, const QRectF &clip) const;

    QPointF toPixel(QPointF p) const { return QPointF(p.x() * m_scale + m_tx, m_ty - p.y() * m_scale); }

    const MapSettings &m_settings;
    const MapLayer &m_layer;
    const VectorLayer &m_vector;
    double m_scale = 1, m_tx = 0, m_ty = 0; // px = x*scale + tx, py = ty - y*scale
    int m_dimension = -1;
    int m_classField = -1;
    int m_sizeField = -1;
};

} // namespace detail
} // namespace refuge
