#include "canvas/MapCanvas.h"
#include "results/ResultFormat.h"

#include "canvas/MapTool.h"
#include "document/ProjectDocument.h"
#include "geom/Geometry.h"
#include "model/DataSource.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "print/PrintCredits.h"
#include "render/MapRenderer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QFutureWatcher>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace refuge::desktop {

namespace {
struct RenderResult {
    QImage image;
    QStringList warnings;
    QString error;
    bool canceled = false;
};

RenderResult renderSnapshot(const MapSettings &settings, const std::shared_ptr<Feedback> &feedback)
{
    RenderResult r;
    try {
        r.image = MapRenderer::renderImage(settings, feedback.get());
    } catch (const Canceled &) {
        r.canceled = true;
    } catch (const Error &e) {
        r.error = e.message();
    } catch (const std::exception &e) {
        r.error = QString::fromLocal8Bit(e.what());
    }
    r.warnings = feedback->warnings();
    return r;
}
} // namespace

struct MapCanvas::Job {
    Job() = default;
    Job(const Job &) = delete;
    Job &operator=(const Job &) = delete;
    ~Job() { watcher->deleteLater(); } // may die inside the watcher's own signal
    std::shared_ptr<Feedback> feedback = std::make_shared<Feedback>();
    QFutureWatcher<RenderResult> *watcher = new QFutureWatcher<RenderResult>;
    QRectF extent;
    double dpr = 1.0;
    QElapsedTimer timer;
};

MapCanvas::MapCanvas(ProjectDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(15);
    connect(&m_renderTimer, &QTimer::timeout, this, &MapCanvas::startRender);
    m_historyTimer.setSingleShot(true);
    m_historyTimer.setInterval(400);
    connect(&m_historyTimer, &QTimer::timeout, this, &MapCanvas::remember);

    connect(doc, &ProjectDocument::mapChanged, this, &MapCanvas::refresh);
    connect(doc, &ProjectDocument::projectReset, this, [this] {
        m_hasView = false;
        m_image = QImage();
        m_tileImage = QImage();
        m_history.clear();
        m_historyPos = -1;
        clearHighlight();
        Q_EMIT historyChanged();
    });
    // The first layers to arrive set the initial view.
    connect(doc, &ProjectDocument::layerDataChanged, this, [this] {
        if (!m_hasView && !m_doc->fullExtent().isNull()) {
            zoomFull();
            resetHistory();
        }
    });
    connect(doc, &ProjectDocument::loadingFinished, this, [this] {
        if (!m_hasView || m_history.size() <= 1) { // the user has not navigated yet
            zoomFull();
            resetHistory();
        }
    });
    connect(doc, &ProjectDocument::crsChanged, this, [this] { m_hasView = false; });
}

MapCanvas::~MapCanvas()
{
    for (const std::shared_ptr<Job> &job : {m_job, m_tileJob})
        if (job) {
            job->feedback->cancel();
            job->watcher->waitForFinished();
        }
}

QRectF MapCanvas::extent() const
{
    const double w = width() * m_mupp, h = height() * m_mupp;
    return {m_center.x() - w / 2, m_center.y() - h / 2, w, h};
}

double MapCanvas::scaleDenominator() const { return mapSettings(size()).scaleDenominator(); }

QPointF MapCanvas::toMap(QPointF p) const
{
    return {m_center.x() + (p.x() - width() / 2.0) * m_mupp, m_center.y() - (p.y() - height() / 2.0) * m_mupp};
}

QPointF MapCanvas::toPixel(QPointF m) const
{
    return {width() / 2.0 + (m.x() - m_center.x()) / m_mupp, height() / 2.0 - (m.y() - m_center.y()) / m_mupp};
}

MapSettings MapCanvas::mapSettings(QSize size, double dpi) const
{
    MapSettings s;
    s.crs = m_doc->project().crs;
    s.extent = extent(); // fitted into `size` keeping the aspect ratio
    s.outputSize = size;
    s.dpi = dpi;
    s.layers = m_doc->mapLayers();
    return s;
}

