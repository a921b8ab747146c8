#pragma once
// MeasureTool: click points on the map to measure the path through them and, from three
// points on, the area they enclose — on the WGS 84 ellipsoid (core/crs/Geodesic), as a
// planner expects whatever the project CRS (a Gauss-Kruger plane or lon/lat alike).
// Left click adds a point, the mouse draws the next segment live, right click ends the
// measurement (the next click starts a new one), Esc clears it. Without a project CRS
// the figures are planar, in map units, and say so. GUI thread only.
#include "canvas/MapTool.h"

#include <QPointF>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace refuge {
class CoordinateTransform;
}

namespace refuge::desktop {

class MeasureTool : public MapTool {
    Q_OBJECT
public:
    explicit MeasureTool(MapCanvas *canvas);
    ~MeasureTool() override;

    void mousePress(QMouseEvent *e) override;
    void mouseMove(QMouseEvent *e) override;
    void paint(QPainter &p) override;
    void cancel() override;
    QCursor cursor() const override { return Qt::CrossCursor; }

    // The measured path's points (map units of the project CRS), the live one included.
    std::vector<QPointF> points() const;
    double length() const;   // metres (map units when planar)
    double area() const;     // m² (0 below three points)
    bool ellipsoidal() const { return m_ellipsoidal; }
    QString text() const;    // "Length 1,234.5 m · Area 2.35 ha (ellipsoidal, WGS 84)"

Q_SIGNALS:
    void measured(const QString &text);

private:
    void update();
    std::vector<QPointF> lonLat(const std::vector<QPointF> &map) const;

    std::vector<QPointF> m_points;     // clicked, in map units
    std::optional<QPointF> m_live;     // under the mouse while measuring
    bool m_finished = false;
    bool m_ellipsoidal = false;
    double m_length = 0, m_area = 0;
};

} // namespace refuge::desktop
