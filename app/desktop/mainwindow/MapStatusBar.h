#pragma once
// MapStatusBar: the permanent widgets of the status bar — cursor coordinates in the
// project CRS and in lon/lat, the map scale, the render state and the project CRS
// button (click: change the project CRS, undoable). GUI thread only.
#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>

class QComboBox;
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
    // The scale box's text ("1:5000", "1:5,000", "5000", "1：5000") as a denominator; none
    // when it is not a scale from 1:1 to 1:100,000,000.
    static std::optional<double> parseScale(const QString &text);
    // Zooms the map about its centre to the scale typed or chosen in the box; false (the
    // box shows the map's scale again) when the text is no scale.
    bool applyScale(const QString &text);

private:
    void updateCrs();
    void showCursor(QPointF mapPoint);
    void showScale();

    ProjectDocument *m_doc;
    MapCanvas *m_canvas;
    QLabel *m_coords;
    QLabel *m_lonLat;
    QComboBox *m_scale;
    QLabel *m_render;
    QToolButton *m_crs;
    std::unique_ptr<CoordinateTransform> m_toLonLat;
};

} // namespace refuge::desktop
