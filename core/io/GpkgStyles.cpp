// GpkgStyles: the GeoPackage layer_styles table (see the header).
#include "io/GpkgStyles.h"
#include "io/VectorReader.h"

#include "util/Error.h"

#include <QJsonDocument>
#include <QXmlStreamReader>
#include <vector>

namespace refuge {

const QString GpkgStyles::kRefugeProperty = QStringLiteral("refuge/style");
const QString GpkgStyles::kDetailProperty = QStringLiteral("refuge/detail");

namespace {

constexpr const char *kTable = "layer_styles";

GdalDataset openForUpdate(const QString &gpkg)
{
    ensureGdal();
    resetGdalError();
    const char *drivers[] = {"GPKG", nullptr};
    GdalDataset ds(GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
    if (!ds)
        throw IoError(fileMessage(gpkg, QStringLiteral("cannot be opened to store its styles: %1").arg(lastGdalError())));
    return ds;
}

void addField(OGRLayerH layer, const char *name, OGRFieldType type, int width = 0, OGRFieldSubType sub = OFSTNone,
              const char *defaultValue = nullptr)
{
    OGRFieldDefnH fd = OGR_Fld_Create(name, type);
    OGR_Fld_SetWidth(fd, width);
    OGR_Fld_SetSubType(fd, sub);
    if (defaultValue)
        OGR_Fld_SetDefault(fd, defaultValue);
    const OGRErr err = OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
    if (err != OGRERR_NONE)
        throw IoError(QStringLiteral("cannot add field %1: %2").arg(QString::fromLatin1(name), lastGdalError()));
}

// The table as QGIS creates it (QgsOgrProviderUtils / saveStyle).
OGRLayerH styleTable(GDALDatasetH ds)
{
    if (OGRLayerH layer = GDALDatasetGetLayerByName(ds, kTable))
        return layer;
    OGRLayerH layer = GDALDatasetCreateLayer(ds, kTable, nullptr, wkbNone, nullptr);
    if (!layer)
        throw IoError(QStringLiteral("cannot create table layer_styles: %1").arg(lastGdalError()));
    addField(layer, "f_table_catalog", OFTString, 256);
    addField(layer, "f_table_schema", OFTString, 256);
    addField(layer, "f_table_name", OFTString, 256);
    addField(layer, "f_geometry_column", OFTString, 256);
    addField(layer, "styleName", OFTString, 30);
    addField(layer, "styleQML", OFTString);
    addField(layer, "styleSLD", OFTString);
    addField(layer, "useAsDefault", OFTInteger, 0, OFSTBoolean);
    addField(layer, "description", OFTString);
    addField(layer, "owner", OFTString, 30);
    addField(layer, "ui", OFTString, 30);
    addField(layer, "update_time", OFTDateTime, 0, OFSTNone, "CURRENT_TIMESTAMP");
    return layer;
}

QByteArray tableFilter(const QString &table)
{
    QString quoted = table;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral("f_table_name = '%1'").arg(quoted).toUtf8();
}

QString stringField(OGRFeatureH f, const char *name)
{
    const int i = OGR_F_GetFieldIndex(f, name);
    return i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) ? QString::fromUtf8(OGR_F_GetFieldAsString(f, i)) : QString();
}

void setString(OGRFeatureH f, const char *name, const QString &value)
{
    const int i = OGR_F_GetFieldIndex(f, name);
    if (i >= 0)
        OGR_F_SetFieldString(f, i, value.toUtf8().constData());
}

// Makes `style` its table's default: a row of the same name goes, the table's other
// rows stop being default, the new row is added. Throws IoError (no file name).
void addDefaultRow(OGRLayerH layer, const GpkgStyle &style)
{
    std::vector<GIntBig> remove;
    std::vector<OgrFeature> undefault;
    OGR_L_SetAttributeFilter(layer, tableFilter(style.table).constData());
    OGR_L_ResetReading(layer);
    const int defaultField = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "useAsDefault");
    while (OgrFeature f{OGR_L_GetNextFeature(layer)}) {
        if (stringField(f.get(), "styleName") == style.name)
            remove.push_back(OGR_F_GetFID(f.get()));
        else if (defaultField >= 0 && OGR_F_GetFieldAsInteger(f.get(), defaultField) != 0)
            undefault.push_back(std::move(f));
    }
    OGR_L_SetAttributeFilter(layer, nullptr);
    for (const GIntBig fid : remove)
        if (OGR_L_DeleteFeature(layer, fid) != OGRERR_NONE)
            throw IoError(QStringLiteral("cannot replace style '%1': %2").arg(style.name, lastGdalError()));
    for (OgrFeature &f : undefault) {
        OGR_F_SetFieldInteger(f.get(), defaultField, 0);
        if (OGR_L_SetFeature(layer, f.get()) != OGRERR_NONE)
            throw IoError(QStringLiteral("cannot update layer_styles: %1").arg(lastGdalError()));
    }
    OgrFeature row{OGR_F_Create(OGR_L_GetLayerDefn(layer))};
    setString(row.get(), "f_table_catalog", QString());
    setString(row.get(), "f_table_schema", QString());
    setString(row.get(), "f_table_name", style.table);
    setString(row.get(), "f_geometry_column", style.geometryColumn);
    setString(row.get(), "styleName", style.name);
    setString(row.get(), "styleQML", style.qml);
    setString(row.get(), "styleSLD", style.sld);
    OGR_F_SetFieldInteger(row.get(), defaultField, 1);
    setString(row.get(), "description", style.description);
    setString(row.get(), "owner", QString());
    setString(row.get(), "ui", QString());
    if (OGR_L_CreateFeature(layer, row.get()) != OGRERR_NONE)
        throw IoError(QStringLiteral("cannot add the style of %1: %2").arg(style.table, lastGdalError()));
}

} // namespace

