#include "mainwindow/MainWindow.h"

#include "analysis/AnalysisController.h"
#include "attributes/AttributeTablePanel.h"
#include "attributes/IdentifyPanel.h"
#include "canvas/IdentifyTool.h"
#include "canvas/MapCanvas.h"
#include "canvas/MapTool.h"
#include "canvas/MeasureTool.h"
#include "dialogs/GuideDialog.h"
#include "dialogs/LayerPropertiesDialog.h"
#include "dialogs/SettingsDialog.h"
#include "document/ProjectDocument.h"
#include "layers/LayerPanel.h"
#include "mainwindow/BookmarkController.h"
#include "mainwindow/ExportController.h"
#include "mainwindow/LayerImporter.h"
#include "mainwindow/MapStatusBar.h"
#include "mainwindow/ProjectController.h"
#include "mainwindow/ReportExportController.h"
#include "mainwindow/WindowFit.h"
#include "print/LayoutController.h"
#include "results/ResultsDock.h"
#include "scenarios/ScenarioWorkbench.h"
#include "scenarios/ScenariosPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>

namespace refuge::desktop {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_doc(new ProjectDocument(this)), m_canvas(new MapCanvas(m_doc, this)),
      m_layerPanel(new LayerPanel(m_doc, this)), m_attributes(new AttributeTablePanel(m_doc, this)),
      m_identify(new IdentifyPanel(m_doc, this)), m_projects(new ProjectController(m_doc, this)),
      m_importer(new LayerImporter(m_doc, this)), m_export(new ExportController(m_canvas, m_doc, this)),
      m_analysis(new AnalysisController(m_doc, this)),
      m_statusBar(new MapStatusBar(m_doc, m_canvas, statusBar())), m_panTool(new PanTool(m_canvas)),
      m_zoomTool(new ZoomBoxTool(m_canvas)), m_identifyTool(new IdentifyTool(m_canvas)), m_selectTool(new SelectTool(m_canvas)),
      m_reports(new ReportExportController(m_doc, this)), m_scenarios(new ScenarioWorkbench(m_doc, m_canvas, m_analysis, this)),
      m_layouts(new LayoutController(m_doc, this)), m_bookmarks(new BookmarkController(m_doc, m_canvas, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setCentralWidget(m_canvas);
    setAcceptDrops(true);
    createDocks();
    createActions();

    connect(m_doc, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::projectReset, this, &MainWindow::updateTitle);
    connect(m_layerPanel, &LayerPanel::zoomToLayerRequested, m_canvas, &MapCanvas::zoomToLayer);
    connect(m_layerPanel, &LayerPanel::propertiesRequested, this, &MainWindow::showLayerProperties);
    connect(m_layerPanel, &LayerPanel::attributeTableRequested, this, &MainWindow::openAttributeTable);
    connect(m_layerPanel, &LayerPanel::addLayerRequested, m_importer->addLayerAction(), &QAction::trigger);
    connect(m_layerPanel, &LayerPanel::currentLayerChanged, this, [this](const QString &id) { m_selectTool->setCurrentLayer(id); });
    connect(m_attributes, &AttributeTablePanel::zoomToSelectionRequested, m_canvas, &MapCanvas::zoomToSelection);
    connect(m_attributes, &AttributeTablePanel::titleChanged, m_attributeDock, &QDockWidget::setWindowTitle);
    connect(m_identifyTool, &IdentifyTool::identified, this, [this](const QList<FeatureRef> &hits) {
        m_identify->showFeatures(hits);
        if (!hits.isEmpty()) {
            m_identifyDock->show();
            m_identifyDock->raise();
        }
        statusBar()->showMessage(tr("%n feature(s) identified", nullptr, int(hits.size())), 4000);
    });
    connect(m_identify, &IdentifyPanel::featureActivated, this,
            [this](const FeatureRef &f) { m_canvas->setHighlight(f.layerId, f.feature); });
    connect(m_canvas, &MapCanvas::renderWarnings, this,
            [this](const QStringList &w) { statusBar()->showMessage(w.join(QStringLiteral("; ")), 8000); });

    m_canvas->setTool(m_panTool);
    connect(m_resultsDock, &ResultsDock::zoomRequested, m_canvas, [this](const QRectF &e) { m_canvas->setExtent(e); });
    connectAnalysisResults();
    updateTitle();
    restoreLayout();
    m_resultsDock->hide(); // until results arrive
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    auto dock = [this](QWidget *w, const QString &title, const QString &name, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        addDockWidget(area, d);
        return d;
    };
    m_layerDock = dock(m_layerPanel, tr("Layers"), QStringLiteral("LayersDock"), Qt::LeftDockWidgetArea);
    m_attributeDock = dock(m_attributes, tr("Attributes"), QStringLiteral("AttributesDock"), Qt::BottomDockWidgetArea);
    m_identifyDock = dock(m_identify, tr("Identify Results"), QStringLiteral("IdentifyDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_attributeDock, m_identifyDock);
    m_resultsDock = new ResultsDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_resultsDock);
    m_scenarioDock = dock(m_scenarios->panel(), tr("Scenarios"), QStringLiteral("ScenariosDock"), Qt::LeftDockWidgetArea);
    m_attributeDock->hide();
    m_identifyDock->hide();
    resizeDocks({m_layerDock}, {280}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QStyle *st = style();
    auto action = [this](const QString &text, const QIcon &icon, const QKeySequence &key = {}) {
        auto *a = new QAction(icon, text, this);
        if (!key.isEmpty())
            a->setShortcut(key);
        return a;
    };
    QUndoStack *undo = m_doc->undoStack();
    QAction *undoAction = undo->createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setIcon(st->standardIcon(QStyle::SP_ArrowBack));
    QAction *redoAction = undo->createRedoAction(this, tr("&Redo"));
    redoAction->setShortcut(QKeySequence::Redo);
    redoAction->setIcon(st->standardIcon(QStyle::SP_ArrowForward));

    // Navigation and tools
    auto *tools = new QActionGroup(this);
    auto toolAction = [&](const QString &text, const QIcon &icon, MapTool *tool, const QKeySequence &key) {
        QAction *a = action(text, icon, key);
        a->setCheckable(true);
        tools->addAction(a);
        connect(a, &QAction::triggered, this, [this, tool] { m_canvas->setTool(tool); });
        return a;
    };
    QAction *pan = toolAction(tr("Pan"), QIcon::fromTheme(QStringLiteral("transform-move")), m_panTool, QKeySequence(Qt::Key_P));
    pan->setChecked(true);
    QAction *zoomBox = toolAction(tr("Zoom to Rectangle"), QIcon::fromTheme(QStringLiteral("zoom-select")), m_zoomTool, QKeySequence(Qt::Key_Z));
    QAction *identify = toolAction(tr("Identify Features"), st->standardIcon(QStyle::SP_MessageBoxInformation), m_identifyTool,
                                   QKeySequence(Qt::Key_I));
    QAction *select = toolAction(tr("Select by Rectangle"), QIcon::fromTheme(QStringLiteral("edit-select")), m_selectTool,
                                 QKeySequence(Qt::Key_S));
    m_measureTool = new MeasureTool(m_canvas);
    QAction *measure = toolAction(tr("Measure"), QIcon::fromTheme(QStringLiteral("measure")), m_measureTool, QKeySequence(Qt::Key_M));
    measure->setObjectName(QStringLiteral("measureAction"));
    measure->setToolTip(tr("Measure distance and area on the ellipsoid (right click ends, Esc clears)"));
    connect(m_measureTool, &MeasureTool::measured, this, [this](const QString &text) { statusBar()->showMessage(text); });
    QAction *zoomIn = action(tr("Zoom In"), QIcon::fromTheme(QStringLiteral("zoom-in")), QKeySequence::ZoomIn);
    QAction *zoomOut = action(tr("Zoom Out"), QIcon::fromTheme(QStringLiteral("zoom-out")), QKeySequence::ZoomOut);
    QAction *full = action(tr("Zoom Full"), QIcon::fromTheme(QStringLiteral("zoom-fit-best")), QKeySequence(tr("Ctrl+Shift+F")));
    QAction *back = action(tr("Previous View"), st->standardIcon(QStyle::SP_MediaSeekBackward), QKeySequence(tr("Alt+Left")));
    QAction *forward = action(tr("Next View"), st->standardIcon(QStyle::SP_MediaSeekForward), QKeySequence(tr("Alt+Right")));
    QAction *zoomLayer = action(tr("Zoom to Layer"), QIcon());
    QAction *zoomSel = action(tr("Zoom to Selection"), QIcon());
    QAction *clearSel = action(tr("Clear Selection"), QIcon());
    QAction *refresh = action(tr("Refresh"), st->standardIcon(QStyle::SP_BrowserReload), QKeySequence::Refresh);
    connect(zoomIn, &QAction::triggered, m_canvas, &MapCanvas::zoomIn);
    connect(zoomOut, &QAction::triggered, m_canvas, &MapCanvas::zoomOut);
    connect(full, &QAction::triggered, m_canvas, &MapCanvas::zoomFull);
    connect(back, &QAction::triggered, m_canvas, &MapCanvas::goBack);
    connect(forward, &QAction::triggered, m_canvas, &MapCanvas::goForward);
    connect(zoomLayer, &QAction::triggered, this, [this] { m_canvas->zoomToLayer(m_layerPanel->currentLayerId()); });
    connect(zoomSel, &QAction::triggered, m_canvas, &MapCanvas::zoomToSelection);
    connect(clearSel, &QAction::triggered, m_doc, &ProjectDocument::clearSelection);
    connect(refresh, &QAction::triggered, m_canvas, &MapCanvas::refresh);
    connect(m_canvas, &MapCanvas::historyChanged, this, [this, back, forward] {
        back->setEnabled(m_canvas->canGoBack());
        forward->setEnabled(m_canvas->canGoForward());
    });
    back->setEnabled(false);
    forward->setEnabled(false);

    // Layer actions
    QAction *properties = action(tr("Layer &Properties…"), QIcon());
    QAction *table = action(tr("Open &Attribute Table"), QIcon(), QKeySequence(tr("F6")));
    QAction *remove = action(tr("&Remove Layer"), QIcon::fromTheme(QStringLiteral("list-remove")));
    connect(properties, &QAction::triggered, this, [this] { showLayerProperties(m_layerPanel->currentLayerId()); });
    connect(table, &QAction::triggered, this, [this] { openAttributeTable(m_layerPanel->currentLayerId()); });
    connect(remove, &QAction::triggered, m_layerPanel, &LayerPanel::removeSelectedLayers);

    QAction *settings = action(tr("&Settings…"), QIcon());
    connect(settings, &QAction::triggered, this, [this] { SettingsDialog(this).exec(); });
    QAction *quit = action(tr("&Quit"), QIcon(), QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    QAction *guide = action(tr("&User Guide"), QIcon(), QKeySequence::HelpContents);
    guide->setObjectName(QStringLiteral("guideAction"));
    connect(guide, &QAction::triggered, this, [this] {
        auto *dialog = new GuideDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    QAction *about = action(tr("&About Refuge"), QIcon());
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Refuge"),
                           tr("<b>Refuge</b> %1<br>Emergency shelter and fire coverage planning.").arg(QStringLiteral(REFUGE_VERSION)));
    });

    // Menus
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_projects->newAction());
    file->addAction(m_projects->openAction());
    file->addMenu(m_projects->recentMenu());
    file->addAction(m_projects->saveAction());
    file->addAction(m_projects->saveAsAction());
    file->addSeparator();
    file->addAction(m_export->pngAction());
    file->addAction(m_export->pdfAction());
    file->addAction(m_reports->exportAction());
    file->addAction(m_analysis->openResultsAction());
    file->addSeparator();
    file->addAction(m_layouts->newAction());
    file->addAction(m_layouts->openAction());
    file->addSeparator();
    file->addAction(settings);
    file->addSeparator();
    file->addAction(quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(undoAction);
    edit->addAction(redoAction);
    edit->addSeparator();
    edit->addAction(clearSel);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QAction *a : {pan, zoomBox, identify, select, measure})
        view->addAction(a);
    view->addSeparator();
    for (QAction *a : {zoomIn, zoomOut, full, zoomLayer, zoomSel, back, forward, refresh})
        view->addAction(a);
    view->addMenu(m_bookmarks->menu());
    addAction(m_bookmarks->newAction()); // Ctrl+B before the menu was ever opened
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("Panels"));
    for (QDockWidget *d : {m_layerDock, m_scenarioDock, m_attributeDock, m_identifyDock, static_cast<QDockWidget *>(m_resultsDock)})
        panels->addAction(d->toggleViewAction());
    QMenu *layer = menuBar()->addMenu(tr("&Layer"));
    layer->addAction(m_importer->addLayerAction());
    layer->addAction(m_importer->addBasemapAction());
    layer->addAction(remove);
    layer->addSeparator();
    layer->addAction(properties);
    layer->addAction(table);
    layer->addAction(zoomLayer);
    m_analysis->addTo(menuBar()->addMenu(tr("&Analysis")));
    QMenu *scenario = menuBar()->addMenu(tr("&Scenario"));
    for (QAction *a : m_scenarios->actions()) {
        tools->addAction(a);
        scenario->addAction(a);
    }
    scenario->addSeparator();
    scenario->addAction(m_scenarios->fromSitesAction());
    scenario->addAction(m_scenarioDock->toggleViewAction());
    connect(m_scenarios, &ScenarioWorkbench::message, this, [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(guide);
    help->addAction(about);

    // Tool bars
    QToolBar *fileBar = addToolBar(tr("Project"));
    fileBar->setObjectName(QStringLiteral("ProjectToolBar"));
    fileBar->addActions({m_projects->newAction(), m_projects->openAction(), m_projects->saveAction()});
    fileBar->addSeparator();
    fileBar->addActions({undoAction, redoAction});
    fileBar->addSeparator();
    fileBar->addAction(m_importer->addLayerAction());
    QToolBar *navBar = addToolBar(tr("Map Navigation"));
    navBar->setObjectName(QStringLiteral("NavigationToolBar"));
    navBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    navBar->addActions({pan, zoomBox, zoomIn, zoomOut, full, back, forward});
    QToolBar *toolBar = addToolBar(tr("Attributes"));
    toolBar->setObjectName(QStringLiteral("AttributesToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({identify, select, clearSel, table, measure});
}

void MainWindow::connectAnalysisResults()
{
    ResultsDock *dock = m_resultsDock;
    connect(m_analysis, &AnalysisController::coverageFinished, dock, [dock](const CoverageRequest &q, const CoverageOutcome &o) {
        dock->showCoverage(q, o);
        dock->show();
        dock->raise();
    });
    connect(m_analysis, &AnalysisController::fireFinished, dock, [dock](const FireRequest &q, const FireOutcome &o) {
        dock->showFire(q, o);
        dock->show();
        dock->raise();
    });
    connect(m_analysis, &AnalysisController::compareFinished, dock, [dock](const CompareResult &r) { dock->showCompare(r); });
    connect(m_analysis, &AnalysisController::sitingFinished, dock, [dock](const SitingJobResult &r) { dock->showSiting(r); });
    connect(m_analysis, &AnalysisController::resultsDirectoryChanged, m_reports, &ReportExportController::setResultsFolder);
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — Refuge").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

void MainWindow::restoreLayout()
{
    QSettings s;
    const bool restored = restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    const QScreen *screen = QGuiApplication::primaryScreen();
    if (!screen) {
        if (!restored)
            resize(1400, 900);
        return;
    }
    // 1400 × 900 where the screen has room; never larger than the screen's free area
    // (1366 × 768 laptops: the status bar and the right edge stay on screen).
    const QRect fitted = WindowFit::fit(restored ? geometry() : QRect(QPoint(), QSize(1400, 900)), screen->availableGeometry());
    setGeometry(fitted);
}

void MainWindow::setInteractive(bool interactive)
{
    m_projects->setInteractive(interactive);
    m_bookmarks->setInteractive(interactive);
    m_importer->setAskRole(interactive);
    m_reports->setInteractive(interactive);
}

void MainWindow::openAttributeTable(const QString &layerId)
{
    if (layerId.isEmpty() || !m_doc->layerData(layerId).vector)
        return;
    m_attributes->setLayer(layerId);
    m_attributeDock->show();
    m_attributeDock->raise();
}

void MainWindow::showLayerProperties(const QString &layerId)
{
    if (layerId.isEmpty() || !m_doc->layerById(layerId))
        return;
    LayerPropertiesDialog dialog(m_doc, layerId, this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_projects->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    if (files.size() == 1 && QFileInfo(files.front()).suffix().compare(QLatin1String("refuge"), Qt::CaseInsensitive) == 0) {
        m_projects->openProject(files.front());
        return;
    }
    m_importer->addFiles(files);
}

} // namespace refuge::desktop