void MapCanvas::setExtent(const QRectF &extent, bool rememberIt)
{
    QRectF r = extent.normalized();
    if (!std::isfinite(r.left()) || !std::isfinite(r.top()) || !std::isfinite(r.width()) || !std::isfinite(r.height()))
        return;
    if (r.width() <= 0 && r.height() <= 0) // a point: keep the scale, centre on it
        r = QRectF(r.center() - QPointF(width(), height()) * m_mupp / 2, QSizeF(width(), height()) * m_mupp);
    m_center = r.center();
    const double w = std::max(1, width()), h = std::max(1, height());
    m_mupp = std::max(r.width() / w, r.height() / h);
    if (!(m_mupp > 0) || !std::isfinite(m_mupp))
        m_mupp = 1.0;
    m_hasView = true;
    viewChanged(rememberIt);
}

void MapCanvas::setCenter(QPointF center)
{
    m_center = center;
    viewChanged(true);
}

void MapCanvas::zoomByFactor(double factor, QPointF anchor)
{
    if (factor <= 0)
        return;
    const QPointF before = toMap(anchor);
    m_mupp /= factor;
    const QPointF after = toMap(anchor);
    m_center += before - after;
    viewChanged(true);
}

void MapCanvas::panByPixels(QPointF delta)
{
    m_center += QPointF(-delta.x() * m_mupp, delta.y() * m_mupp);
    viewChanged(true);
}

void MapCanvas::zoomFull()
{
    const QRectF full = m_doc->fullExtent();
    if (full.isNull())
        return;
    // A margin so markers and labels at the edges stay inside.
    const double pad = std::max(full.width(), full.height()) * 0.06;
    setExtent(full.adjusted(-pad, -pad, pad, pad));
}

void MapCanvas::zoomToLayer(const QString &layerId)
{
    const QRectF r = m_doc->layerExtent(layerId);
    if (r.isNull())
        return;
    setExtent(r.adjusted(-r.width() * 0.05, -r.height() * 0.05, r.width() * 0.05, r.height() * 0.05));
}

void MapCanvas::zoomToSelection()
{
    QRectF all;
    for (const QString &id : m_doc->layersWithSelection()) {
        const LayerData d = m_doc->layerData(id);
        if (!d.vector)
            continue;
        for (int f : m_doc->selection(id)) {
            if (f < 0 || f >= d.vector->featureCount())
                continue;
            const QRectF b = d.vector->geometry(f).bounds();
            all = all.isNull() ? b : all.united(b);
        }
    }
    if (all.isNull() && all.topLeft().isNull())
        return;
    const double pad = std::max({all.width(), all.height(), 100 * m_mupp}) * 0.1;
    setExtent(all.adjusted(-pad, -pad, pad, pad));
}

void MapCanvas::zoomIn() { zoomByFactor(2.0, rect().center()); }

void MapCanvas::zoomOut() { zoomByFactor(0.5, rect().center()); }

void MapCanvas::remember()
{
    if (m_navigatingHistory) {
        m_navigatingHistory = false;
        return;
    }
    const QRectF e = extent();
    if (m_historyPos >= 0 && m_history[std::size_t(m_historyPos)] == e)
        return;
    m_history.resize(std::size_t(m_historyPos + 1));
    m_history.push_back(e);
    m_historyPos = int(m_history.size()) - 1;
    Q_EMIT historyChanged();
}

void MapCanvas::resetHistory()
{
    m_historyTimer.stop();
    m_history = {extent()};
    m_historyPos = 0;
    Q_EMIT historyChanged();
}

void MapCanvas::goBack()
{
    if (!canGoBack())
        return;
    --m_historyPos;
    setExtent(m_history[std::size_t(m_historyPos)], false);
    Q_EMIT historyChanged();
}

void MapCanvas::goForward()
{
    if (!canGoForward())
        return;
    ++m_historyPos;
    setExtent(m_history[std::size_t(m_historyPos)], false);
    Q_EMIT historyChanged();
}

void MapCanvas::viewChanged(bool rememberIt)
{
    if (rememberIt)
        m_historyTimer.start();
    update();
    refresh();
    Q_EMIT extentChanged(extent());
    Q_EMIT scaleChanged(scaleDenominator());
}

void MapCanvas::setTool(MapTool *tool)
{
    if (m_tool)
        m_tool->deactivate();
    m_tool = tool;
    if (m_tool) {
        m_tool->activate();
        setCursor(m_tool->cursor());
    } else {
        unsetCursor();
    }
    update();
}

void MapCanvas::setHighlight(const QString &layerId, int feature)
{
    m_highlightLayer = layerId;
    m_highlightFeature = feature;
    update();
}

