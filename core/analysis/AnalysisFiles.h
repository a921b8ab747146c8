#pragma once
// AnalysisFiles: small writers shared by the analyses' outputs — JSON documents and
// CSV tables (UTF-8, RFC 4180 quoting, '.' decimals), written atomically — and the
// results model: each analysis folder's summary.json, written last with "complete": true,
// is the one record of a run that the report, the desktop and `refuge-cli report` read —
// figures, checks, warnings, parameters, software versions, the tables (the same rows as
// the CSVs, which are for people and never read back) and the output files and layers.
// Throws IoError naming the file. Any thread.
#include "model/DataSource.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <utility>
#include <vector>

namespace refuge {

class OutputGuard;
class Feedback;

class AnalysisFiles {
public:
    static void writeJson(const QString &path, const QJsonObject &object);
    // rows[i] has header.size() values; doubles are written with up to 10 significant digits.
    static void writeCsv(const QString &path, const QStringList &header, const std::vector<QVariantList> &rows);
    static QString csvField(const QVariant &v);

    // A job's summary: keys of `extra` the analysis did not set are added, `moreWarnings`
    // appended to summary["warnings"]; returns every warning as a string.
    // Creates an output folder (and its parents); IoError naming it when it cannot.
    static QDir outputFolder(const QString &path);
    // Before an analysis writes into `dir` (and before anything can fail): refuses
    // (InvalidInput naming the file) when the folder, summary.json or one of `names` is
    // an input of the run, creates the folder, and removes this analysis's previous
    // outputs — summary.json, the completion mark, first — with their temporaries, so a
    // failed run never leaves the previous run's figures behind. Only the files named
    // (Refuge's own) are touched.
    static QDir prepareOutputFolder(const QString &dir, const QStringList &names, const OutputGuard &guard);
    // The removal part alone (no check, no folder created): `names` in order (the
    // completion mark first), each with its temporaries. Throws IoError naming a file
    // it cannot remove.
    static void removeOutputs(const QString &dir, const QStringList &names);
    // Stamps summary[secondsKey] = seconds and "complete": true, and writes
    // DIR/summary.json: the last file of a run, the mark that the folder is complete.
    static void writeSummary(const QString &dir, QJsonObject &summary, const QString &secondsKey, double seconds);
    // DIR/summary.json when it carries "complete": true; empty when it is missing or
    // incomplete (a run that failed or was killed midway). Results are read only so.
    static QJsonObject completeSummary(const QString &dir);
    static QString summaryPath(const QString &dir);

    static QStringList completeSummary(QJsonObject &summary, const QJsonObject &extra, const QStringList &moreWarnings);

    // --- The results model (summary.json "results_format": kResultsFormat) ---
    static constexpr int kResultsFormat = 2;
    // A table as JSON: {"columns": header, "rows": [[value, ...], ...]}; numbers that are
    // not finite and invalid values become null.
    static QJsonObject table(const QStringList &header, const std::vector<QVariantList> &rows);
    static QJsonValue jsonValue(const QVariant &value);
    // {"refuge", "qt", "gdal", "geos", "proj"}: the versions that made the results.
    static QJsonObject software();
    // Adds to a job's summary what the results model holds beyond the figures: the format,
    // the software, the tables ({name: table()}), the files written and the layers of each
    // GeoPackage ({file: [layer, ...]}).
    static void addResultsModel(QJsonObject &summary, const QJsonObject &tables, const QStringList &files, const QJsonObject &layers);
    // The inputs a run read, each {"role", "source" (redacted), "layer", "bytes",
    // "xxh3_128"}: the file's size and XXH3 128-bit checksum (`xxhsum -H2 FILE` gives the
    // same), none for a connection string. Empty sources are left out; a file read by
    // several roles is hashed once. Fast (GB/s), so every run can afford it.
    static QJsonArray inputs(const std::vector<std::pair<QString, DataSource>> &roleSources);
    // The complete results in `dir` (as completeSummary(dir)), checked to carry the
    // results model: empty when there are none (missing or incomplete), IoError naming
    // summary.json when they were written by an older Refuge (re-run the analysis).
    static QJsonObject readResults(const QString &dir);
    // summary["dropped"]: every input feature left out ({source, fid, id, reason}), and
    // summary["input_problems"]: the lines saying so (Feedback::inputProblem).
    static void addInputProblems(QJsonObject &summary, const Feedback &feedback);
};

} // namespace refuge
