#pragma once
// ProjectDocument: the open project as the desktop edits it. Owns the Project (pure
// data), the loaded layer data (read in the background, shared immutably with render
// snapshots), the feature selection and the QUndoStack. Every change to the project
// goes through a command in commands/, which calls the primitive mutators below; the
// views (layer tree, canvas, attribute table) follow the signals. GUI thread only.
#include "document/LayerData.h"
#include "model/Bookmarks.h"
#include "model/Project.h"
#include "render/MapSettings.h"
#include "render/Style.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QRectF>
#include <QSet>
#include <QThreadPool>
#include <vector>

class QUndoStack;

namespace refuge {
struct PrintLayout;
}

namespace refuge::desktop {

class ProjectDocument : public QObject {
    Q_OBJECT
public:
    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    const Project &project() const { return m_project; }
    QUndoStack *undoStack() const { return m_undoStack; }
    bool isModified() const;
    QString filePath() const { return m_project.filePath(); }
    QString displayName() const;

    // Replaces the whole project (clears undo history and selection, starts loading).
    void setProject(Project project);
    void newProject(const Crs &crs);
    // Throws refuge::Error naming the file; the current project is kept on failure.
    void open(const QString &filePath);
    // Throws IoError; on success the document is clean.
    void save(const QString &filePath);

    // Layers (index = position in Project::layers, 0 is drawn first / bottom).
    int layerCount() const { return int(m_project.layers.size()); }
    const ProjectLayer &layerAt(int index) const { return m_project.layers[std::size_t(index)]; }
    int indexOf(const QString &layerId) const;
    const ProjectLayer *layerById(const QString &layerId) const { return m_project.layerById(layerId); }
    QString groupOf(const ProjectLayer &layer) const;

    LayerData layerData(const QString &layerId) const;
    bool isLoading() const { return m_pending > 0; }
    // The style drawn: the project's style object, or the role's default when empty.
    Style effectiveStyle(const QString &layerId) const;
    QRectF layerExtent(const QString &layerId) const;
    QRectF fullExtent() const;
    // A snapshot of the layers for MapSettings (bottom first), with selections.
    std::vector<MapLayer> mapLayers() const;

    // Selection (feature indices of the loaded layer); not part of undo.
    const QSet<int> selection(const QString &layerId) const { return m_selection.value(layerId); }
    void setSelection(const QString &layerId, const QSet<int> &features);
    void clearSelection();
    QStringList layersWithSelection() const;

    // Primitive mutators for commands/ (emit signals; do not push undo commands).
    void insertLayer(int index, const ProjectLayer &layer);
    ProjectLayer takeLayer(int index);
    void moveLayer(int from, int to);
    void replaceLayer(const ProjectLayer &layer); // matched by id
    void setCrs(const Crs &crs);
    void setTitle(const QString &title);
    // The project's "scenarios" list (what-if edits; never the source files). Empty removes it.
    void setScenarios(const QJsonArray &scenarios);
    // The project's print layouts (ProjectLayouts: saved with the project). Throws InvalidInput.
    void setLayouts(const std::vector<PrintLayout> &layouts);
    // The project's bookmarks (Bookmarks: saved with the project). Throws InvalidInput.
    void setBookmarks(const std::vector<Bookmark> &bookmarks);

    // Off: layer sources are not read (pure project editing, e.g. tests of commands).
    void setLoadLayers(bool load) { m_loadLayers = load; }

    // Re-reads a layer (e.g. after its file was relocated or changed on disk).
    void reloadLayer(const QString &layerId);
    // Gives every layer on this database connection (compared without passwords) the
    // password, in memory only (a project file never stores it: Project::toJson), and
    // reloads them. Not an edit: the undo stack and the modified flag are unchanged.
    void setConnectionPassword(const QString &connection, const QString &password);

Q_SIGNALS:
    void projectReset();
    void layersReordered();                 // insert, remove or move
    void layerChanged(const QString &layerId); // name, role, style, visibility, opacity, group...
    void layerDataChanged(const QString &layerId); // finished loading (Ready or Broken)
    void loadingFinished();
    void layerBroken(const QString &layerId, const QString &error, bool missingSource);
    void selectionChanged(const QString &layerId);
    void crsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    void mapChanged(); // anything that changes the drawn map
    void scenariosChanged(); // the project's "scenarios" list

private:
    void startLoading(const ProjectLayer &layer);
    void ensureLoaded();

    Project m_project;
    QUndoStack *m_undoStack;
    QHash<QString, LayerData> m_data;
    QHash<QString, QSet<int>> m_selection;
    struct CachedStyle {
        QString key;
        Style style;
    };
    mutable QHash<QString, CachedStyle> m_styles;
    int m_pending = 0;
    bool m_loadLayers = true;
    quint64 m_generation = 0;
    // Own pool, not Qt's global one: the renderer's workers hand raster fills to the
    // global pool and wait, so tasks blocked on them must not occupy it.
    QThreadPool m_pool; // last member: destroyed first, waits for its tasks
};

} // namespace refuge::desktop
