// PgOutput: analysis results into a PostGIS schema in one transaction (see PgOutput.h).
#include "io/PgOutput.h"
#include "io/Gdal.h"
#include "io/OutputFile.h"
#include "model/DataSource.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

namespace refuge {

namespace {

// The value of a libpq keyword ("dbname=x", "dbname='a b'") in a keyword=value string.
QString keywordValue(const QString &connection, const QString &key)
{
    const QRegularExpression re(QStringLiteral(R"re((?:^|[\s:"])%1\s*=\s*('(?:[^'\\]|\\.)*'|[^\s|'"]+))re").arg(key),
                                QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(connection);
    if (!m.hasMatch())
        return {};
    QString v = m.captured(1);
    if (v.startsWith(QLatin1Char('\'')) && v.size() >= 2)
        v = v.mid(1, v.size() - 2).replace(QStringLiteral("\\'"), QStringLiteral("'")).replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
    return v;
}

QString identifier(const QString &name) { return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); }
QString literal(const QString &text) { return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\''); }

QString literalList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &s : items)
        quoted << literal(s);
    return quoted.join(QStringLiteral(", "));
}

// A GDAL result set, released with its dataset's ReleaseResultSet.
struct ResultSet {
    GDALDatasetH ds = nullptr;
    OGRLayerH layer = nullptr;
    ~ResultSet()
    {
        if (layer)
            GDALDatasetReleaseResultSet(ds, layer);
    }
};

} // namespace

PgOutput::PgOutput(const QString &connection) : m_connection(connection.trimmed())
{
    if (!isConnectionString(m_connection))
        throw InvalidInput(QStringLiteral("%1: not a PostgreSQL connection string (PG:...)").arg(redactedSource(m_connection)));
    if (m_connection.contains(QLatin1String("|layername="), Qt::CaseInsensitive))
        throw InvalidInput(QStringLiteral("%1: an output is a schema (schemas=NAME), not a layer; leave out |layername=").arg(redacted()));
    m_schema = schemaOf(m_connection);
}

QString PgOutput::redacted() const { return redactedSource(m_connection); }

QString PgOutput::schemaOf(const QString &connection)
{
    QString schema = keywordValue(connection, QStringLiteral("active_schema"));
    if (schema.isEmpty())
        schema = keywordValue(connection, QStringLiteral("schemas")).section(QLatin1Char(','), 0, 0).trimmed();
    if (schema.isEmpty() && connection.contains(QLatin1String("://"))) { // URI: ?active_schema=... or ?schemas=...
        const QUrlQuery query(QUrl(connection.mid(connection.indexOf(QLatin1String("postgres"), 0, Qt::CaseInsensitive))));
        schema = query.hasQueryItem(QStringLiteral("active_schema")) ? query.queryItemValue(QStringLiteral("active_schema"))
                                                                     : query.queryItemValue(QStringLiteral("schemas")).section(QLatin1Char(','), 0, 0);
    }
    return schema.isEmpty() ? QStringLiteral("public") : schema;
}

QString PgOutput::databaseKeyOf(const QString &connection)
{
    QString host, port, db;
    if (connection.contains(QLatin1String("://"))) {
        const QUrl url(connection.mid(connection.indexOf(QLatin1String("postgres"), 0, Qt::CaseInsensitive)));
        host = url.host();
        port = url.port() > 0 ? QString::number(url.port()) : QString();
        db = url.path().mid(1);
    } else {
        host = keywordValue(connection, QStringLiteral("host"));
        if (host.isEmpty())
            host = keywordValue(connection, QStringLiteral("hostaddr"));
        port = keywordValue(connection, QStringLiteral("port"));
        db = keywordValue(connection, QStringLiteral("dbname"));
    }
    // The same server under its usual local names (a unix socket, localhost, loopback).
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1")
        || host == QLatin1String("::1"))
        host = QStringLiteral("local");
    return QStringLiteral("%1:%2/%3").arg(host.toLower(), port.isEmpty() ? QStringLiteral("5432") : port, db);
}

QString PgOutput::scrubbed(const QString &message) const
{
    QString out = message;
    const QString password = keywordValue(m_connection, QStringLiteral("password"));
    if (!password.isEmpty())
        out.replace(password, QStringLiteral("***"));
    return out;
}

