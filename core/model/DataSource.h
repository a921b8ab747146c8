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
    QString toString() const;
    QString displayName() const; // file name + layer, for messages
};

// True for GDAL connection strings ("PG:...", "postgresql://...") rather than file paths.
bool isConnectionString(const QString &source);

} // namespace refuge
