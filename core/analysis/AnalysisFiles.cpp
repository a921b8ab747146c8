#include "analysis/AnalysisFiles.h"
#include "io/OutputFile.h"
#include "io/OutputGuard.h"
#include "io/VectorWriter.h"
#include "util/Feedback.h"
#include "util/Error.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cmath>
#include <geos_c.h>
#include <memory>
#include <proj.h>
#include <xxhash.h>

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

QJsonValue AnalysisFiles::jsonValue(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QJsonValue();
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        return std::isfinite(d) ? QJsonValue(d) : QJsonValue();
    }
    default:
        return v.toString();
    }
}

QJsonObject AnalysisFiles::table(const QStringList &header, const std::vector<QVariantList> &rows)
{
    QJsonArray out;
    for (const QVariantList &row : rows) {
        QJsonArray cells;
        for (const QVariant &v : row)
            cells.append(jsonValue(v));
        out.append(cells);
    }
    return QJsonObject{{QStringLiteral("columns"), QJsonArray::fromStringList(header)}, {QStringLiteral("rows"), out}};
}

QJsonObject AnalysisFiles::software()
{
    const PJ_INFO proj = proj_info();
    return QJsonObject{{QStringLiteral("refuge"), QStringLiteral(REFUGE_VERSION)},
                       {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
                       {QStringLiteral("gdal"), VectorWriter::gdalVersion()},
                       {QStringLiteral("geos"), QString::fromLatin1(GEOSversion())},
                       {QStringLiteral("proj"), QString::fromLatin1(proj.version)}};
}

void AnalysisFiles::addResultsModel(QJsonObject &summary, const QJsonObject &tables, const QStringList &files, const QJsonObject &layers)
{
    summary.insert(QStringLiteral("results_format"), kResultsFormat);
    summary.insert(QStringLiteral("software"), software());
    summary.insert(QStringLiteral("tables"), tables);
    summary.insert(QStringLiteral("outputs"), QJsonObject{{QStringLiteral("files"), QJsonArray::fromStringList(files)},
                                                          {QStringLiteral("layers"), layers}});
}

namespace {

// XXH3 128-bit of a file as 32 hex digits (xxhsum -H2), empty when it cannot be read.
QString xxh128(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    struct FreeState {
        void operator()(XXH3_state_t *s) const { XXH3_freeState(s); }
    };
    std::unique_ptr<XXH3_state_t, FreeState> state(XXH3_createState());
    XXH3_128bits_reset(state.get());
    if (const uchar *mapped = f.size() > 0 ? f.map(0, f.size()) : nullptr) { // no copy: ~4x less CPU than reading
        XXH3_128bits_update(state.get(), mapped, std::size_t(f.size()));
        f.unmap(const_cast<uchar *>(mapped));
    } else {
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        for (qint64 n; (n = f.read(buffer.data(), buffer.size())) > 0;)
            XXH3_128bits_update(state.get(), buffer.constData(), std::size_t(n));
    }
    const XXH128_hash_t h = XXH3_128bits_digest(state.get());
    return QStringLiteral("%1%2").arg(h.high64, 16, 16, QLatin1Char('0')).arg(h.low64, 16, 16, QLatin1Char('0'));
}

} // namespace

QJsonArray AnalysisFiles::inputs(const std::vector<std::pair<QString, DataSource>> &roleSources)
{
    QJsonArray out;
    QHash<QString, QString> sums;
    for (const auto &[role, source] : roleSources) {
        if (source.path.isEmpty())
            continue;
        QJsonObject o{{QStringLiteral("role"), role}, {QStringLiteral("source"), source.redacted()}, {QStringLiteral("layer"), source.layer}};
        if (!isConnectionString(source.path)) {
            const QString path = QFileInfo(source.path).absoluteFilePath();
            if (!sums.contains(path))
                sums.insert(path, xxh128(path));
            o.insert(QStringLiteral("bytes"), double(QFileInfo(path).size()));
            o.insert(QStringLiteral("xxh3_128"), sums.value(path));
        }
        out.append(o);
    }
    return out;
}

QJsonObject AnalysisFiles::readResults(const QString &dir)
{
    const QJsonObject summary = completeSummary(dir);
    if (summary.isEmpty())
        return summary;
    const bool model = summary.value(QStringLiteral("results_format")).toInt() >= kResultsFormat
        && summary.value(QStringLiteral("tables")).isObject() && summary.value(QStringLiteral("outputs")).isObject();
    if (!model)
        throw IoError(fileMessage(summaryPath(dir), QStringLiteral("results written by an older version of Refuge (no tables in "
                                                                   "summary.json); re-run the analysis to report on them")));
    return summary;
}

} // namespace refuge
