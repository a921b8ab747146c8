#pragma once
// MapCanvas: the map widget. Holds the view (centre + map units per pixel in the
// project CRS) and shows the last rendered image; every view or map change starts a
// background render of a MapSettings snapshot (MapRenderer in QtConcurrent), cancelling
// the one in flight. While a render runs, the previous image is drawn transformed to the
// new view, so panning and zooming respond at once. Web tile basemaps (http(s) URL
// templates) render in a job of their own and are drawn under the map when their tiles
// arrive: a slow or unreachable tile server never holds up the planning layers (its
// failure is a status-bar note). The credits of visible basemaps are drawn in the
// bottom-right corner. Mouse input goes to the active
// MapTool; the wheel, middle-button drag and arrow keys always navigate.
// GUI thread only; the worker only sees the snapshot.
#include "canvas/MapOverlay.h"
#include "canvas/MapTool.h"
#include "render/MapSettings.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <vector>

namespace refuge {
class Feedback;
}

namespace refuge::desktop {

class MapTool;
class ProjectDocument;

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(ProjectDocument *doc, QWidget *parent = nullptr);
    ~MapCanvas() override;

    ProjectDocument *document() const { return m_doc; }

    QRectF extent() const; // visible extent in map units
    double mapUnitsPerPixel() const { return m_mupp; }
    QPointF center() const { return m_center; }
    double scaleDenominator() const;
    QPointF toMap(QPointF pixel) const;
    QPointF toPixel(QPointF map) const;
    // The current view as a render snapshot of `size` pixels at `dpi` (export, print).
    MapSettings mapSettings(QSize size, double dpi = 96.0) const;

    void setExtent(const QRectF &extent, bool remember = true);
    void setCenter(QPointF center);
    void zoomByFactor(double factor, QPointF anchorPixel); // factor > 1 zooms in
    void panByPixels(QPointF delta);
    void zoomFull();
    void zoomToLayer(const QString &layerId);
    void zoomToSelection();
    void zoomIn();
    void zoomOut();

    bool canGoBack() const { return m_historyPos > 0; }
    bool canGoForward() const { return m_historyPos + 1 < int(m_history.size()); }
    void goBack();
    void goForward();

    void setTool(MapTool *tool); // not owned; nullptr: no tool
    MapTool *tool() const { return m_tool; }

    // Drawn over the map image on every paint (not owned; removed when destroyed).
    void addOverlay(MapOverlay *overlay);

    // Outline drawn over the map for the identify tool (no re-render needed).
    void setHighlight(const QString &layerId, int feature);
    void clearHighlight();

    bool isRendering() const { return m_rendering; }
    bool hasImage() const { return !m_image.isNull(); }
    // The image of the last finished render and the extent it shows.
    QImage renderedImage() const { return m_image; }
    // The web tiles under it (null when the map has no online basemap or they have not arrived).
    QImage tileImage() const { return m_tileImage; }
    bool isLoadingTiles() const { return bool(m_tileJob); }
    // The credits drawn in the corner ("" without a visible basemap).
    const QString &attribution() const { return m_attribution; }
    int renderCount() const { return m_renderCount; }

public Q_SLOTS:
    void refresh(); // re-render soon (coalesced)

Q_SIGNALS:
    void extentChanged(const QRectF &extent);
    void scaleChanged(double denominator);
    void cursorMoved(QPointF mapPoint);
    void renderStarted();
    void renderFinished(qint64 milliseconds);
    void renderWarnings(const QStringList &warnings);
    void historyChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Job;
    void viewChanged(bool remember);
    void startRender();
    void onRenderDone(const std::shared_ptr<Job> &job);
    void onTilesDone(const std::shared_ptr<Job> &job);
    // A finished job's image (unless canceled) into image/extent, its warnings emitted;
    // true when it drew an image.
    bool finish(const Job &job, QImage &image, QRectF &extent);
    void drawImage(QPainter &p, const QImage &image, const QRectF &extent) const;
    void remember();
    void resetHistory(); // the current view becomes the only history entry

    ProjectDocument *m_doc;
    QPointF m_center;
    double m_mupp = 1.0;
    bool m_hasView = false;
    QPointer<MapTool> m_tool;

    QImage m_image;
    QRectF m_imageExtent;
    std::shared_ptr<Job> m_job;
    QImage m_tileImage;          // web tiles, under m_image
    QRectF m_tileExtent;
    std::shared_ptr<Job> m_tileJob;
    QString m_attribution;       // credits of the visible basemaps
    QTimer m_renderTimer;
    QTimer m_historyTimer;
    bool m_rendering = false;
    int m_renderCount = 0;

    std::vector<QRectF> m_history;
    int m_historyPos = -1;
    bool m_navigatingHistory = false;

    std::vector<QPointer<MapOverlay>> m_overlays;
    QString m_highlightLayer;
    int m_highlightFeature = -1;

    bool m_middlePanning = false;
    QPoint m_lastMousePos;
    // Own pool, not Qt's global one: the renderer's workers hand raster fills to the
    // global pool and wait, so tasks blocked on them must not occupy it.
    QThreadPool m_pool; // last member: destroyed first, waits for its tasks
};

} // namespace refuge::desktop
