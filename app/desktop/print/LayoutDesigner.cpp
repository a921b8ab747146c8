// LayoutDesigner: the print layout window (see the header).
#include "print/LayoutDesigner.h"

#include "document/ProjectDocument.h"
#include "io/OutputGuard.h"
#include "print/AtlasPreview.h"
#include "print/ItemPropertiesPanel.h"
#include "print/LayoutCommands.h"
#include "print/LayoutDocument.h"
#include "print/LayoutScene.h"
#include "print/ProjectLayouts.h"
#include "util/Error.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsView>
#include <QInputDialog>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace refuge::desktop {

namespace {
constexpr double ExportDpi = 150; // images (.png, .tif); PDF and SVG stay vector

// Runs `work`, showing an Error's message in a box titled `title`. Returns whether it succeeded.
template <typename Work>
bool reportErrors(QWidget *window, const QString &title, Work work)
{
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        work();
        QApplication::restoreOverrideCursor();
        return true;
    } catch (const Error &e) {
        QApplication::restoreOverrideCursor();
        QMessageBox::critical(window, title, e.message());
    }
    return false;
}
} // namespace

LayoutDesigner::LayoutDesigner(ProjectDocument *project, PrintLayout layout, QWidget *parent)
    : QMainWindow(parent), m_project(project), m_layout(new LayoutDocument(std::move(layout), this)),
      m_scene(new LayoutScene(m_layout, this)), m_view(new QGraphicsView(m_scene, this)),
      m_panel(new ItemPropertiesPanel(m_layout, this)), m_atlas(new AtlasPreview(project, m_layout, this))
{
    setObjectName(QStringLiteral("LayoutDesigner"));
    setWindowTitle(tr("Print Layout — %1").arg(m_layout->layout().name));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->addWidget(m_atlas);
    column->addWidget(m_view, 1);
    setCentralWidget(central);
    auto *dock = new QDockWidget(tr("Item Properties"), this);
    dock->setObjectName(QStringLiteral("ItemPropertiesDock"));
    dock->setFeatures(QDockWidget::NoDockWidgetFeatures);
    dock->setWidget(m_panel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    createActions();
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] { m_panel->setItem(m_scene->selectedIndex()); });
    connect(m_atlas, &AtlasPreview::contextChanged, this, [this] { m_scene->setContext(m_atlas->context()); });
    m_scene->setContext(m_atlas->context());
    resize(1100, 820);
}

LayoutDesigner::~LayoutDesigner() = default;

void LayoutDesigner::createActions()
{
    QStyle *st = style();
    QAction *undo = m_layout->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(st->standardIcon(QStyle::SP_ArrowBack));
    QAction *redo = m_layout->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(st->standardIcon(QStyle::SP_ArrowForward));
    auto *fit = new QAction(tr("Fit Page"), this);
    auto *exportAction = new QAction(st->standardIcon(QStyle::SP_DialogSaveButton), tr("&Export…"), this);
    auto *print = new QAction(tr("&Print…"), this);
    print->setShortcut(QKeySequence::Print);
    auto *save = new QAction(tr("&Save to Project…"), this);
    connect(fit, &QAction::triggered, this, &LayoutDesigner::fitPage);
    connect(exportAction, &QAction::triggered, this, &LayoutDesigner::exportInteractive);
    connect(print, &QAction::triggered, this, &LayoutDesigner::printInteractive);
    connect(save, &QAction::triggered, this, &LayoutDesigner::saveInteractive);
    QToolBar *bar = addToolBar(tr("Layout"));
    bar->setObjectName(QStringLiteral("LayoutToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({undo, redo, fit});
    bar->addSeparator();
    bar->addActions({exportAction, print, save});
}

void LayoutDesigner::fitPage() { m_view->fitInView(m_layout->pageRectMm().adjusted(-4, -4, 4, 4), Qt::KeepAspectRatio); }

void LayoutDesigner::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitPage();
}

void LayoutDesigner::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    fitPage();
}

void LayoutDesigner::exportTo(const QString &path) const
{
    OutputGuard guard;
    guard.addProject(m_project->project());
    guard.checkFile(path);
    PrintRenderer::writePage(m_layout->layout(), m_atlas->context(), ExportDpi, path);
}

void LayoutDesigner::setUpPrinter(QPrinter &printer) const
{
    const PrintLayout &layout = m_layout->layout();
    const QSizeF page = layout.pageSizeMm();
    const bool landscape = page.width() > page.height();
    printer.setPageSize(QPageSize(landscape ? page.transposed() : page, QPageSize::Millimeter));
    printer.setPageOrientation(landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
    printer.setFullPage(true);
    printer.setPageMargins(QMarginsF(0, 0, 0, 0));
    printer.setDocName(layout.name);
}

void LayoutDesigner::printTo(QPrinter &printer) const
{
    QPainter painter;
    if (!painter.begin(&printer))
        throw IoError(tr("The printer cannot be opened"));
    PrintRenderer::render(m_layout->layout(), m_atlas->context(), painter, printer.resolution());
    painter.end();
}

void LayoutDesigner::saveToProject(const QString &name)
{
    std::vector<PrintLayout> layouts = ProjectLayouts::read(m_project->project());
    PrintLayout layout = m_layout->layout();
    layout.name = name.trimmed();
    auto same = std::find_if(layouts.begin(), layouts.end(), [&](const PrintLayout &l) { return l.name == layout.name; });
    if (same != layouts.end())
        *same = layout;
    else
        layouts.push_back(layout);
    m_project->undoStack()->push(new StoreLayoutsCommand(m_project, std::move(layouts), tr("Save print layout %1").arg(layout.name)));
    m_layout->setName(layout.name);
    setWindowTitle(tr("Print Layout — %1").arg(layout.name));
    if (!m_project->filePath().isEmpty())
        m_project->save(m_project->filePath());
}

void LayoutDesigner::exportInteractive()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export layout"), m_layout->layout().name,
                                                tr("PDF documents (*.pdf);;PNG images (*.png);;SVG drawings (*.svg);;TIFF images (*.tif)"));
    if (path.isEmpty())
        return;
    if (!PrintRenderer::pageSuffixes().contains(QFileInfo(path).suffix().toLower()))
        path += QStringLiteral(".pdf");
    if (reportErrors(this, tr("Export failed"), [&] { exportTo(path); }))
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void LayoutDesigner::printInteractive()
{
    QPrinter printer(QPrinter::HighResolution);
    setUpPrinter(printer);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reportErrors(this, tr("Print failed"), [&] { printTo(printer); });
}

void LayoutDesigner::saveInteractive()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save layout to project"), tr("Layout name:"), QLineEdit::Normal,
                                               m_layout->layout().name, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (reportErrors(this, tr("Save failed"), [&] { saveToProject(name); }))
        statusBar()->showMessage(tr("Layout %1 saved in the project").arg(name.trimmed()), 5000);
}

} // namespace refuge::desktop
