#pragma once
// LayoutDesigner: the desktop's print layout window. Shows the page as PrintRenderer
// draws it (LayoutScene), lets the user move and resize items with the mouse and edit
// them in a side panel (ItemPropertiesPanel) with undo/redo (LayoutDocument), preview
// an atlas page by page (AtlasPreview) and export it as one PDF (Atlas::write, in the
// background with progress and Cancel), export the page (PDF/PNG/SVG/TIFF through
// PrintRenderer::writePage, as `refuge-cli print`: checked against the project's files
// by OutputGuard, temporary name renamed when complete), print it (QPrintDialog, the same
// renderer on the QPrinter) and save the layout into the project (ProjectLayouts), so
// `refuge-cli print PROJECT --layout NAME` prints what the designer shows.
// Owns its LayoutDocument; borrows the ProjectDocument (which must outlive it). GUI thread only.
#include "print/Atlas.h"

#include <QMainWindow>
#include <QThreadPool>
#include <memory>

class QAction;
class QGraphicsView;
class QPrinter;

namespace refuge {
class Feedback;
}

namespace refuge::desktop {

class AtlasPreview;
class ItemPropertiesPanel;
class LayoutDocument;
class LayoutScene;
class ProjectDocument;

class LayoutDesigner : public QMainWindow {
    Q_OBJECT
public:
    LayoutDesigner(ProjectDocument *project, PrintLayout layout, QWidget *parent = nullptr);
    ~LayoutDesigner() override;

    LayoutDocument *layoutDocument() const { return m_layout; }
    LayoutScene *scene() const { return m_scene; }
    QGraphicsView *view() const { return m_view; }
    ItemPropertiesPanel *properties() const { return m_panel; }
    AtlasPreview *atlas() const { return m_atlas; }

    // Writes the page shown to `path` (.pdf, .svg, .png, .tif; 150 dpi for images).
    // Throws InvalidInput when `path` is one of the project's files, IoError on failure.
    void exportTo(const QString &path) const;
    // Writes every atlas page into one PDF at `path` (as `refuge-cli atlas --single-file`).
    // Throws InvalidInput without an atlas or when `path` is one of the project's files;
    // Canceled through `feedback`. Call on the GUI thread.
    AtlasResult exportAtlasTo(const QString &path, Feedback *feedback = nullptr) const;
    // Paper size, orientation and no margins of the layout on `printer`.
    void setUpPrinter(QPrinter &printer) const;
    // Draws the page shown on `printer` at its resolution. Throws IoError.
    void printTo(QPrinter &printer) const;
    // Stores the layout in the project under `name` (replacing one of that name; one
    // undoable step on the project's stack) and saves the project file when it has one.
    void saveToProject(const QString &name);
    // Fits the page in the view.
    void fitPage();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void exportInteractive();
    void exportAtlasInteractive();
    // The plan and options of an atlas PDF at `path`, checked against the project's files.
    std::pair<AtlasPlan, AtlasOptions> planAtlas(const QString &path) const;
    void printInteractive();
    void saveInteractive();

    ProjectDocument *m_project;
    LayoutDocument *m_layout;
    LayoutScene *m_scene;
    QGraphicsView *m_view;
    ItemPropertiesPanel *m_panel;
    AtlasPreview *m_atlas;
    QAction *m_exportAtlas = nullptr;
    std::shared_ptr<Feedback> m_running; // the atlas export under way (canceled when the window goes)
    // Own pool, not Qt's global one: the renderer hands raster fills to the global pool and waits.
    QThreadPool m_pool; // last member: destroyed first, waits for the export
};

} // namespace refuge::desktop