void MapCanvas::clearHighlight() { setHighlight({}, -1); }

void MapCanvas::refresh()
{
    if (m_hasView)
        m_renderTimer.start();
}

void MapCanvas::startRender()
{
    if (!m_hasView || width() <= 0 || height() <= 0)
        return;
    if (m_job) // the old job's result is ignored when it arrives
        m_job->feedback->cancel();
    auto job = std::make_shared<Job>();
    job->dpr = devicePixelRatioF();
    const QSize px(qRound(width() * job->dpr), qRound(height() * job->dpr));
    MapSettings settings = mapSettings(px, 96.0 * job->dpr);
    job->extent = extent();
    // Web tiles go to a job of their own, drawn under this one.
    MapSettings tiles = settings;
    tiles.layers.clear();
    tiles.drawLabels = false;
    tiles.background = Qt::transparent;
    QStringList credits;
    for (auto it = settings.layers.begin(); it != settings.layers.end();) {
        const bool web = it->raster && isTileUrl(it->raster->path()) && !it->raster->path().startsWith(QLatin1String("file:"));
        if (it->visible && it->raster)
            if (const ProjectLayer *pl = m_doc->project().layerById(it->id))
                credits << PrintCredits::forLayer(*pl, &*it);
        if (web) {
            tiles.layers.push_back(*it);
            it = settings.layers.erase(it);
        } else {
            ++it;
        }
    }
    credits.removeAll(QString());
    credits.removeDuplicates();
    m_attribution = credits.join(QStringLiteral(" · "));
    if (m_tileJob)
        m_tileJob->feedback->cancel();
    m_tileJob.reset();
    if (tiles.layers.empty()) {
        m_tileImage = QImage();
    } else {
        settings.background = Qt::transparent; // the tiles show through
        auto tileJob = std::make_shared<Job>();
        tileJob->dpr = job->dpr;
        tileJob->extent = job->extent;
        m_tileJob = tileJob;
        connect(tileJob->watcher, &QFutureWatcher<RenderResult>::finished, this, [this, weak = std::weak_ptr<Job>(tileJob)] {
            if (auto j = weak.lock())
                onTilesDone(j);
        });
        tileJob->watcher->setFuture(QtConcurrent::run(&m_pool, renderSnapshot, std::move(tiles), tileJob->feedback));
    }
    job->timer.start();
    m_job = job;
    m_rendering = true;
    Q_EMIT renderStarted();
    connect(job->watcher, &QFutureWatcher<RenderResult>::finished, this, [this, weak = std::weak_ptr<Job>(job)] {
        if (auto j = weak.lock())
            onRenderDone(j);
    });
    job->watcher->setFuture(QtConcurrent::run(&m_pool, renderSnapshot, std::move(settings), job->feedback));
}

void MapCanvas::onRenderDone(const std::shared_ptr<Job> &job)
{
    if (job != m_job)
        return; // superseded; its watcher dies with the last reference
    m_job.reset();
    m_rendering = false;
    if (job->watcher->result().canceled)
        return;
    if (finish(*job, m_image, m_imageExtent))
        ++m_renderCount;
    Q_EMIT renderFinished(job->timer.elapsed());
}

void MapCanvas::onTilesDone(const std::shared_ptr<Job> &job)
{
    if (job != m_tileJob)
        return;
    m_tileJob.reset();
    finish(*job, m_tileImage, m_tileExtent);
}

bool MapCanvas::finish(const Job &job, QImage &image, QRectF &extent)
{
    const RenderResult r = job.watcher->result();
    if (r.canceled)
        return false;
    const bool drawn = !r.image.isNull();
    if (drawn) {
        image = r.image;
        image.setDevicePixelRatio(job.dpr);
        extent = job.extent;
    }
    update();
    QStringList warnings = ResultFormat::messages(r.warnings);
    if (!r.error.isEmpty())
        warnings.prepend(r.error);
    if (!warnings.isEmpty())
        Q_EMIT renderWarnings(warnings); // a status-bar note, replaced by the next
    return drawn;
}

