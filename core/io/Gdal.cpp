#include "io/Gdal.h"
#include "io/TileSource.h"
#include "util/Error.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <mutex>
#include <optional>

namespace refuge {

void ensureGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
        // Never write .aux.xml or other side files next to inputs.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
        // Spreadsheets are point tables with a header row (PointTable): always read the
        // first row as the column names, also when every column is text.
        CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE");
        CPLSetConfigOption("OGR_ODS_HEADERS", "FORCE");
    });
}

QString lastGdalError()
{
    const char *msg = CPLGetLastErrorMsg();
    return QString::fromUtf8(msg ? msg : "").simplified();
}

void resetGdalError() { CPLErrorReset(); }

CslList toCsl(const QStringList &items)
{
    char **list = nullptr;
    for (const QString &s : items)
        list = CSLAddString(list, s.toUtf8().constData());
    return CslList(list);
}

GdalErrorCollector::GdalErrorCollector() { CPLPushErrorHandlerEx(&GdalErrorCollector::handler, this); }

GdalErrorCollector::~GdalErrorCollector() { CPLPopErrorHandler(); }

void CPL_STDCALL GdalErrorCollector::handler(CPLErr cls, CPLErrorNum, const char *msg)
{
    auto *self = static_cast<GdalErrorCollector *>(CPLGetErrorHandlerUserData());
    if (!self || cls < CE_Warning || !msg)
        return;
    const QString text = QString::fromUtf8(msg).simplified();
    self->m_messages << text;
    if (cls >= CE_Failure)
        self->m_failures << text;
}

QString GdalErrorCollector::first(const QString &prefix) const
{
    for (const QString &m : m_messages)
        if (m.startsWith(prefix))
            return m;
    return {};
}

GdalDataset openDataset(const QString &path, unsigned flags, const QStringList &openOptions)
{
    ensureGdal();
    if (!isConnectionString(path) && !isTileUrl(path) && !path.startsWith(QLatin1String("/vsi"))) {
        const QFileInfo info(path);
        if (!info.exists())
            throw IoError(fileMessage(path, QStringLiteral("no such file")));
        if (info.isDir() && !(flags & GDAL_OF_VECTOR))
            throw IoError(fileMessage(path, QStringLiteral("is a directory, not a data file")));
        if (info.isDir() && info.suffix().compare(QLatin1String("gdb"), Qt::CaseInsensitive) != 0) {
            // GDAL opens a folder of shapefiles and a File Geodatabase; anything else is a user error.
            bool hasShp = false;
            for (const QFileInfo &f : QDir(path).entryInfoList(QDir::Files))
                hasShp = hasShp || f.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0;
            if (!hasShp)
                throw IoError(fileMessage(path, QStringLiteral("is a directory, not a data file")));
        }
        if (!info.isReadable())
            throw IoError(fileMessage(path, QStringLiteral("cannot be read (permission denied)")));
        if (info.isFile() && info.size() == 0)
            throw IoError(fileMessage(path, QStringLiteral("is empty (0 bytes)")));
    }
    resetGdalError();
    const CslList options = toCsl(openOptions);
    const QByteArray utf8 = gdalRasterName(path).toUtf8();
    // The PostgreSQL driver ends with "Couldn't establish a database connection"; libpq's
    // reason before it says why (no password supplied, authentication failed...). Only
    // there: a collector hides the messages from an outer one (a file's CRS warnings).
    std::optional<GdalErrorCollector> errors;
    if (isConnectionString(path))
        errors.emplace();
    GDALDatasetH ds = GDALOpenEx(utf8.constData(), flags | GDAL_OF_READONLY, nullptr, options.get(), nullptr);
    if (!ds) {
        QString reason = lastGdalError();
        if (errors && !errors->first(QStringLiteral("PQconnectdb failed")).isEmpty())
            reason = errors->first(QStringLiteral("PQconnectdb failed"));
        if (reason.isEmpty())
            reason = QStringLiteral("not a format GDAL can read");
        else if (reason.contains(QLatin1String("malformed")) || reason.contains(QLatin1String("not a database"))
                 || reason.contains(QLatin1String("truncated"), Qt::CaseInsensitive))
            reason = QStringLiteral("truncated or corrupt file (%1)").arg(reason);
        throw IoError(fileMessage(redactedSource(path), reason));
    }
    return GdalDataset(ds);
}

DatasetKind probeDataset(const QString &path)
{
    if (isTileUrl(path))
        return {false, true};
    // Vector drivers first: with both flags a raster driver that claims the file and
    // then fails (XYZ on a CSV of x/y points: "Couldn't determine X spacing") ends the
    // search before the vector driver that would have read it.
    try {
        GdalDataset vds = openDataset(path, GDAL_OF_VECTOR);
        if (GDALDatasetGetLayerCount(vds.get()) > 0)
            return {true, GDALGetRasterCount(vds.get()) > 0};
    } catch (const IoError &) {
        // Not a vector source (or a broken one): the combined open below names the problem.
    }
    GdalDataset ds = openDataset(path, GDAL_OF_VECTOR | GDAL_OF_RASTER);
    DatasetKind kind;
    kind.vector = GDALDatasetGetLayerCount(ds.get()) > 0;
    kind.raster = GDALGetRasterCount(ds.get()) > 0;
    if (!kind.vector && !kind.raster)
        throw IoError(fileMessage(redactedSource(path), QStringLiteral("contains no vector layer and no raster band")));
    return kind;
}

} // namespace refuge
