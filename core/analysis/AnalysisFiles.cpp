#include "analysis/AnalysisFiles.h"
#include "io/OutputFile.h"
#include "io/OutputGuard.h"
#include "util/Feedback.h"
#include "util/Error.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cmath>

namespace refuge {

namespace {

void save(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw IoError(fileMessage(path, QStringLiteral("cannot be written: %1").arg(f.errorString())));
    f.write(bytes);
    if (!f.commit())
        throw IoError(fileMessage(path, QStringLiteral("cannot be written: %1").arg(f.errorString())));
}

} // namespace

void AnalysisFiles::writeJson(const QString &path, const QJsonObject &object)
{
    save(path, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QString AnalysisFiles::csvField(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return {};
    QString s;
    if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Float) {
        const double d = v.toDouble();
        s = std::isfinite(d) ? QString::number(d, 'g', 10) : QString();
    } else if (v.typeId() == QMetaType::Bool) {
        s = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    } else {
        s = v.toString();
    }
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r')))
        s = QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

void AnalysisFiles::writeCsv(const QString &path, const QStringList &header, const std::vector<QVariantList> &rows)
{
    QString text = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const QVariantList &row : rows) {
        QStringList cells;
        for (const QVariant &v : row)
            cells << csvField(v);
        text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    save(path, text.toUtf8());
}

QStringList AnalysisFiles::completeSummary(QJsonObject &summary, const QJsonObject &extra, const QStringList &moreWarnings)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        if (!summary.contains(it.key()))
            summary.insert(it.key(), it.value());
    QJsonArray warnings = summary.value(QStringLiteral("warnings")).toArray();
    for (const QString &w : moreWarnings)
        warnings.append(w);
    summary.insert(QStringLiteral("warnings"), warnings);
    QStringList all;
    for (const QJsonValue &w : warnings)
        all << w.toString();
    return all;
}

void AnalysisFiles::addInputProblems(QJsonObject &summary, const Feedback &feedback)
{
    QJsonArray dropped;
    for (const DroppedFeature &d : feedback.droppedFeatures()) {
        QJsonObject o{{QStringLiteral("source"), d.source}, {QStringLiteral("reason"), d.reason}};
        o.insert(QStringLiteral("fid"), d.fid >= 0 ? QJsonValue(double(d.fid)) : QJsonValue());
        if (!d.id.isEmpty())
            o.insert(QStringLiteral("id"), d.id);
        dropped.append(o);
    }
    summary.insert(QStringLiteral("dropped"), dropped);
    summary.insert(QStringLiteral("input_problems"), QJsonArray::fromStringList(feedback.inputProblems()));
}

QDir AnalysisFiles::outputFolder(const QString &path)
{
    if (!QDir().mkpath(path))
        throw IoError(fileMessage(path, QStringLiteral("cannot create the output folder")));
    return QDir(path);
}

QString AnalysisFiles::summaryPath(const QString &dir) { return QDir(dir).filePath(QStringLiteral("summary.json")); }

QDir AnalysisFiles::prepareOutputFolder(const QString &dir, const QStringList &names, const OutputGuard &guard)
{
    guard.checkFolder(dir, QStringList{QStringLiteral("summary.json")} + names);
    const QDir folder = outputFolder(dir);
    removeOutputs(dir, QStringList{QStringLiteral("summary.json")} + names);
    return folder;
}

void AnalysisFiles::removeOutputs(const QString &dir, const QStringList &names)
{
    for (const QString &name : names) {
        const QString path = QDir(dir).filePath(name);
        if (!OutputFile::removeWithSideFiles(path) || !OutputFile::removeWithSideFiles(OutputFile::tempPathFor(path)))
            throw IoError(fileMessage(path, QStringLiteral("cannot remove the previous run's output")));
    }
}

void AnalysisFiles::writeSummary(const QString &dir, QJsonObject &summary, const QString &secondsKey, double seconds)
{
    summary.insert(secondsKey, seconds);
    summary.insert(QStringLiteral("complete"), true);
    writeJson(summaryPath(dir), summary);
}

QJsonObject AnalysisFiles::completeSummary(const QString &dir)
{
    QFile f(summaryPath(dir));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    return o.value(QStringLiteral("complete")).toBool() ? o : QJsonObject();
}

} // namespace refuge
