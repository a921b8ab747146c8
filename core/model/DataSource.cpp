#include "model/DataSource.h"

#include <QFileInfo>

namespace refuge {

bool isConnectionString(const QString &source)
{
    return source.startsWith(QLatin1String("PG:"), Qt::CaseInsensitive)
        || source.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive);
}

DataSource DataSource::parse(const QString &text)
{
    DataSource src;
    const int bar = text.indexOf(QLatin1String("|layername="));
    if (bar >= 0) {
        src.path = text.left(bar);
        src.layer = text.mid(bar + int(qstrlen("|layername=")));
        return src;
    }
    if (isConnectionString(text)) {
        src.path = text;
        return src;
    }
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    // A colon at index 1 is a drive letter ("C:\..."); a path ending in ":LAYER" splits
    // only when the part before it exists as a file and the whole text does not.
    if (colon > 1 && !QFileInfo::exists(text) && QFileInfo::exists(text.left(colon))) {
        src.path = text.left(colon);
        src.layer = text.mid(colon + 1);
    } else {
        src.path = text;
    }
    return src;
}

QString DataSource::toString() const
{
    if (layer.isEmpty())
        return path;
    if (isConnectionString(path))
        return path + QStringLiteral("|layername=") + layer;
    return path + QLatin1Char(':') + layer;
}

QString DataSource::displayName() const
{
    if (isConnectionString(path))
        return layer.isEmpty() ? QStringLiteral("PostGIS") : QStringLiteral("PostGIS:%1").arg(layer);
    return toString();
}

} // namespace refuge
