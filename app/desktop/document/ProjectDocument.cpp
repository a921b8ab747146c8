#include "document/ProjectDocument.h"

#include "io/RasterWarp.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "model/Bookmarks.h"
#include "print/ProjectLayouts.h"
#include "render/DefaultStyles.h"
#include "util/Error.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace refuge::desktop {

namespace {
const QString kGroupKey = QStringLiteral("group");
}

ProjectDocument::ProjectDocument(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

ProjectDocument::~ProjectDocument() = default;

bool ProjectDocument::isModified() const { return !m_undoStack->isClean(); }

QString ProjectDocument::displayName() const
{
    if (!m_project.title.isEmpty())
        return m_project.title;
    if (!filePath().isEmpty())
        return QFileInfo(filePath()).completeBaseName();
    return tr("Untitled project");
}

void ProjectDocument::setProject(Project project)
{
    ++m_generation; // results of loads still running are dropped
    m_pending = 0;
    m_undoStack->clear();
    m_project = std::move(project);
    m_data.clear();
    m_styles.clear();
    m_selection.clear();
    m_undoStack->setClean();
    Q_EMIT projectReset();
    Q_EMIT filePathChanged(filePath());
    Q_EMIT modifiedChanged(false);
    ensureLoaded();
    Q_EMIT mapChanged();
}

void ProjectDocument::newProject(const Crs &crs)
{
    Project p;
    p.crs = crs;
    setProject(std::move(p));
}

void ProjectDocument::open(const QString &filePath) { setProject(Project::load(filePath)); }

void ProjectDocument::save(const QString &filePath)
{
    const QString before = m_project.filePath();
    m_project.save(filePath);
    m_undoStack->setClean();
    if (before != m_project.filePath())
        Q_EMIT filePathChanged(m_project.filePath());
}

int ProjectDocument::indexOf(const QString &layerId) const
{
    for (int i = 0; i < layerCount(); ++i)
        if (layerAt(i).id == layerId)
            return i;
    return -1;
}

QString ProjectDocument::groupOf(const ProjectLayer &layer) const { return layer.extra.value(kGroupKey).toString(); }

LayerData ProjectDocument::layerData(const QString &layerId) const { return m_data.value(layerId); }

Style ProjectDocument::effectiveStyle(const QString &layerId) const
{
    const ProjectLayer *layer = layerById(layerId);
    if (!layer)
        return {};
    const LayerData data = m_data.value(layerId);
    const QString key = QString::fromUtf8(QJsonDocument(layer->style).toJson(QJsonDocument::Compact)) + roleName(layer->role)
        + QString::number(quintptr(data.vector.get())) + QString::number(quintptr(data.raster.get()))
        + QStringList(layer->fields.values()).join(QLatin1Char(','));
    auto it = m_styles.constFind(layerId);
    if (it != m_styles.constEnd() && it->key == key)
        return it->style;
    Style style;
    try {
        if (!layer->style.isEmpty())
            style = Style::fromJson(layer->style);
        else if (data.vector)
            style = defaultStyle(*layer, *data.vector);
        else if (data.raster)
            style = defaultRasterStyle(layer->role, *data.raster);
    } catch (const Error &) {
        style = data.vector ? defaultStyle(*layer, *data.vector) : Style();
    }
    m_styles.insert(layerId, {key, style});
    return style;
}

QRectF ProjectDocument::layerExtent(const QString &layerId) const
{
    const LayerData data = m_data.value(layerId);
    if (data.vector)
        return data.vector->extent();
    if (data.raster)
        return rasterExtentIn(*data.raster, m_project.crs);
    return {};
}

QRectF ProjectDocument::fullExtent() const
{
    // Basemaps (colour rasters) count only when no other layer has an extent.
    QRectF all, basemaps;
    for (const ProjectLayer &l : m_project.layers) {
        const QRectF r = layerExtent(l.id);
        if (r.isNull())
            continue;
        const LayerData data = m_data.value(l.id);
        QRectF &into = data.raster && data.raster->isColour() ? basemaps : all;
        into = into.isNull() ? r : into.united(r);
    }
    return all.isNull() ? basemaps : all;
}

std::vector<MapLayer> ProjectDocument::mapLayers() const
{
    std::vector<MapLayer> out;
    out.reserve(m_project.layers.size());
    for (const ProjectLayer &l : m_project.layers) {
        const LayerData data = m_data.value(l.id);
        if (!data.isReady())
            continue;
        MapLayer m;
        m.id = l.id;
        m.name = l.name;
        m.vector = data.vector;
        m.raster = data.raster;
        m.style = effectiveStyle(l.id);
        m.opacity = l.opacity;
        m.visible = l.visible;
        const QSet<int> sel = m_selection.value(l.id);
        m.selection.assign(sel.begin(), sel.end());
        std::sort(m.selection.begin(), m.selection.end());
        out.push_back(std::move(m));
    }
    return out;
}

void ProjectDocument::setSelection(const QString &layerId, const QSet<int> &features)
{
    if (m_selection.value(layerId) == features)
        return;
    if (features.isEmpty())
        m_selection.remove(layerId);
    else
        m_selection.insert(layerId, features);
    Q_EMIT selectionChanged(layerId);
    Q_EMIT mapChanged();
}

void ProjectDocument::clearSelection()
{
    const QStringList ids = m_selection.keys();
    m_selection.clear();
    for (const QString &id : ids)
        Q_EMIT selectionChanged(id);
    if (!ids.isEmpty())
        Q_EMIT mapChanged();
}

QStringList ProjectDocument::layersWithSelection() const { return m_selection.keys(); }

void ProjectDocument::insertLayer(int index, const ProjectLayer &layer)
{
    index = std::clamp(index, 0, layerCount());
    m_project.layers.insert(m_project.layers.begin() + index, layer);
    Q_EMIT layersReordered();
    ensureLoaded();
    Q_EMIT mapChanged();
}

ProjectLayer ProjectDocument::takeLayer(int index)
{
    ProjectLayer layer = m_project.layers[std::size_t(index)];
    m_project.layers.erase(m_project.layers.begin() + index);
    if (m_selection.remove(layer.id))
        Q_EMIT selectionChanged(layer.id);
    Q_EMIT layersReordered();
    Q_EMIT mapChanged();
    return layer;
}

void ProjectDocument::moveLayer(int from, int to)
{
    if (from == to || from < 0 || to < 0 || from >= layerCount() || to >= layerCount())
        return;
    ProjectLayer layer = std::move(m_project.layers[std::size_t(from)]);
    m_project.layers.erase(m_project.layers.begin() + from);
    m_project.layers.insert(m_project.layers.begin() + to, std::move(layer));
    Q_EMIT layersReordered();
    Q_EMIT mapChanged();
}

void ProjectDocument::replaceLayer(const ProjectLayer &layer)
{
    const int i = indexOf(layer.id);
    if (i < 0)
        return;
    m_project.layers[std::size_t(i)] = layer;
    Q_EMIT layerChanged(layer.id);
    ensureLoaded(); // a new source or stated CRS reloads
    Q_EMIT mapChanged();
}

void ProjectDocument::setCrs(const Crs &crs)
{
    m_project.crs = crs;
    m_selection.clear();
    Q_EMIT crsChanged();
    ensureLoaded(); // every layer is reprojected
    Q_EMIT mapChanged();
}

void ProjectDocument::setTitle(const QString &title) { m_project.title = title; }

void ProjectDocument::setScenarios(const QJsonArray &scenarios)
{
    // "scenarios" is a key Project keeps but does not interpret: set through its JSON. The
    // layers are kept as they are (their in-memory passwords are never in the JSON).
    QJsonObject json = m_project.toJson();
    if (scenarios.isEmpty())
        json.remove(QStringLiteral("scenarios"));
    else
        json.insert(QStringLiteral("scenarios"), scenarios);
    Project p = Project::fromJson(json, m_project.filePath());
    p.layers = m_project.layers;
    m_project = std::move(p);
    Q_EMIT scenariosChanged();
}

void ProjectDocument::setLayouts(const std::vector<PrintLayout> &layouts) { ProjectLayouts::store(m_project, layouts); }

void ProjectDocument::setBookmarks(const std::vector<Bookmark> &bookmarks) { Bookmarks::store(m_project, bookmarks); }

void ProjectDocument::setConnectionPassword(const QString &connection, const QString &password)
{
    const QString target = withoutPassword(connection);
    for (ProjectLayer &l : m_project.layers) {
        if (!isConnectionString(l.path) || withoutPassword(l.path) != target)
            continue;
        l.path = withPassword(l.path, password);
        m_data.remove(l.id);
    }
    ensureLoaded();
    Q_EMIT mapChanged();
}

void ProjectDocument::reloadLayer(const QString &layerId)
{
    m_data.remove(layerId);
    ensureLoaded();
}

void ProjectDocument::ensureLoaded()
{
    if (!m_loadLayers)
        return;
    for (const ProjectLayer &l : m_project.layers) {
        auto it = m_data.constFind(l.id);
        if (it == m_data.constEnd() || it->sourceKey != sourceKey(m_project, l))
            startLoading(l);
    }
}

void ProjectDocument::startLoading(const ProjectLayer &layer)
{
    LayerData loading;
    loading.sourceKey = sourceKey(m_project, layer);
    m_data.insert(layer.id, loading);
    ++m_pending;
    const quint64 generation = m_generation;
    const QString id = layer.id;
    const QString key = loading.sourceKey;
    auto *watcher = new QFutureWatcher<LayerData>(this);
    connect(watcher, &QFutureWatcher<LayerData>::finished, this, [this, watcher, generation, id, key] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        --m_pending;
        auto it = m_data.find(id);
        if (it != m_data.end() && it->sourceKey == key) { // not superseded by a newer load
            LayerData data = watcher->result();
            data.sourceKey = key;
            *it = data;
            Q_EMIT layerDataChanged(id);
            if (data.isBroken() && layerById(id))
                Q_EMIT layerBroken(id, data.error, data.missingSource);
            Q_EMIT mapChanged();
        }
        if (m_pending == 0)
            Q_EMIT loadingFinished();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, loadLayerData, m_project.dataSource(layer), m_project.crs, layer.crs,
                                         layer.encoding));
}

} // namespace refuge::desktop
