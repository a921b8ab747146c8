#pragma once
// ReportExportController: File → Export Report… — the reviewer's report (core Report:
// HTML + PDF with the same content, English or Chinese) on the results folder of the
// last analysis run in this session (setResultsFolder) or any results folder the user
// picks. The report is built on a worker with a progress dialog; failures are shown
// naming the file and the problem; when done it offers to open the PDF. GUI thread
// only; the worker gets a copy of the project.
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

class QAction;
class QWidget;

namespace refuge {
class Feedback;
class Project;
} // namespace refuge

namespace refuge::desktop {

class ProjectDocument;

class ReportExportController : public QObject {
    Q_OBJECT
public:
    ReportExportController(ProjectDocument *doc, QWidget *window);
    QAction *exportAction() const { return m_action; }

    // The results folder of the last run (RESULTS/coverage, RESULTS/fire beneath it).
    void setResultsFolder(const QString &dir);
    const QString &resultsFolder() const { return m_resultsFolder; }
    // For unattended runs and tests: no message boxes, no offer to open the PDF.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isRunning() const { return m_running; }

    // Asks for folders and language, then starts the export.
    void exportReport();
    // Starts writing OUT/report.html (+ images) and OUT/report.pdf in the background;
    // finished() or failed() follows. Returns false if an export is already running.
    bool start(const QString &resultsDir, const QString &outDir, const QString &lang, bool maps = true);

    // Synchronous: builds and writes the report; returns the PDF path. Throws refuge::Error.
    static QString writeReport(const Project &project, const QString &resultsDir, const QString &outDir, const QString &lang, bool maps,
                               Feedback &feedback);

signals:
    void finished(const QString &pdfPath, const QStringList &warnings);
    void failed(const QString &message);

private:
    ProjectDocument *m_doc;
    QWidget *m_window;
    QAction *m_action;
    QString m_resultsFolder;
    bool m_interactive = true;
    bool m_running = false;
    QThreadPool m_pool; // the report renders maps, whose renderer uses the global pool
};

} // namespace refuge::desktop
