#pragma once
// ExportController: "Export map view" to PNG (at a chosen DPI) and PDF (vector, fonts
// embedded) through core/render's MapRenderer, the same pixels as the canvas. The
// render runs on a worker with a progress dialog that can cancel. GUI thread only.
#include <QObject>
#include <QThreadPool>
#include <functional>

class QAction;
class QWidget;

namespace refuge::desktop {

class MapCanvas;
class ProjectDocument;

class ExportController : public QObject {
    Q_OBJECT
public:
    // `doc`: the open project, whose files an export may never replace.
    ExportController(MapCanvas *canvas, const ProjectDocument *doc, QWidget *window);
    QAction *pngAction() const { return m_png; }
    QAction *pdfAction() const { return m_pdf; }

    // Synchronous exports (scripts, tests). Throw refuge::Error.
    static void writePng(const MapCanvas *canvas, const QString &path, double dpi);
    static void writePdf(const MapCanvas *canvas, const QString &path);

private:
    void exportPng();
    void exportPdf();
    void runInBackground(const QString &title, std::function<void()> work, const QString &path);

    MapCanvas *m_canvas;
    const ProjectDocument *m_doc;
    QWidget *m_window;
    QAction *m_png;
    QAction *m_pdf;
    // Own pool, not Qt's global one: the renderer's workers hand raster fills to the
    // global pool and wait, so tasks blocked on them must not occupy it.
    QThreadPool m_pool;
};

} // namespace refuge::desktop
