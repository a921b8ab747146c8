#pragma once
// LayerImporter: adds data files to the project (Add Layer… and drag-and-drop). Reads
// each file in the background first; an unreadable file gives a message box naming
// the file and the reason and leaves the project unchanged. A readable one asks for its
// role (pre-selected by guessRole) and is added with one undoable command.
// GUI thread only.
#include <QObject>
#include <QStringList>
#include <QThreadPool>

class QAction;
class QWidget;

namespace refuge::desktop {

class ProjectDocument;

class LayerImporter : public QObject {
    Q_OBJECT
public:
    LayerImporter(ProjectDocument *doc, QWidget *window);
    QAction *addLayerAction() const { return m_addLayer; }
    QAction *addBasemapAction() const { return m_addBasemap; }
    // Files (and "file:layer" sources) to add; each one is checked before it is added.
    void addFiles(const QStringList &paths);
    // A basemap (tile URL template or tile set file) under all other layers, role
    // basemap, with its credit; checked in the background first like a file.
    void addBasemap(const QString &source, const QString &name, const QString &credit);
    // Unattended: use the guessed role without asking (tests, scripts).
    void setAskRole(bool ask) { m_askRole = ask; }
    bool isBusy() const { return m_busy > 0; }

Q_SIGNALS:
    void layerAdded(const QString &layerId);
    void failed(const QString &path, const QString &message);

private:
    void addChecked(const QString &path, const QString &layerName);

    ProjectDocument *m_doc;
    QWidget *m_window;
    QAction *m_addLayer;
    QAction *m_addBasemap;
    bool m_askRole = true;
    int m_busy = 0;
    // Own pool, not Qt's global one: the renderer's workers hand raster fills to the
    // global pool and wait, so tasks blocked on them must not occupy it.
    QThreadPool m_pool;
};

} // namespace refuge::desktop