namespace {

// One connection (a GDAL dataset in update mode).
struct Session {
    GdalDataset ds;
    GDALDatasetH get() const { return ds.get(); }
};

// Opens the connection for writing; IoError "<redacted>: <libpq's reason>".
Session connect(const QString &connection, const QString &redacted)
{
    ensureGdal();
    resetGdalError();
    GdalErrorCollector errors;
    const char *drivers[] = {"PostgreSQL", nullptr};
    const QByteArray utf8 = connection.toUtf8();
    GDALDatasetH ds = GDALOpenEx(utf8.constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr);
    if (!ds) {
        QString reason = errors.first(QStringLiteral("PQconnectdb failed"));
        if (reason.isEmpty())
            reason = errors.failures().isEmpty() ? QStringLiteral("cannot connect") : errors.failures().front();
        throw IoError(fileMessage(redacted, QStringLiteral("cannot write results to the database: %1").arg(reason)));
    }
    return Session{GdalDataset(ds)};
}

// Runs a statement; the first column of each row it returns (as text). Throws IoError with
// PostgreSQL's message.
QStringList run(GDALDatasetH ds, const QString &sql, const QString &redacted)
{
    GdalErrorCollector errors;
    const QByteArray utf8 = sql.toUtf8();
    ResultSet rs{ds, GDALDatasetExecuteSQL(ds, utf8.constData(), nullptr, nullptr)};
    if (!errors.failures().isEmpty())
        throw IoError(fileMessage(redacted, errors.failures().front()));
    QStringList values;
    if (!rs.layer)
        return values;
    OGR_L_ResetReading(rs.layer);
    while (OgrFeature f{OGR_L_GetNextFeature(rs.layer)})
        values << QString::fromUtf8(OGR_F_GetFieldAsString(f.get(), 0));
    return values;
}

QStringList existing(GDALDatasetH ds, const QString &schema, const QStringList &tables, const QString &redacted)
{
    if (tables.isEmpty())
        return {};
    return run(ds,
               QStringLiteral("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                              "WHERE n.nspname = %1 AND c.relkind IN ('r', 'v', 'm', 'p', 'f') AND c.relname IN (%2) ORDER BY c.relname")
                   .arg(literal(schema), literalList(tables)),
               redacted);
}

// Drops a table through the driver when it knows it (so it forgets it too), else in SQL.
void dropTable(GDALDatasetH ds, const QString &schema, const QString &table, const QString &redacted)
{
    resetGdalError();
    const QByteArray name = (schema + QLatin1Char('.') + table).toUtf8();
    if (OGRLayerH l = GDALDatasetGetLayerByName(ds, name.constData())) {
        for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
            if (GDALDatasetGetLayer(ds, i) != l)
                continue;
            if (GDALDatasetDeleteLayer(ds, i) != OGRERR_NONE)
                throw IoError(fileMessage(redacted, QStringLiteral("cannot drop %1.%2: %3").arg(schema, table, lastGdalError())));
            return;
        }
    }
    run(ds, QStringLiteral("DROP TABLE IF EXISTS %1.%2 CASCADE").arg(identifier(schema), identifier(table)), redacted);
}

void copyLayer(GDALDatasetH target, const QString &schema, const PgOutput::LayerCopy &copy, const QString &redacted, Feedback &feedback)
{
    const GdalDataset source = openDataset(copy.file, GDAL_OF_VECTOR);
    OGRLayerH src = GDALDatasetGetLayerByName(source.get(), copy.layer.toUtf8().constData());
    if (!src)
        throw IoError(fileMessage(copy.file, QStringLiteral("has no layer %1").arg(copy.layer)));
    const CslList options = toCsl({QStringLiteral("SCHEMA=") + schema, QStringLiteral("GEOMETRY_NAME=geom"), QStringLiteral("FID=fid"),
                                   QStringLiteral("LAUNDER=NO"), QStringLiteral("PRECISION=NO"), QStringLiteral("OVERWRITE=NO")});
    resetGdalError();
    OGRLayerH dst = GDALDatasetCreateLayer(target, copy.table.toUtf8().constData(), OGR_L_GetSpatialRef(src), OGR_L_GetGeomType(src), options.get());
    const auto fail = [&](const QString &what) {
        return IoError(fileMessage(redacted, QStringLiteral("cannot write table %1.%2: %3 %4").arg(schema, copy.table, what, lastGdalError()).trimmed()));
    };
    if (!dst)
        throw fail(QStringLiteral("cannot create it."));
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(src);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        if (OGR_L_CreateField(dst, OGR_FD_GetFieldDefn(defn, i), FALSE) != OGRERR_NONE)
            throw fail(QStringLiteral("cannot add field %1.").arg(QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)))));
    OGR_L_ResetReading(src);
    qint64 rows = 0;
    while (OgrFeature in{OGR_L_GetNextFeature(src)}) {
        OgrFeature out(OGR_F_Create(OGR_L_GetLayerDefn(dst)));
        OGR_F_SetFrom(out.get(), in.get(), TRUE);
        OGR_F_SetFID(out.get(), OGR_F_GetFID(in.get()));
        if (OGR_L_CreateFeature(dst, out.get()) != OGRERR_NONE)
            throw fail(QStringLiteral("row %1:").arg(OGR_F_GetFID(in.get())));
        if (++rows % 4096 == 0)
            feedback.throwIfCanceled();
    }
    if (OGR_L_SyncToDisk(dst) != OGRERR_NONE)
        throw fail(QString());
}