void MapCanvas::drawImage(QPainter &p, const QImage &image, const QRectF &extent) const
{
    if (image.isNull() || extent.isEmpty())
        return;
    const QPointF tl = toPixel(QPointF(extent.left(), extent.bottom()));
    const QPointF br = toPixel(QPointF(extent.right(), extent.top()));
    p.setRenderHint(QPainter::SmoothPixmapTransform, m_rendering || m_tileJob);
    p.drawImage(QRectF(tl, br), image);
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    if (!m_tileImage.isNull())
        drawImage(p, m_tileImage, m_tileExtent);
    drawImage(p, m_image, m_imageExtent);
    if (!m_attribution.isEmpty()) { // basemap credits, bottom right, as web maps show them
        p.save();
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        p.setFont(f);
        const QRect text = p.fontMetrics().boundingRect(m_attribution).adjusted(-4, -1, 4, 1);
        const QRect box(rect().bottomRight() - QPoint(text.width(), text.height()) + QPoint(1, 1), text.size());
        p.fillRect(box, QColor(255, 255, 255, 200));
        p.setPen(QColor(60, 60, 60));
        p.drawText(box, Qt::AlignCenter, m_attribution);
        p.restore();
    }
    if (!m_highlightLayer.isEmpty()) {
        const LayerData d = m_doc->layerData(m_highlightLayer);
        if (d.vector && m_highlightFeature >= 0 && m_highlightFeature < d.vector->featureCount()) {
            const Geometry &g = d.vector->geometry(m_highlightFeature);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(QColor(255, 0, 0, 220), 3));
            p.setBrush(QColor(255, 0, 0, 50));
            const int dim = dimension(g.type());
            QPainterPath path;
            for (int ring = 0; ring < g.ringCount(); ++ring) {
                const QPointF *pts = g.ringPoints(ring);
                const int n = g.ringSize(ring);
                if (dim == 0) {
                    for (int i = 0; i < n; ++i)
                        path.addEllipse(toPixel(pts[i]), 9, 9);
                    continue;
                }
                for (int i = 0; i < n; ++i)
                    i == 0 ? path.moveTo(toPixel(pts[i])) : path.lineTo(toPixel(pts[i]));
                if (dim == 2)
                    path.closeSubpath();
            }
            if (dim == 1)
                p.setBrush(Qt::NoBrush);
            path.setFillRule(Qt::OddEvenFill);
            p.drawPath(path);
        }
    }
    for (const QPointer<MapOverlay> &overlay : m_overlays)
        if (overlay) {
            p.save();
            overlay->paint(p, *this);
            p.restore();
        }
    if (m_tool)
        m_tool->paint(p);
}

void MapCanvas::addOverlay(MapOverlay *overlay)
{
    m_overlays.emplace_back(overlay);
    update();
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
    if (!m_hasView)
        zoomFull();
    else
        viewChanged(false);
}

void MapCanvas::mousePressEvent(QMouseEvent *e)
{
    m_lastMousePos = e->position().toPoint();
    if (e->button() == Qt::MiddleButton) {
        m_middlePanning = true;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (m_tool)
        m_tool->mousePress(e);
}

void MapCanvas::mouseMoveEvent(QMouseEvent *e)
{
    Q_EMIT cursorMoved(toMap(e->position()));
    if (m_middlePanning) {
        panByPixels(e->position() - QPointF(m_lastMousePos));
        m_lastMousePos = e->position().toPoint();
        return;
    }
    if (m_tool)
        m_tool->mouseMove(e);
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *e)
{
    if (m_middlePanning && e->button() == Qt::MiddleButton) {
        m_middlePanning = false;
        if (m_tool)
            setCursor(m_tool->cursor());
        else
            unsetCursor();
        return;
    }
    if (m_tool)
        m_tool->mouseRelease(e);
}

void MapCanvas::wheelEvent(QWheelEvent *e)
{
    const double steps = e->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomByFactor(std::pow(1.25, steps), e->position());
    e->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *e)
{
    const double step = 0.25;
    switch (e->key()) {
    case Qt::Key_Left: panByPixels(QPointF(width() * step, 0)); break;
    case Qt::Key_Right: panByPixels(QPointF(-width() * step, 0)); break;
    case Qt::Key_Up: panByPixels(QPointF(0, height() * step)); break;
    case Qt::Key_Down: panByPixels(QPointF(0, -height() * step)); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_Escape:
        if (m_tool)
            m_tool->cancel();
        break;
    default: QWidget::keyPressEvent(e); return;
    }
    e->accept();
}

} // namespace refuge::desktop
