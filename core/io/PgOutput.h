#pragma once
// PgOutput: analysis results into a PostGIS schema, so a bureau's planners and
// reviewers share one set of results. The target is a GDAL connection string
// ("PG:host=... dbname=... user=... schemas=refuge_results" or "active_schema=S"; the
// first schema named, else "public"). prepare() connects and creates the schema when
// missing; publish() copies GeoPackage layers into tables S.<name> and adds the run's
// record to S.refuge_runs — one row per run (analysis, finished_at, tables, complete,
// record jsonb) — all in ONE transaction: the refuge_runs row is written last and a
// failure, a cancel or a lost connection leaves neither tables nor row (PostgreSQL
// rolls the transaction back; tables it replaces stay as they were).
// Every message names the target redacted (password=***) and never carries the
// password. Through GDAL's PostgreSQL driver only. A value (the connection string);
// each call opens its own connection; any thread, one call at a time per object.
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;

class PgOutput {
public:
    // Throws InvalidInput (naming the redacted string) for a connection string that is
    // not one (or names a layer, "|layername=": an output is a schema, not a table).
    explicit PgOutput(const QString &connection);

    const QString &schema() const { return m_schema; }
    // The connection string for messages and records: the password as "***".
    QString redacted() const;
    // The host, port and database (for comparing with input connections; defaults filled).
    QString databaseKey() const { return databaseKeyOf(m_connection); }
    static QString databaseKeyOf(const QString &connection);
    // The schema a connection string names (active_schema=, else the first of schemas=), else "public".
    static QString schemaOf(const QString &connection);

    // Connects, creates the schema when it is missing and checks that the user may create
    // tables in it. Throws IoError "<redacted>: <why>" (server unreachable, refused, no right).
    void prepare() const;
    // Which of `tables` exist in the schema (tables, views...).
    QStringList existingTables(const QStringList &tables) const;
    // The tables earlier runs of `analysis` recorded in refuge_runs (none when there is no such table).
    QStringList recordedTables(const QString &analysis) const;

    struct LayerCopy {
        QString file;  // a GeoPackage
        QString layer; // its layer
        QString table; // the table it becomes (in schema())
    };
    // In one transaction: drops the tables of `drop` that exist, copies every layer
    // (fields, fids, geometries and CRS as they are) into its table, inserts the run's
    // row into refuge_runs (created when missing) and commits. Returns the row's run_id.
    // Throws IoError naming the target (nothing is left written), Canceled.
    qint64 publish(const std::vector<LayerCopy> &layers, const QStringList &drop, const QString &analysis,
                   const QJsonObject &record, Feedback &feedback) const;

    // The layers of a GeoPackage, in order.
    static QStringList layersOf(const QString &gpkg);

private:
    QString scrubbed(const QString &message) const; // the message without the password
    QString m_connection;
    QString m_schema;
};

} // namespace refuge
