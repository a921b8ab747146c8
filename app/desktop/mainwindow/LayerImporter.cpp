#include "mainwindow/LayerImporter.h"

#include "commands/LayerCommands.h"
#include "dialogs/BasemapDialog.h"
#include "dialogs/RoleDialog.h"
#include "document/LayerData.h"
#include "document/ProjectDocument.h"
#include "model/DataSource.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QUndoStack>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace refuge::desktop {

namespace {
// The layers a dataset offers (empty list: a single-layer or raster file). Worker thread.
struct Probe {
    QStringList layers;
    LayerData data;
};
} // namespace

LayerImporter::LayerImporter(ProjectDocument *doc, QWidget *window)
    : QObject(window), m_doc(doc), m_window(window), m_addLayer(new QAction(tr("&Add Layer…"), this)),
      m_addBasemap(new QAction(tr("Add &Basemap…"), this))
{
    connect(m_addBasemap, &QAction::triggered, this, [this] {
        BasemapDialog dialog(m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (!dialog.key().isEmpty()) // this session only: never written anywhere
            qputenv("REFUGE_TILE_KEY", dialog.key().toUtf8());
        addBasemap(dialog.source(), dialog.name(), dialog.credit());
    });
    m_addLayer->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_addLayer->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    connect(m_addLayer, &QAction::triggered, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            m_window, tr("Add layer"), QString(),
            tr("GIS data (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.xlsx *.ods *.osm *.pbf *.tif *.tiff *.asc *.vrt *.img *.mbtiles);;All files (*)"));
        addFiles(files);
    });
}

void LayerImporter::addFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        ++m_busy;
        const Crs crs = m_doc->project().crs;
        auto *watcher = new QFutureWatcher<Probe>(this);
        connect(watcher, &QFutureWatcher<Probe>::finished, this, [this, watcher, path] {
            watcher->deleteLater();
            --m_busy;
            const Probe probe = watcher->result();
            if (probe.data.isBroken()) {
                Q_EMIT failed(path, probe.data.error);
                if (m_askRole)
                    QMessageBox::warning(m_window, tr("Cannot add layer"),
                                         tr("“%1” cannot be added:\n%2").arg(QFileInfo(path).fileName(), probe.data.error));
                return;
            }
            QString layer;
            if (probe.layers.size() > 1) {
                if (!m_askRole) {
                    layer = probe.layers.front();
                } else {
                    bool ok = false;
                    layer = QInputDialog::getItem(m_window, tr("Choose a layer"),
                                                  tr("“%1” holds several layers. Add which one?").arg(QFileInfo(path).fileName()),
                                                  probe.layers, 0, false, &ok);
                    if (!ok)
                        return;
                }
            }
            addChecked(path, layer);
        });
        watcher->setFuture(QtConcurrent::run(&m_pool, [path, crs] {
            Probe p;
            const DataSource src = DataSource::parse(path);
            try {
                if (src.layer.isEmpty())
                    p.layers = VectorLayer::layerNames(src.path);
            } catch (const Error &) {
                // raster or unreadable: loadLayerData says which
            }
            DataSource first = src;
            if (first.layer.isEmpty() && !p.layers.isEmpty())
                first.layer = p.layers.front();
            p.data = loadLayerData(first, crs, QString(), QString());
            if (!src.layer.isEmpty())
                p.layers.clear();
            return p;
        }));
    }
}

void LayerImporter::addBasemap(const QString &source, const QString &name, const QString &credit)
{
    ++m_busy;
    const Crs crs = m_doc->project().crs;
    const QString path = isTileUrl(source) ? source : QFileInfo(source).absoluteFilePath();
    auto *watcher = new QFutureWatcher<LayerData>(this);
    connect(watcher, &QFutureWatcher<LayerData>::finished, this, [this, watcher, path, name, credit] {
        watcher->deleteLater();
        --m_busy;
        const LayerData data = watcher->result();
        if (data.isBroken() || !data.raster) {
            const QString why = data.isBroken() ? data.error : tr("not a raster tile set");
            Q_EMIT failed(redactedSource(path), why);
            if (m_askRole)
                QMessageBox::warning(m_window, tr("Cannot add basemap"), tr("“%1” cannot be added:\n%2").arg(redactedSource(path), why));
            return;
        }
        ProjectLayer l;
        const QString shown = name.isEmpty() ? tr("Basemap") : name;
        l.id = m_doc->project().uniqueLayerId(QStringLiteral("basemap"));
        l.name = shown;
        l.path = isTileUrl(path) ? path : m_doc->project().storedPath(path);
        l.role = Role::Basemap;
        if (!credit.isEmpty())
            l.extra.insert(QStringLiteral("credit"), credit);
        m_doc->undoStack()->push(new AddLayerCommand(m_doc, l, 0)); // at the bottom
        Q_EMIT layerAdded(l.id);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path, crs] { return loadLayerData(DataSource{path, QString()}, crs, QString(), QString()); }));
}

void LayerImporter::addChecked(const QString &path, const QString &layerName)
{
    const DataSource src = DataSource::parse(path);
    const QString layer = layerName.isEmpty() ? src.layer : layerName;
    const QString name = layer.isEmpty() ? QFileInfo(src.path).completeBaseName() : layer;
    Role role = guessRole(name + QLatin1Char(' ') + QFileInfo(src.path).completeBaseName());
    if (m_askRole) {
        RoleDialog dialog(name, role, m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        role = dialog.role();
    }
    ProjectLayer l;
    l.id = m_doc->project().uniqueLayerId(name);
    l.name = name;
    l.path = m_doc->project().storedPath(QFileInfo(src.path).absoluteFilePath());
    l.layer = layer;
    l.role = role;
    m_doc->undoStack()->push(new AddLayerCommand(m_doc, l));
    Q_EMIT layerAdded(l.id);
}

} // namespace refuge::desktop
