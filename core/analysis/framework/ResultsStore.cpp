// ResultsStore: an analysis's outputs into a folder or a PostGIS schema (see ResultsStore.h).
#include "analysis/framework/ResultsStore.h"
#include "analysis/AnalysisFiles.h"
#include "io/PgOutput.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace refuge {

namespace {

// The database tables of the run: one per layer of each GeoPackage written.
struct Publication {
    std::vector<PgOutput::LayerCopy> layers;
    QJsonObject tableOf; // layer (or "file:layer" when two GeoPackages share a name) -> table

    QStringList tables() const
    {
        QStringList t;
        for (const PgOutput::LayerCopy &l : layers)
            t << l.table;
        return t;
    }
};

QString sortedList(QStringList items)
{
    items.sort();
    return items.join(QStringLiteral(", "));
}

// Refuses an input of the run that is a table of this analysis in the output schema: the
// run would replace what it reads.
void checkInputs(const Analysis &analysis, const ParameterValues &values, const PgOutput &pg, const QString &prefix, const QStringList &tables)
{
    for (const Parameter &p : analysis.parameters()) {
        if (p.type != ParameterType::Layer || !values.has(p.name))
            continue;
        const DataSource source = values.source(p.name);
        if (!isConnectionString(source.path) || PgOutput::databaseKeyOf(source.path) != pg.databaseKey())
            continue;
        const QString schema = source.layer.contains(QLatin1Char('.')) ? source.layer.section(QLatin1Char('.'), 0, 0) : PgOutput::schemaOf(source.path);
        const QString table = source.layer.contains(QLatin1Char('.')) ? source.layer.section(QLatin1Char('.'), 1) : source.layer;
        if (schema == pg.schema() && (table.startsWith(prefix + QLatin1Char('_')) || tables.contains(table)))
            throw InvalidInput(fileMessage(pg.redacted(), QStringLiteral("table %1.%2 is an input of this run (--%3) and would be replaced by "
                                                                         "its results; write them to another schema")
                                                              .arg(pg.schema(), table, p.name)));
    }
}

void refuseExisting(const PgOutput &pg, const QStringList &existing)
{
    if (!existing.isEmpty())
        throw InvalidInput(fileMessage(pg.redacted(), QStringLiteral("tables %1 already exist in schema %2 (from another run); give "
                                                                     "--overwrite to replace them")
                                                          .arg(sortedList(existing), pg.schema())));
}

// Before anything runs: the server, the schema, and this analysis's tables from earlier runs.
QStringList checkTarget(const Analysis &analysis, const ParameterValues &values, const PgOutput &pg, bool overwrite)
{
    pg.prepare();
    checkInputs(analysis, values, pg, ResultsStore::tablePrefix(analysis), {});
    const QStringList recorded = pg.recordedTables(analysis.id());
    const QStringList existing = pg.existingTables(recorded);
    if (!overwrite)
        refuseExisting(pg, existing);
    return existing;
}

Publication tablesOf(const QString &dir, const QString &prefix, const PgOutput &pg)
{
    Publication p;
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.gpkg")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        for (const QString &layer : PgOutput::layersOf(QDir(dir).filePath(file))) {
            QString table = prefix + QLatin1Char('_') + layer;
            QString key = layer;
            if (p.tableOf.contains(layer)) { // two GeoPackages with a layer of the same name
                table = prefix + QLatin1Char('_') + QFileInfo(file).completeBaseName() + QLatin1Char('_') + layer;
                key = file + QLatin1Char(':') + layer;
            }
            if (table.size() > 63) // PostgreSQL would cut it silently
                throw InvalidInput(fileMessage(pg.redacted(), QStringLiteral("table name %1 is longer than 63 characters").arg(table)));
            p.layers.push_back({QDir(dir).filePath(file), layer, table});
            p.tableOf.insert(key, table);
        }
    }
    return p;
}

// The files the run wrote besides its GeoPackages and summary.json (CSVs...): not published.
QJsonArray filesOf(const QString &dir)
{
    QJsonArray files;
    for (const QString &f : QDir(dir).entryList(QDir::Files, QDir::Name))
        if (!f.endsWith(QLatin1String(".gpkg")) && f != QLatin1String("summary.json") && !f.startsWith(QLatin1Char('.')))
            files.append(f);
    return files;
}

