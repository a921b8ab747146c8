#pragma once
// MainWindow: wires the document, canvas, panels, tools, controllers, menus and tool
// bars together, and remembers its layout (QSettings). Holds no logic of its own:
// project files → ProjectController, adding layers → LayerImporter, export →
// ExportController, analyses → AnalysisController, report → ReportExportController,
// print layouts → LayoutController, status bar → MapStatusBar, analysis results →
// ResultsDock, what-if scenarios → ScenarioWorkbench. GUI thread only.
#include <QMainWindow>

class QActionGroup;
class QDockWidget;

namespace refuge::desktop {

class AnalysisController;
class AttributeTablePanel;
class ExportController;
class IdentifyPanel;
class IdentifyTool;
class LayerImporter;
class LayerPanel;
class LayoutController;
class BookmarkController;
class MapCanvas;
class MapStatusBar;
class MapTool;
class ProjectController;
class ProjectDocument;
class ReportExportController;
class ResultsDock;
class MeasureTool;
class ScenarioWorkbench;
class SelectTool;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectDocument *document() const { return m_doc; }
    MapCanvas *canvas() const { return m_canvas; }
    LayerPanel *layerPanel() const { return m_layerPanel; }
    AttributeTablePanel *attributeTable() const { return m_attributes; }
    IdentifyPanel *identifyPanel() const { return m_identify; }
    ProjectController *projects() const { return m_projects; }
    LayerImporter *importer() const { return m_importer; }
    IdentifyTool *identifyTool() const { return m_identifyTool; }
    ResultsDock *resultsDock() const { return m_resultsDock; }
    ReportExportController *reports() const { return m_reports; }
    AnalysisController *analysis() const { return m_analysis; }
    ScenarioWorkbench *scenarios() const { return m_scenarios; }
    LayoutController *layouts() const { return m_layouts; }
    BookmarkController *bookmarks() const { return m_bookmarks; }

    void openAttributeTable(const QString &layerId);
    void showLayerProperties(const QString &layerId);
    // For unattended runs: no dialogs after loading, guessed roles for added files.
    void setInteractive(bool interactive);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createActions();
    void connectAnalysisResults();
    void updateTitle();
    void restoreLayout();

    ProjectDocument *m_doc;
    MapCanvas *m_canvas;
    LayerPanel *m_layerPanel;
    AttributeTablePanel *m_attributes;
    IdentifyPanel *m_identify;
    QDockWidget *m_layerDock = nullptr;
    QDockWidget *m_attributeDock = nullptr;
    QDockWidget *m_identifyDock = nullptr;
    ProjectController *m_projects;
    LayerImporter *m_importer;
    ExportController *m_export;
    AnalysisController *m_analysis;
    MapStatusBar *m_statusBar;
    MapTool *m_panTool;
    MapTool *m_zoomTool;
    IdentifyTool *m_identifyTool;
    SelectTool *m_selectTool;
    MeasureTool *m_measureTool = nullptr;
    ResultsDock *m_resultsDock = nullptr;
    ReportExportController *m_reports;
    ScenarioWorkbench *m_scenarios;
    QDockWidget *m_scenarioDock = nullptr;
    LayoutController *m_layouts;
    BookmarkController *m_bookmarks;
};

} // namespace refuge::desktop
