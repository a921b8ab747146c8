#include "mainwindow/ExportController.h"

#include "canvas/MapCanvas.h"
#include "document/ProjectDocument.h"
#include "io/OutputFile.h"
#include "io/OutputGuard.h"
#include "render/MapRenderer.h"
#include "render/PdfText.h"
#include "util/Error.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPointer>
#include <QProgressDialog>
#include <QStatusBar>
#include <QMainWindow>
#include <QtConcurrent/QtConcurrentRun>

namespace refuge::desktop {

namespace {
void writePngSnapshot(const MapSettings &settings, const QString &path)
{
    QImage image = MapRenderer::renderImage(settings);
    const int dotsPerMetre = qRound(settings.dpi / 0.0254);
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    OutputFile output(path); // a temporary renamed when complete
    if (!image.save(output.tempPath(), "PNG"))
        throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
    output.commit();
}

void writePdfSnapshot(MapSettings settings, const QSizeF &pageMm, const QString &path, const QString &title)
{
    OutputFile output(path); // a temporary renamed when complete
    {
    QPdfWriter pdf(output.tempPath());
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("Refuge"));
    pdf.setResolution(300);
    pdf.setPageSize(QPageSize(pageMm, QPageSize::Millimeter));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    settings.dpi = 300;
    settings.outputSize = QSize(pdf.width(), pdf.height());
    QPainter painter;
    if (!painter.begin(&pdf))
        throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
    MapRenderer::render(settings, painter);
    painter.end();
    }
    PdfText::repairToUnicode(output.tempPath());
    output.commit();
}

// The path with `suffix` (appended when the name has another one, so a project or
// data file picked in the dialog is never written over), checked against the
// project's files. Empty after telling the user why not.
QString exportPath(QString path, const QString &suffix, const ProjectDocument *doc, QWidget *window)
{
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) != 0)
        path += QLatin1Char('.') + suffix;
    try {
        OutputGuard guard;
        guard.addProject(doc->project());
        guard.checkFile(path);
    } catch (const Error &e) {
        QMessageBox::critical(window, ExportController::tr("Export refused"), e.message());
        return {};
    }
    return path;
}
} // namespace

ExportController::ExportController(MapCanvas *canvas, const ProjectDocument *doc, QWidget *window)
    : QObject(window), m_canvas(canvas), m_doc(doc), m_window(window), m_png(new QAction(tr("Export View as &Image (PNG)…"), this)),
      m_pdf(new QAction(tr("Export View as &PDF…"), this))
{
    connect(m_png, &QAction::triggered, this, &ExportController::exportPng);
    connect(m_pdf, &QAction::triggered, this, &ExportController::exportPdf);
}

void ExportController::writePng(const MapCanvas *canvas, const QString &path, double dpi)
{
    const double f = dpi / 96.0;
    writePngSnapshot(canvas->mapSettings(QSize(qRound(canvas->width() * f), qRound(canvas->height() * f)), dpi), path);
}

void ExportController::writePdf(const MapCanvas *canvas, const QString &path)
{
    const QSizeF mm(canvas->width() * 25.4 / 96.0, canvas->height() * 25.4 / 96.0);
    writePdfSnapshot(canvas->mapSettings(canvas->size()), mm, path, QFileInfo(path).completeBaseName());
}

void ExportController::runInBackground(const QString &title, std::function<void()> work, const QString &path)
{
    QPointer<QProgressDialog> progress = new QProgressDialog(title, QString(), 0, 0, m_window);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, progress, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        delete progress; // now: its show-timer must not fire over the message box below
        if (!error.isEmpty())
            QMessageBox::critical(m_window, tr("Export failed"), error);
        else if (auto *mw = qobject_cast<QMainWindow *>(m_window))
            mw->statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [work = std::move(work)]() -> QString {
        try {
            work();
        } catch (const Error &e) {
            return e.message();
        } catch (const std::exception &e) {
            return QString::fromLocal8Bit(e.what());
        }
        return {};
    }));
}

void ExportController::exportPng()
{
    bool ok = false;
    const int dpi = QInputDialog::getInt(m_window, tr("Export image"), tr("Resolution (DPI):"), 300, 72, 1200, 1, &ok);
    if (!ok)
        return;
    const QString path = exportPath(QFileDialog::getSaveFileName(m_window, tr("Export image"), QString(), tr("PNG images (*.png)")),
                                     QStringLiteral("png"), m_doc, m_window);
    if (path.isEmpty())
        return;
    const double f = dpi / 96.0;
    const MapSettings settings = m_canvas->mapSettings(QSize(qRound(m_canvas->width() * f), qRound(m_canvas->height() * f)), dpi);
    runInBackground(tr("Exporting image…"), [settings, path] { writePngSnapshot(settings, path); }, path);
}

void ExportController::exportPdf()
{
    const QString path = exportPath(QFileDialog::getSaveFileName(m_window, tr("Export PDF"), QString(), tr("PDF documents (*.pdf)")),
                                    QStringLiteral("pdf"), m_doc, m_window);
    if (path.isEmpty())
        return;
    const QSizeF mm(m_canvas->width() * 25.4 / 96.0, m_canvas->height() * 25.4 / 96.0);
    const MapSettings settings = m_canvas->mapSettings(m_canvas->size());
    const QString title = QFileInfo(path).completeBaseName();
    runInBackground(tr("Exporting PDF…"), [settings, mm, path, title] { writePdfSnapshot(settings, mm, path, title); }, path);
}

} // namespace refuge::desktop
