#pragma once
// Report: the reviewer's report on a project's results — inputs (files, feature counts,
// SHA-256), parameters and standards profile (every value with source, clause and
// status), software version and date, headline figures, tables per area and per
// shelter/station with pass/fail and clause, maps (core renderer) and bar charts —
// in English or Chinese. One HTML document is built and written both as report.html
// (with its PNG images beside it) and as report.pdf (QTextDocument on QPdfWriter, CJK
// font embedded), so the two always carry the same content.
//
// Built from the result folders the commands write (RESULTS/coverage, RESULTS/fire),
// so a report can be re-made from saved results: from each folder's results model
// (summary.json: figures, checks, tables, output layers — AnalysisFiles), never from
// the CSVs, which are for people. Needs a QGuiApplication (fonts); synchronous; one
// thread at a time per Report.
#include "io/OutputGuard.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace refuge {

class Feedback;
class Project;

struct ReportOptions {
    QString lang = QStringLiteral("en");               // "en" or "zh"
    QString fontFamily = QStringLiteral("Noto Sans CJK SC");
    bool maps = true;
    QString date;                                       // ISO date-time; empty = now (UTC)
};

class Report {
public:
    // Reads only complete results (summary.json with "complete": true, written last);
    // an analysis folder without that mark (failed or killed midway) is skipped with a
    // warning naming it. Throws IoError naming the folder when no complete result is left,
    // and naming summary.json when it was written by an older Refuge (re-run the analysis).
    static Report fromResults(const Project &project, const QString &resultsDir, const ReportOptions &options, Feedback &feedback);

    const QString &html() const { return m_html; }
    const std::vector<std::pair<QString, QImage>> &images() const { return m_images; }
    // DIR/report.html + DIR/<image>.png. Throws IoError.
    void writeHtml(const QString &dir) const;
    // A4 portrait PDF. Throws IoError.
    void writePdf(const QString &path) const;
    // Every file name writeHtml() and the PDF of the CLI (report.pdf) may write.
    static QStringList fileNames();
    // What a report reads — the project, its layers' sources and the result files — for
    // the check of its output folder: guard.checkFolder(out, fileNames()).
    static OutputGuard inputs(const Project &project, const QString &resultsDir);

private:
    QString m_html;
    QString m_title;
    QString m_fontFamily;
    std::vector<std::pair<QString, QImage>> m_images;
};

} // namespace refuge
