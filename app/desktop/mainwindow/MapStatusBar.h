#pragma once
// MapStatusBar: the permanent widgets of the status bar — cursor coordinates in the
// project CRS and in lon/lat, the map scale, the render state and the project CRS
// button (click: change the project CRS, undoable). GUI thread only.
#include <QObject>
#include <QStringList>
#include <memory>

class QLabel;
class QStatusBar;
class QToolButton;

namespace refuge {
class CoordinateTransform;
}

namespace refuge::desktop {

class MapCanvas;
class ProjectDocument;

class MapStatusBar : public QObject {
    Q_OBJECT
public:
    MapStatusBar(ProjectDocument *doc, MapCanvas *canvas, QStatusBar *bar);
    ~MapStatusBar() override;
    void chooseCrs();
    // What chooseCrs() offers by name before any code may be typed: "EPSG:4326 — WGS 84 …",
    // "EPSG:4490 — CGCS2000 …", then EPSG:4534–4554, CGCS2000's 3-degree Gauss-Kruger zones.
    static QStringList offeredCrs();
    QString coordinateText() const;
    QString scaleText() const;

private:
    void updateCrs();
    void showCursor(QPointF mapPoint);

    ProjectDocument *m_doc;
    MapCanvas *m_canvas;
    QLabel *m_coords;
    QLabel *m_lonLat;
    QLabel *m_scale;
    QLabel *m_render;
    QToolButton *m_crs;
    std::unique_ptr<CoordinateTransform> m_toLonLat;
};

} // namespace refuge::desktop
