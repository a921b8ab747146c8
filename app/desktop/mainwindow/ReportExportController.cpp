#include "mainwindow/ReportExportController.h"
#include "results/ResultFormat.h"

#include "document/ProjectDocument.h"
#include "mainwindow/ReportExportDialog.h"
#include "report/Report.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

namespace refuge::desktop {

namespace {
struct Outcome {
    QString pdf;
    QString error;
    QStringList warnings;
};
} // namespace

ReportExportController::ReportExportController(ProjectDocument *doc, QWidget *window)
    : QObject(window), m_doc(doc), m_window(window), m_action(new QAction(tr("Export &Report…"), this))
{
    m_action->setToolTip(tr("Write the reviewer's report (HTML and PDF) on analysis results"));
    connect(m_action, &QAction::triggered, this, &ReportExportController::exportReport);
    m_pool.setMaxThreadCount(1);
}

void ReportExportController::setResultsFolder(const QString &dir) { m_resultsFolder = dir; }

QString ReportExportController::writeReport(const Project &project, const QString &resultsDir, const QString &outDir, const QString &lang,
                                            bool maps, Feedback &feedback)
{
    ReportOptions options;
    options.lang = lang;
    options.maps = maps;
    Report::inputs(project, resultsDir).checkFolder(outDir, Report::fileNames());
    const Report report = Report::fromResults(project, resultsDir, options, feedback);
    if (!QDir().mkpath(outDir))
        throw IoError(fileMessage(outDir, QStringLiteral("cannot create the report folder")));
    const QDir out(outDir);
    report.writeHtml(out.path());
    const QString pdf = out.filePath(QStringLiteral("report.pdf"));
    report.writePdf(pdf);
    return pdf;
}

void ReportExportController::exportReport()
{
    if (m_running)
        return;
    ReportExportDialog dialog(m_window);
    QString results = m_resultsFolder;
    if (results.isEmpty() && !m_doc->filePath().isEmpty()) { // results written beside the project, if any
        const QString guess = QFileInfo(m_doc->filePath()).absolutePath();
        if (ReportExportDialog::checkResultsFolder(guess).isEmpty())
            results = guess;
    }
    dialog.setResultsFolder(results);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_resultsFolder = dialog.resultsFolder(); // offered again next time in this session
    start(dialog.resultsFolder(), dialog.outputFolder(), dialog.language(), dialog.includeMaps());
}

bool ReportExportController::start(const QString &resultsDir, const QString &outDir, const QString &lang, bool maps)
{
    if (m_running)
        return false;
    m_running = true;
    m_action->setEnabled(false);
    QPointer<QProgressDialog> progress; // the window may delete it first
    if (m_interactive) {
        progress = new QProgressDialog(tr("Writing the report…"), QString(), 0, 0, m_window);
        progress->setWindowTitle(tr("Export Report"));
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(300);
    }
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, progress] {
        const Outcome r = watcher->result();
        watcher->deleteLater();
        // Deleted now, not later: a deleteLater() would wait for the nested loop of the
        // message box below while the box's show-timer could still put it on top of
        // that message and take every click.
        delete progress;
        m_running = false;
        m_action->setEnabled(true);
        if (!r.error.isEmpty()) {
            if (m_interactive)
                QMessageBox::critical(m_window, tr("Export Report"), tr("The report could not be written.\n%1").arg(r.error));
            emit failed(r.error);
            return;
        }
        emit finished(r.pdf, r.warnings);
        if (!m_interactive)
            return;
        QString text = tr("Report written:\n%1\n%2\n\nOpen the PDF now?")
                           .arg(QDir::toNativeSeparators(QFileInfo(r.pdf).absoluteDir().filePath(QStringLiteral("report.html"))),
                                QDir::toNativeSeparators(r.pdf));
        if (const QStringList notes = ResultFormat::messages(r.warnings); !notes.isEmpty())
            text += QStringLiteral("\n\n") + tr("Notes:") + QStringLiteral("\n• ") + notes.join(QStringLiteral("\n• "));
        if (QMessageBox::question(m_window, tr("Export Report"), text) == QMessageBox::Yes)
            QDesktopServices::openUrl(QUrl::fromLocalFile(r.pdf));
    });
    const Project project = m_doc->project();
    watcher->setFuture(QtConcurrent::run(&m_pool, [project, resultsDir, outDir, lang, maps]() -> Outcome {
        Outcome r;
        Feedback feedback;
        try {
            r.pdf = writeReport(project, resultsDir, outDir, lang, maps, feedback);
        } catch (const Error &e) {
            r.error = e.message();
        } catch (const std::exception &e) {
            r.error = QString::fromLocal8Bit(e.what());
        }
        r.warnings = feedback.warnings();
        return r;
    }));
    return true;
}

} // namespace refuge::desktop
