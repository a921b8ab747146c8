#pragma once
// DataSource: where a layer comes from — a file path or GDAL connection string, plus
// an optional layer name. Parses the CLI/project form "PATH[:LAYER]" without being
// confused by Windows drive letters or "PG:" connection strings.
#include <QString>

namespace refuge {

struct DataSource {
    QString path;  // file path or GDAL connection string ("PG:dbname=...")
    QString layer; // empty: the first (or only) layer

    // "roads.gpkg:streets", "C:\\data\\a.shp", "PG:dbname=x host=y|layername=public.roads"
    static DataSource parse(const QString &text);
    QString toString() const;     // for opening: a connection string keeps its password
    QString redacted() const;     // toString() with any password as "***": for every output
    QString displayName() const; // file name + layer, for messages
};

// True for GDAL connection strings ("PG:...", "postgresql://...") rather than file paths.
bool isConnectionString(const QString &source);

// True for a web tile source: an http(s) or file URL template with {z}, {x} and {y}
// ("https://tile.openstreetmap.org/{z}/{x}/{y}.png"), or a GDAL "WMTS:" string. Such a
// source is not a file path: it is never resolved against the project folder.
bool isTileUrl(const QString &source);
// A tile URL with any access key shown as "***" ("tk=…", "key=…", "access_token=…"):
// for every message and log.
QString redactedTileUrl(const QString &source);

// Passwords go only to the connection. A source for messages and outputs: connection
// strings lose their password ("password=***", "postgresql://user:***@host"); file
// paths are returned unchanged.
QString redactedSource(const QString &source);
// The connection string without its password (and libpq's sslpassword): what a
// project file stores; the connection then relies on PGSERVICE/.pgpass or a password
// given at open.
QString withoutPassword(const QString &source);
bool hasPassword(const QString &source);
// The connection string with `password` in place of any it had.
QString withPassword(const QString &source, const QString &password);

} // namespace refuge
