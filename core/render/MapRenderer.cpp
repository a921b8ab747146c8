#include "render/MapRenderer.h"

#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "render/LabelEngine.h"
#include "render/RasterLayerRenderer.h"
#include "render/VectorLayerRenderer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QFuture>
#include <QPainter>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>

namespace refuge {

namespace {

// Our own pool: the desktop runs render() itself in the global pool, and waiting for
// nested tasks in the same pool could starve it.
QThreadPool &renderPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        p->setExpiryTimeout(30000);
        return p;
    }();
    return *pool;
}

// A big vector layer is split into horizontal bands drawn in parallel.
constexpr std::size_t kFeaturesPerBand = 40000;

bool drawable(const MapLayer &layer, const MapSettings &, Feedback *)
{
    if (!layer.visible || layer.opacity <= 0)
        return false;
    if (layer.vector)
        return layer.vector->featureCount() > 0;
    if (layer.raster)
        return true; // any CRS: RasterLayerRenderer warps it onto the view
    return false;
}

struct Task {
    int layer = 0;
    QRect band;       // output pixels
    QImage image;     // band-sized
};

void prepareImage(QImage &img, const MapSettings &settings)
{
    const int dpm = int(std::lround(settings.dpi / 0.0254));
    img.setDotsPerMeterX(dpm);
    img.setDotsPerMeterY(dpm);
}

void drawLayer(QPainter &painter, const MapSettings &settings, const MapLayer &layer, const QRect &region, Feedback *feedback)
{
    painter.setRenderHint(QPainter::Antialiasing, settings.antialiasing);
    if (layer.vector)
        detail::VectorLayerRenderer(settings, layer).render(painter, region, feedback);
    else if (layer.raster)
        detail::RasterLayerRenderer(settings, layer).render(painter, feedback);
}

// Runs fn() catching everything: Canceled is remembered to rethrow, layer errors become warnings.
class Guard {
public:
    explicit Guard(Feedback *feedback) : m_feedback(feedback) {}
    template <typename Fn>
    void run(const QString &layerName, Fn &&fn)
    {
        try {
            fn();
        } catch (const Canceled &) {
            std::lock_guard lock(m_mutex);
            if (!m_canceled)
                m_canceled = std::current_exception();
        } catch (const Error &e) {
            if (m_feedback)
                m_feedback->warn(layerName + QStringLiteral(": not drawn: ") + e.message());
        } catch (const std::exception &e) {
            if (m_feedback)
                m_feedback->warn(layerName + QStringLiteral(": not drawn: ") + QString::fromUtf8(e.what()));
        }
    }
    void rethrow()
    {
        if (m_canceled)
            std::rethrow_exception(m_canceled);
    }

private:
    Feedback *m_feedback;
    std::mutex m_mutex;
    std::exception_ptr m_canceled;
};

std::vector<Task> makeTasks(const MapSettings &settings, const std::vector<int> &layers)
{
    std::vector<Task> tasks;
    const QRect full(QPoint(0, 0), settings.outputSize);
    const int threads = std::max(1, renderPool().maxThreadCount());
    for (int i : layers) {
        const MapLayer &layer = settings.layers[std::size_t(i)];
        int bands = 1;
        if (layer.vector && threads > 1) {
            const QRectF view = settings.visibleExtent().intersected(layer.vector->extent());
            const QRectF ext = layer.vector->extent();
            const double share = ext.width() * ext.height() > 0 ? view.width() * view.height() / (ext.width() * ext.height()) : 1.0;
            const double inView = layer.vector->featureCount() * std::clamp(share, 0.0, 1.0);
            bands = std::clamp(int(inView / double(kFeaturesPerBand)), 1, threads);
        }
        const int h = full.height();
        for (int b = 0; b < bands; ++b) {
            const int y0 = h * b / bands, y1 = h * (b + 1) / bands;
            tasks.push_back({i, QRect(0, y0, full.width(), y1 - y0), QImage()});
        }
    }
    return tasks;
}

// Draws the tasks' band images in parallel, and collects label candidates per layer.
void runTasks(const MapSettings &settings, std::vector<Task> &tasks, std::vector<std::vector<LabelCandidate>> *labels,
              Feedback *feedback)
{
    Guard guard(feedback);
    std::atomic<int> done{0};
    const int total = int(tasks.size()) + (labels ? int(settings.layers.size()) : 0);
    auto progress = [&] {
        const int d = ++done;
        if (feedback && total > 0)
            feedback->setProgress(100.0 * d / total);
    };
    std::vector<QFuture<void>> futures;
    for (Task &task : tasks) {
        futures.push_back(QtConcurrent::run(&renderPool(), [&settings, &task, &guard, &progress, feedback] {
            const MapLayer &layer = settings.layers[std::size_t(task.layer)];
            guard.run(layer.name, [&] {
                if (feedback)
                    feedback->throwIfCanceled();
                task.image = QImage(task.band.size(), QImage::Format_ARGB32_Premultiplied);
                prepareImage(task.image, settings);
                task.image.fill(Qt::transparent);
                QPainter p(&task.image);
                p.translate(-task.band.topLeft());
                drawLayer(p, settings, layer, task.band, feedback);
            });
            progress();
        }));
    }
    if (labels) {
        labels->resize(settings.layers.size());
        for (std::size_t i = 0; i < settings.layers.size(); ++i) {
            const MapLayer &layer = settings.layers[i];
            if (!layer.vector || !layer.visible || !layer.style.labels.enabled)
                continue;
            std::vector<LabelCandidate> *out = &(*labels)[i];
            futures.push_back(QtConcurrent::run(&renderPool(), [&settings, &layer, out, &guard, &progress, feedback] {
                guard.run(layer.name, [&] { *out = detail::VectorLayerRenderer(settings, layer).labelCandidates(feedback); });
                progress();
            }));
        }
    }
    for (QFuture<void> &f : futures)
        f.waitForFinished();
    guard.rethrow();
}

