// OsmReader (see OsmReader.h).
#include "io/OsmReader.h"
#include "io/Gdal.h"
#include "io/OgrGeometry.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <cpl_conv.h>

namespace refuge {

OsmDriverConfig::OsmDriverConfig(const QString &ini)
{
    const QByteArray utf8 = ini.toUtf8();
    CPLSetThreadLocalConfigOption("OSM_CONFIG_FILE", utf8.isEmpty() ? nullptr : utf8.constData());
}

OsmDriverConfig::~OsmDriverConfig() { CPLSetThreadLocalConfigOption("OSM_CONFIG_FILE", nullptr); }

namespace {

// A layer of the OSM file as read (WGS 84 lon/lat), every field as text.
VectorLayer layerLike(OGRLayerH layer, const QString &name, GeometryType type)
{
    VectorLayer out(name, type, Crs::fromEpsg(4326));
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (int f = 0; f < OGR_FD_GetFieldCount(defn); ++f)
        out.addField({QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, f))), FieldType::String});
    return out;
}

void addOgrFeature(VectorLayer &to, OGRFeatureH f)
{
    OGRGeometryH og = OGR_F_GetGeometryRef(f);
    if (!og || OGR_G_IsEmpty(og))
        return;
    QVariantList attributes;
    for (int i = 0; i < int(to.fields().size()); ++i)
        attributes << (OGR_F_IsFieldSetAndNotNull(f, i) ? QVariant(QString::fromUtf8(OGR_F_GetFieldAsString(f, i))) : QVariant());
    to.addFeature(fromOgr(og), attributes, OGR_F_GetFID(f));
}

} // namespace

OsmWayLayers readOsmWays(const DataSource &source, Feedback *feedback)
{
    GdalErrorCollector errors;
    GdalDataset ds = openDataset(source.path, GDAL_OF_VECTOR);
    OGRLayerH lines = GDALDatasetGetLayerByName(ds.get(), "lines");
    OGRLayerH areas = GDALDatasetGetLayerByName(ds.get(), "multipolygons");
    if (!lines)
        throw IoError(fileMessage(source.displayName(), QStringLiteral("no 'lines' layer")));
    // Only these two layers are kept while the file is read (no points, no relations
    // other than multipolygons); of the polygons only the closed ways with a highway
    // tag (not every building and land use polygon).
    if (OGRLayerH r = GDALDatasetExecuteSQL(ds.get(), areas ? "SET interest_layers = lines,multipolygons" : "SET interest_layers = lines",
                                            nullptr, nullptr))
        GDALDatasetReleaseResultSet(ds.get(), r);
    if (areas && OGR_L_SetAttributeFilter(areas, "osm_way_id IS NOT NULL AND other_tags LIKE '%\"highway\"=>%'") != OGRERR_NONE)
        throw IoError(fileMessage(source.path, errors.failures().value(0, QStringLiteral("cannot filter the OSM areas"))));
    OsmWayLayers out;
    out.hasAreas = areas != nullptr;
    out.lines = layerLike(lines, source.displayName(), GeometryType::LineString);
    if (areas)
        out.areas = layerLike(areas, QStringLiteral("osm_areas"), GeometryType::MultiPolygon);
    GDALDatasetResetReading(ds.get());
    for (qint64 n = 1;; ++n) {
        if (feedback && (n & 0xFFF) == 0)
            feedback->throwIfCanceled();
        OGRLayerH from = nullptr;
        const OgrFeature f(GDALDatasetGetNextFeature(ds.get(), &from, nullptr, nullptr, nullptr));
        if (!f)
            break;
        if (from == lines)
            addOgrFeature(out.lines, f.get());
        else if (from == areas && areas)
            addOgrFeature(out.areas, f.get());
    }
    if (!errors.failures().isEmpty())
        throw IoError(fileMessage(source.displayName(), errors.failures().front()));
    return out;
}

} // namespace refuge