std::map<QString, GpkgLayerInfo> GpkgStyles::layerInfos(const QString &gpkg)
{
    const GdalDataset ds = openDataset(gpkg, GDAL_OF_VECTOR);
    std::map<QString, GpkgLayerInfo> out;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(ds.get(), i);
        out.emplace(QString::fromUtf8(OGR_L_GetName(layer)),
                    GpkgLayerInfo{QString::fromUtf8(OGR_L_GetGeometryColumn(layer)), VectorReader::declaredDimension(layer)});
    }
    return out;
}

void GpkgStyles::write(const QString &gpkg, const GpkgStyle &style) { write(gpkg, std::vector<GpkgStyle>{style}); }

void GpkgStyles::write(const QString &gpkg, const std::vector<GpkgStyle> &styles)
{
    if (styles.empty())
        return;
    GdalDataset ds = openForUpdate(gpkg);
    bool inTransaction = false;
    try {
        OGRLayerH layer = styleTable(ds.get());
        if (GDALDatasetStartTransaction(ds.get(), FALSE) != OGRERR_NONE)
            throw IoError(QStringLiteral("cannot start a transaction: %1").arg(lastGdalError()));
        inTransaction = true;
        for (const GpkgStyle &style : styles)
            addDefaultRow(layer, style);
        if (GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE)
            throw IoError(QStringLiteral("cannot commit: %1").arg(lastGdalError()));
    } catch (const IoError &e) {
        if (inTransaction)
            GDALDatasetRollbackTransaction(ds.get());
        throw IoError(fileMessage(gpkg, e.message() + QStringLiteral(" (styles not stored)")));
    }
}

std::optional<GpkgStyle> GpkgStyles::readDefault(GDALDatasetH ds, const QString &table)
{
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, kTable);
    if (!layer)
        return std::nullopt;
    const int defaultField = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "useAsDefault");
    if (defaultField < 0 || OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "f_table_name") < 0)
        return std::nullopt;
    std::optional<GpkgStyle> found;
    GIntBig newest = -1;
    OGR_L_SetAttributeFilter(layer, tableFilter(table).constData());
    OGR_L_ResetReading(layer);
    while (OgrFeature f{OGR_L_GetNextFeature(layer)}) {
        if (OGR_F_GetFieldAsInteger(f.get(), defaultField) == 0 || OGR_F_GetFID(f.get()) < newest)
            continue;
        newest = OGR_F_GetFID(f.get());
        found = GpkgStyle{table, stringField(f.get(), "f_geometry_column"), stringField(f.get(), "styleName"),
                          stringField(f.get(), "styleQML"), stringField(f.get(), "styleSLD"), stringField(f.get(), "description")};
    }
    OGR_L_SetAttributeFilter(layer, nullptr);
    return found;
}

bool GpkgStyles::isStyleTable(const QString &driver, const QString &layerName)
{
    return driver == QLatin1String("GPKG") && layerName.compare(QLatin1String(kTable), Qt::CaseInsensitive) == 0;
}

QString GpkgStyles::customProperty(const QString &qml, const QString &key)
{
    QXmlStreamReader xml(qml);
    int depth = 0, inProperties = -1;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (depth-- == inProperties)
                inProperties = -1;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        ++depth;
        const QXmlStreamAttributes a = xml.attributes();
        if (xml.name() == QLatin1String("customproperties") && depth == 2)
            inProperties = depth;
        else if (inProperties > 0 && xml.name() == QLatin1String("Option") && a.value(QLatin1String("name")) == key)
            return a.value(QLatin1String("value")).toString();
        else if (inProperties > 0 && xml.name() == QLatin1String("property") && a.value(QLatin1String("key")) == key)
            return a.value(QLatin1String("value")).toString();
    }
    return {};
}

QJsonObject GpkgStyles::refugeStyle(const QString &qml)
{
    const QJsonDocument doc = QJsonDocument::fromJson(customProperty(qml, kRefugeProperty).toUtf8());
    return doc.isObject() ? doc.object() : QJsonObject();
}

} // namespace refuge