// Rolls back the transaction unless committed (a failure, a cancel, an exception).
class Transaction {
public:
    Transaction(GDALDatasetH ds, const QString &redacted) : m_ds(ds)
    {
        resetGdalError();
        if (GDALDatasetStartTransaction(ds, FALSE) != OGRERR_NONE)
            throw IoError(fileMessage(redacted, QStringLiteral("cannot start a transaction: %1").arg(lastGdalError())));
    }
    ~Transaction()
    {
        if (!m_done)
            GDALDatasetRollbackTransaction(m_ds);
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit(const QString &redacted)
    {
        resetGdalError();
        m_done = true;
        if (GDALDatasetCommitTransaction(m_ds) != OGRERR_NONE)
            throw IoError(fileMessage(redacted, QStringLiteral("cannot commit the results: %1").arg(lastGdalError())));
    }

private:
    GDALDatasetH m_ds;
    bool m_done = false;
};

} // namespace

void PgOutput::prepare() const
{
    try {
        const Session s = connect(m_connection, redacted());
        if (run(s.get(), QStringLiteral("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = %1").arg(literal(m_schema)), redacted()).isEmpty())
            run(s.get(), QStringLiteral("CREATE SCHEMA %1").arg(identifier(m_schema)), redacted());
        const QStringList may = run(s.get(), QStringLiteral("SELECT CASE WHEN has_schema_privilege(%1, 'CREATE') THEN 'yes' ELSE 'no' END AS may")
                                                 .arg(literal(m_schema)), redacted());
        if (may.value(0) != QLatin1String("yes"))
            throw IoError(fileMessage(redacted(), QStringLiteral("schema %1 is not writable (no CREATE right for this user)").arg(m_schema)));
    } catch (const IoError &e) {
        throw IoError(scrubbed(e.message()));
    }
}

QStringList PgOutput::existingTables(const QStringList &tables) const
{
    try {
        const Session s = connect(m_connection, redacted());
        return existing(s.get(), m_schema, tables, redacted());
    } catch (const IoError &e) {
        throw IoError(scrubbed(e.message()));
    }
}

QStringList PgOutput::recordedTables(const QString &analysis) const
{
    try {
        const Session s = connect(m_connection, redacted());
        if (existing(s.get(), m_schema, {QStringLiteral("refuge_runs")}, redacted()).isEmpty())
            return {};
        return run(s.get(), QStringLiteral("SELECT DISTINCT jsonb_array_elements_text(tables) AS t FROM %1.refuge_runs WHERE analysis = %2 ORDER BY 1")
                                .arg(identifier(m_schema), literal(analysis)), redacted());
    } catch (const IoError &e) {
        throw IoError(scrubbed(e.message()));
    }
}

qint64 PgOutput::publish(const std::vector<LayerCopy> &layers, const QStringList &drop, const QString &analysis, const QJsonObject &record,
                         Feedback &feedback) const
{
    QStringList tables;
    for (const LayerCopy &l : layers)
        tables << l.table;
    try {
        const Session s = connect(m_connection, redacted());
        Transaction transaction(s.get(), redacted());
        for (const QString &table : existing(s.get(), m_schema, drop + tables, redacted()))
            dropTable(s.get(), m_schema, table, redacted());
        for (const LayerCopy &l : layers) {
            OutputFile::faultPoint("pg_layer", l.table);
            copyLayer(s.get(), m_schema, l, redacted(), feedback);
            feedback.throwIfCanceled();
        }
        run(s.get(), QStringLiteral("CREATE TABLE IF NOT EXISTS %1.refuge_runs (run_id bigserial PRIMARY KEY, analysis text NOT NULL, "
                                    "finished_at timestamptz NOT NULL DEFAULT now(), tables jsonb NOT NULL, "
                                    "complete boolean NOT NULL DEFAULT true, record jsonb NOT NULL)")
                             .arg(identifier(m_schema)), redacted());
        const QString json = scrubbed(QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)));
        const QString tablesJson = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tables)).toJson(QJsonDocument::Compact));
        const QStringList id = run(s.get(), QStringLiteral("INSERT INTO %1.refuge_runs (analysis, tables, record) VALUES (%2, %3::jsonb, %4::jsonb) RETURNING run_id")
                                                .arg(identifier(m_schema), literal(analysis), literal(tablesJson), literal(json)), redacted());
        OutputFile::faultPoint("pg_commit", redacted());
        feedback.throwIfCanceled();
        transaction.commit(redacted());
        return id.value(0).toLongLong();
    } catch (const IoError &e) { // rolled back: name the database (a failing layer names only its table)
        const QString message = e.message().startsWith(redacted()) ? e.message() : fileMessage(redacted(), e.message());
        throw IoError(scrubbed(message + QStringLiteral(" (nothing written)")));
    }
}

QStringList PgOutput::layersOf(const QString &gpkg)
{
    const GdalDataset ds = openDataset(gpkg, GDAL_OF_VECTOR);
    QStringList names;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i)
        names << QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(ds.get(), i)));
    return names;
}

} // namespace refuge