void placeAndDrawLabels(const MapSettings &settings, std::vector<std::vector<LabelCandidate>> &labels, QPainter &painter)
{
    LabelEngine engine(QSizeF(settings.outputSize));
    std::size_t count = 0;
    for (const auto &l : labels)
        count += l.size();
    if (count == 0)
        return;
    // Point symbols are obstacles: labels go beside markers, never over them — except
    // labels of a higher priority than the symbol's layer (a shelter's name over the
    // per-block points of a result).
    for (const MapLayer &layer : settings.layers) {
        if (!layer.vector || !layer.visible || layer.opacity <= 0)
            continue;
        for (const QRectF &box : detail::VectorLayerRenderer(settings, layer).symbolBoxes(5000))
            engine.addObstacle(box, layer.style.labels.priority);
    }
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) // top layer first
        for (LabelCandidate &c : *it)
            engine.add(std::move(c));
    engine.place();
    engine.draw(painter);
}

} // namespace

QImage MapRenderer::renderImage(const MapSettings &settings, Feedback *feedback)
{
    QImage image(settings.outputSize, QImage::Format_ARGB32_Premultiplied);
    prepareImage(image, settings);
    image.fill(settings.background);
    if (settings.outputSize.isEmpty() || settings.extent.isEmpty())
        return image;
    std::vector<int> layers;
    for (std::size_t i = 0; i < settings.layers.size(); ++i)
        if (drawable(settings.layers[i], settings, feedback))
            layers.push_back(int(i));
    std::vector<Task> tasks = makeTasks(settings, layers);
    std::vector<std::vector<LabelCandidate>> labels;
    runTasks(settings, tasks, settings.drawLabels ? &labels : nullptr, feedback);
    QPainter painter(&image);
    for (const Task &task : tasks) { // tasks are in layer order
        if (task.image.isNull())
            continue;
        painter.setOpacity(std::clamp(settings.layers[std::size_t(task.layer)].opacity, 0.0, 1.0));
        painter.drawImage(task.band.topLeft(), task.image);
    }
    painter.setOpacity(1.0);
    if (settings.drawLabels)
        placeAndDrawLabels(settings, labels, painter);
    painter.end();
    if (feedback)
        feedback->setProgress(100);
    return image;
}

QImage MapRenderer::renderLayerImage(const MapSettings &settings, int layerIndex, Feedback *feedback)
{
    QImage image(settings.outputSize, QImage::Format_ARGB32_Premultiplied);
    prepareImage(image, settings);
    image.fill(Qt::transparent);
    if (layerIndex < 0 || layerIndex >= int(settings.layers.size()) || settings.extent.isEmpty()
        || !drawable(settings.layers[std::size_t(layerIndex)], settings, feedback))
        return image;
    std::vector<Task> tasks = makeTasks(settings, {layerIndex});
    runTasks(settings, tasks, nullptr, feedback);
    QPainter painter(&image);
    for (const Task &task : tasks)
        if (!task.image.isNull())
            painter.drawImage(task.band.topLeft(), task.image);
    return image;
}

void MapRenderer::render(const MapSettings &settings, QPainter &painter, Feedback *feedback)
{
    QPaintDevice *device = painter.device();
    if (device && (device->devType() == QInternal::Image || device->devType() == QInternal::Pixmap)) {
        const QImage image = renderImage(settings, feedback);
        painter.drawImage(QPointF(0, 0), image);
        return;
    }
    // Vector devices (PDF, SVG, printers): draw directly, in order, as vectors.
    painter.save();
    const QRect full(QPoint(0, 0), settings.outputSize);
    painter.setClipRect(full, Qt::IntersectClip);
    if (settings.background.alpha() > 0)
        painter.fillRect(full, settings.background);
    Guard guard(feedback);
    for (std::size_t i = 0; i < settings.layers.size(); ++i) {
        const MapLayer &layer = settings.layers[i];
        if (!drawable(layer, settings, feedback))
            continue;
        painter.save();
        painter.setOpacity(std::clamp(layer.opacity, 0.0, 1.0));
        guard.run(layer.name, [&] { drawLayer(painter, settings, layer, full, feedback); });
        painter.restore();
        guard.rethrow();
        if (feedback)
            feedback->setProgress(100.0 * double(i + 1) / double(settings.layers.size()));
    }
    if (settings.drawLabels) {
        std::vector<std::vector<LabelCandidate>> labels(settings.layers.size());
        for (std::size_t i = 0; i < settings.layers.size(); ++i) {
            const MapLayer &layer = settings.layers[i];
            if (layer.vector && layer.visible && layer.style.labels.enabled)
                guard.run(layer.name, [&] { labels[i] = detail::VectorLayerRenderer(settings, layer).labelCandidates(feedback); });
        }
        guard.rethrow();
        placeAndDrawLabels(settings, labels, painter);
    }
    painter.restore();
}

} // namespace refuge
