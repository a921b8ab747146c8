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
#include "util/Feedback.h"

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
#include <QProgressDialog>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
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

LayoutDesigner::~LayoutDesigner()
{
    if (m_running)
        m_running->cancel();
}

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
    m_exportAtlas = new QAction(tr("Export &Atlas…"), this);
    auto *print = new QAction(tr("&Print…"), this);
    print->setShortcut(QKeySequence::Print);
    auto *save = new QAction(tr("&Save to Project…"), this);
    connect(fit, &QAction::triggered, this, &LayoutDesigner::fitPage);
    connect(exportAction, &QAction::triggered, this, &LayoutDesigner::exportInteractive);
    connect(m_exportAtlas, &QAction::triggered, this, &LayoutDesigner::exportAtlasInteractive);
    connect(m_atlas, &AtlasPreview::contextChanged, this, [this] { m_exportAtlas->setEnabled(m_atlas->pageCount() > 0); });
    m_exportAtlas->setEnabled(m_atlas->pageCount() > 0);
    connect(print, &QAction::triggered, this, &LayoutDesigner::printInteractive);
    connect(save, &QAction::triggered, this, &LayoutDesigner::saveInteractive);
    QToolBar *bar = addToolBar(tr("Layout"));
    bar->setObjectName(QStringLiteral("LayoutToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({undo, redo, fit});
    bar->addSeparator();
    bar->addActions({exportAction, m_exportAtlas, print, save});
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

std::pair<AtlasPlan, AtlasOptions> LayoutDesigner::planAtlas(const QString &path) const
{
    if (m_atlas->pageCount() == 0)
        throw InvalidInput(tr("No atlas: choose a coverage layer first"));
    OutputGuard guard;
    guard.addProject(m_project->project());
    guard.checkFile(path);
    const QFileInfo file(path);
    AtlasOptions options;
    options.coverageLayerId = m_atlas->coverageLayer();
    options.nameField = m_atlas->nameField();
    options.singleFile = true;
    options.outDir = file.absolutePath();
    options.singleFileName = file.fileName();
    AtlasPlan plan = Atlas::plan(m_layout->layout(), m_atlas->baseContext(), options);
    m_atlas->fillCommunityPages(plan);
    return {std::move(plan), std::move(options)};
}

AtlasResult LayoutDesigner::exportAtlasTo(const QString &path, Feedback *feedback) const
{
    const auto [plan, options] = planAtlas(path);
    return Atlas::write(m_layout->layout(), plan, options, feedback);
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

void LayoutDesigner::exportAtlasInteractive()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export atlas"), m_layout->layout().name, tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0)
        path += QStringLiteral(".pdf");
    std::pair<AtlasPlan, AtlasOptions> job;
    if (!reportErrors(this, tr("Export failed"), [&] { job = planAtlas(path); }))
        return;
    QPointer<QProgressDialog> progress = new QProgressDialog(tr("Exporting atlas…"), tr("Cancel"), 0, 100, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    auto feedback = std::make_shared<Feedback>([this, progress](double percent) {
        QMetaObject::invokeMethod(this, [progress, percent] {
            if (progress)
                progress->setValue(qRound(percent));
        });
    });
    m_running = feedback;
    connect(progress, &QProgressDialog::canceled, this, [feedback] { feedback->cancel(); });
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, progress, path] {
        const QString message = watcher->result();
        watcher->deleteLater();
        delete progress;
        m_running.reset();
        if (message.isEmpty())
            statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
        else
            QMessageBox::warning(this, tr("Export atlas"), message);
    });
    const PrintLayout layout = m_layout->layout();
    watcher->setFuture(QtConcurrent::run(&m_pool, [layout, job = std::move(job), feedback]() -> QString {
        try {
            const AtlasResult result = Atlas::write(layout, job.first, job.second, feedback.get());
            QStringList lines;
            for (const AtlasFailure &f : result.failures)
                lines << f.message;
            return lines.isEmpty() ? QString() : tr("%n page(s) failed:", nullptr, int(lines.size())) + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
        } catch (const Error &e) {
            return e.message();
        } catch (const Canceled &) {
            return tr("Canceled: no atlas file was written");
        }
    }));
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
