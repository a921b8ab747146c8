// ResultsFolder: the layers of a results folder (see the header).
#include "io/ResultsFolder.h"

#include "io/Gdal.h"
#include "io/GpkgStyles.h"
#include "io/VectorReader.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace refuge {

namespace {

bool isComplete(const QDir &folder)
{
    QFile f(folder.filePath(QStringLiteral("summary.json")));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("complete")).toBool();
}

void addFolder(const QDir &folder, std::vector<ResultsFolderLayer> &out)
{
    const bool complete = isComplete(folder);
    for (const QString &name : folder.entryList({QStringLiteral("*.gpkg")}, QDir::Files, QDir::Name)) {
        const QString file = folder.filePath(name);
        const GdalDataset ds = openDataset(file, GDAL_OF_VECTOR);
        const QString driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));
        for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i) {
            OGRLayerH layer = GDALDatasetGetLayer(ds.get(), i);
            const QString layerName = QString::fromUtf8(OGR_L_GetName(layer));
            if (GpkgStyles::isStyleTable(driver, layerName))
                continue;
            const std::optional<GpkgStyle> style = GpkgStyles::readDefault(ds.get(), layerName);
            const QString title = style && !style->description.isEmpty() ? style->description : layerName;
            const bool detail = style && GpkgStyles::customProperty(style->qml, GpkgStyles::kDetailProperty) == QLatin1String("true");
            out.push_back({file, layerName, title, folder.dirName(), complete, VectorReader::declaredDimension(layer), detail});
        }
    }
}

} // namespace

std::vector<ResultsFolderLayer> ResultsFolder::layers(const QString &dir)
{
    const QDir root(dir);
    if (!root.exists())
        throw IoError(fileMessage(dir, QStringLiteral("no such folder")));
    std::vector<ResultsFolderLayer> out;
    addFolder(root, out);
    for (const QString &sub : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        addFolder(QDir(root.filePath(sub)), out);
    if (out.empty())
        throw IoError(fileMessage(dir, QStringLiteral("no results GeoPackage (*.gpkg) here or in its folders")));
    return out;
}

} // namespace refuge
