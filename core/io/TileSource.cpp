// gdalRasterName (see TileSource.h).
#include "io/TileSource.h"

#include "model/DataSource.h"
#include "util/Error.h"

#include <QDir>
#include <QStandardPaths>

namespace refuge {

namespace {

QString xmlEscaped(const QString &s) { return s.toHtmlEscaped(); }

QString cacheFolder()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty())
        return {};
    const QString dir = QDir(base).filePath(QStringLiteral("refuge/tiles"));
    return QDir().mkpath(dir) ? dir : QString();
}

// The template's "#zmax=N" (the server's highest zoom level; a fragment is never sent
// to the server), removed from `url`; kMaxTileZoom without one.
int takeMaxZoom(QString &url, const QString &source)
{
    const qsizetype hash = url.indexOf(QLatin1Char('#'));
    if (hash < 0)
        return kMaxTileZoom;
    const QString fragment = url.mid(hash + 1);
    url.truncate(hash);
    int maxZoom = kMaxTileZoom;
    for (const QString &option : fragment.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        if (!option.startsWith(QLatin1String("zmax=")))
            throw IoError(fileMessage(redactedTileUrl(source), QStringLiteral("unknown tile option '%1' after '#' (known: zmax=N)").arg(option)));
        bool ok = false;
        maxZoom = option.mid(5).toInt(&ok);
        if (!ok || maxZoom < 0 || maxZoom > kTileZoomLimit)
            throw IoError(fileMessage(redactedTileUrl(source), QStringLiteral("zmax must be a whole number from 0 to %1, not '%2'").arg(kTileZoomLimit).arg(option.mid(5))));
    }
    return maxZoom;
}

} // namespace

QString gdalRasterName(const QString &source)
{
    if (!isTileUrl(source) || source.startsWith(QLatin1String("WMTS:"), Qt::CaseInsensitive))
        return source;
    QString url = source;
    const int maxZoom = takeMaxZoom(url, source);
    if (url.contains(QLatin1String("{key}"))) {
        const QString key = qEnvironmentVariable("REFUGE_TILE_KEY");
        if (key.isEmpty())
            throw IoError(fileMessage(redactedTileUrl(source),
                                      QStringLiteral("the tile URL needs a key: set REFUGE_TILE_KEY (the key is never stored)")));
        url.replace(QLatin1String("{key}"), key);
    }
    url.replace(QLatin1String("{z}"), QLatin1String("${z}"))
        .replace(QLatin1String("{x}"), QLatin1String("${x}"))
        .replace(QLatin1String("{y}"), QLatin1String("${y}"));
    const bool local = url.startsWith(QLatin1String("file://"), Qt::CaseInsensitive);
    const QString cache = local ? QString() : cacheFolder();
    QString xml = QStringLiteral(
        "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>%1</ServerUrl></Service>"
        "<DataWindow><UpperLeftX>-20037508.342789244</UpperLeftX><UpperLeftY>20037508.342789244</UpperLeftY>"
        "<LowerRightX>20037508.342789244</LowerRightX><LowerRightY>-20037508.342789244</LowerRightY>"
        "<TileLevel>%2</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY><YOrigin>top</YOrigin></DataWindow>"
        "<Projection>EPSG:3857</Projection><BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>4</BandsCount>"
        "<MaxConnections>4</MaxConnections><Timeout>8</Timeout>"
        "<UserAgent>Refuge emergency planning GIS</UserAgent>"
        "<ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes>")
                      .arg(xmlEscaped(url), QString::number(maxZoom)); // one pass: a URL may hold "%2F"

    if (!cache.isEmpty())
        xml += QStringLiteral("<Cache><Path>%1</Path></Cache>").arg(xmlEscaped(QDir::toNativeSeparators(cache)));
    xml += QStringLiteral("</GDAL_WMS>");
    return xml;
}

} // namespace refuge