// What the results model records of every run, for analyses whose summary.json does not
// (yet) hold it: the inputs with their checksums, the parameters as given, the software.
void addRunDescription(QJsonObject &record, const Analysis &analysis, const ParameterValues &values)
{
    std::vector<std::pair<QString, DataSource>> sources;
    QJsonObject parameters;
    for (const Parameter &p : analysis.parameters()) {
        if (!values.has(p.name) || p.name == QLatin1String("out"))
            continue;
        if (p.type == ParameterType::Layer) {
            sources.emplace_back(p.name, values.source(p.name));
            parameters.insert(p.name, values.source(p.name).redacted());
        } else {
            const QVariant v = values.raw(p.name);
            parameters.insert(p.name, v.typeId() == QMetaType::QStringList ? QJsonValue(QJsonArray::fromStringList(v.toStringList()))
                                                                           : AnalysisFiles::jsonValue(v));
        }
    }
    if (!record.contains(QStringLiteral("inputs")))
        record.insert(QStringLiteral("inputs"), AnalysisFiles::inputs(sources));
    if (!record.contains(QStringLiteral("parameters")))
        record.insert(QStringLiteral("parameters"), parameters);
    if (!record.contains(QStringLiteral("software")))
        record.insert(QStringLiteral("software"), AnalysisFiles::software());
}

// The run's record: summary.json as the folder had it, its outputs naming the tables.
QJsonObject recordOf(const QString &dir, const AnalysisResult &result, const Publication &p, const PgOutput &pg)
{
    QJsonObject record = AnalysisFiles::completeSummary(dir);
    if (record.isEmpty())
        record = result.summary;
    record.insert(QStringLiteral("outputs"), QJsonObject{{QStringLiteral("database"), pg.redacted()},
                                                         {QStringLiteral("schema"), pg.schema()},
                                                         {QStringLiteral("tables"), p.tableOf},
                                                         {QStringLiteral("files"), QJsonArray()},
                                                         {QStringLiteral("files_not_written"), filesOf(dir)}});
    if (!record.contains(QStringLiteral("analysis")))
        record.insert(QStringLiteral("analysis"), result.analysisId);
    record.insert(QStringLiteral("complete"), true);
    return record;
}

// The result as the front ends show it: the tables instead of the temporary folder.
void pointAtTables(AnalysisResult &r, const QString &dir, const Publication &p, const PgOutput &pg, const QString &prefix, const QJsonObject &record)
{
    const QString target = QStringLiteral("%1 (tables %2.%3_*)").arg(pg.redacted(), pg.schema(), prefix);
    const QRegularExpression path(QRegularExpression::escape(QDir(dir).absolutePath()) + QStringLiteral(R"re((/[^\s,;)]*)?)re"));
    for (QStringList *lines : {&r.report, &r.reportEnd})
        for (QString &line : *lines)
            line.replace(path, target);
    r.outDir = pg.redacted();
    for (OutputLayer &l : r.layers) {
        const QString table = p.tableOf.value(l.id).toString();
        l.file = table.isEmpty() ? QString() : pg.redacted() + QStringLiteral("|layername=") + pg.schema() + QLatin1Char('.') + table;
    }
    for (OutputTable &t : r.tables)
        t.file.clear(); // no CSV written: the rows are in the record
    r.summary = record;
}

} // namespace

bool ResultsStore::isDatabase(const QString &out) { return isConnectionString(out.trimmed()); }

QString ResultsStore::tablePrefix(const Analysis &analysis) { return analysis.id().replace(QLatin1Char('-'), QLatin1Char('_')); }

AnalysisResult ResultsStore::run(const Analysis &analysis, ParameterValues values, Feedback &feedback, bool overwrite)
{
    const QString out = values.text(QStringLiteral("out"));
    if (!isDatabase(out))
        return analysis.run(values, feedback);
    const PgOutput pg(out);
    const QString prefix = tablePrefix(analysis);
    const QStringList earlier = checkTarget(analysis, values, pg, overwrite);

    QTemporaryDir tmp(QDir::tempPath() + QStringLiteral("/refuge-out-XXXXXX"));
    if (!tmp.isValid())
        throw IoError(fileMessage(tmp.path(), QStringLiteral("cannot create a temporary folder: %1").arg(tmp.errorString())));
    const QString dir = tmp.filePath(prefix);
    values.set(QStringLiteral("out"), dir);
    AnalysisResult result = analysis.run(values, feedback);
    feedback.throwIfCanceled();

    const Publication p = tablesOf(dir, prefix, pg);
    checkInputs(analysis, values, pg, prefix, p.tables());
    if (!overwrite)
        refuseExisting(pg, pg.existingTables(p.tables()));
    QJsonObject record = recordOf(dir, result, p, pg);
    addRunDescription(record, analysis, values);
    pg.publish(p.layers, earlier, analysis.id(), record, feedback);
    pointAtTables(result, dir, p, pg, prefix, record);
    return result;
}

} // namespace refuge
