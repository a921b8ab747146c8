#pragma once
// AnalysisFiles: small writers shared by the analyses' outputs — JSON documents and
// CSV tables (UTF-8, RFC 4180 quoting, '.' decimals), written atomically. Throws
// IoError naming the file. Any thread.
#include <QDir>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <vector>

namespace refuge {

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
    // Stamps summary[secondsKey] = seconds and writes DIR/summary.json.
    static void writeSummary(const QString &dir, QJsonObject &summary, const QString &secondsKey, double seconds);

    static QStringList completeSummary(QJsonObject &summary, const QJsonObject &extra, const QStringList &moreWarnings);
    // summary["dropped"]: every input feature left out ({source, fid, id, reason}), and
    // summary["input_problems"]: the lines saying so (Feedback::inputProblem).
    static void addInputProblems(QJsonObject &summary, const Feedback &feedback);
};

} // namespace refuge
