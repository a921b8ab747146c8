// LayerSchema: probed layer definitions, remembered per source and modification time.
#include "analysis/framework/LayerSchema.h"

#include "io/LayerProbe.h"
#include "network/OsmSource.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <mutex>

namespace refuge {

namespace {

bool isRasterPath(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    return s == QLatin1String("tif") || s == QLatin1String("tiff") || s == QLatin1String("asc") || s == QLatin1String("img");
}

QString cacheKey(const DataSource &source)
{
    const QFileInfo info(source.path);
    return source.toString() + QLatin1Char('\n') + QString::number(info.lastModified().toMSecsSinceEpoch()) + QLatin1Char('/')
        + QString::number(info.size());
}

} // namespace

int LayerSchema::fieldIndex(const QString &name) const
{
    const int exact = int(fields.indexOf(name));
    if (exact >= 0)
        return exact;
    for (int i = 0; i < fields.size(); ++i)
        if (fields[i].compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

LayerSchema LayerSchema::of(const DataSource &source)
{
    LayerSchema schema;
    if (isRasterPath(source.path)) {
        probeDataset(source.path); // IoError naming the file when it cannot be opened
        schema.raster = true;
        return schema;
    }
    if (!isConnectionString(source.path) && OsmSource::isOsmFile(source.path)) {
        schema.skipped = true;
        return schema;
    }
    static std::mutex mutex;
    static QHash<QString, LayerSchema> known;
    const QString key = cacheKey(source);
    {
        const std::lock_guard<std::mutex> lock(mutex);
        const auto it = known.constFind(key);
        if (it != known.constEnd())
            return *it;
    }
    const LayerProbe probe = LayerProbe::of(source);
    schema.dimension = probe.dimension;
    schema.fields = probe.fields;
    schema.types = probe.types;
    schema.featureCount = probe.featureCount;
    if (!isConnectionString(source.path)) { // a database table may change under the same name
        const std::lock_guard<std::mutex> lock(mutex);
        known.insert(key, schema);
    }
    return schema;
}

} // namespace refuge
