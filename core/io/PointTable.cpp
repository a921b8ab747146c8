// PointTable (see PointTable.h): coordinate columns by name, rows read and checked,
// then copied into a GDAL "Memory" layer of points.
#include "io/PointTable.h"
#include "crs/ChinaOffsets.h"
#include "util/Error.h"

#include <QLocale>
#include <QPointF>
#include <QRegularExpression>
#include <QStringList>
#include <cmath>
#include <vector>

namespace refuge {

namespace {

const QStringList kLon = {QStringLiteral("经度"), QStringLiteral("东经"), QStringLiteral("lon"), QStringLiteral("lng"),
                          QStringLiteral("long"), QStringLiteral("longitude")};
const QStringList kLat = {QStringLiteral("纬度"), QStringLiteral("北纬"), QStringLiteral("lat"), QStringLiteral("latitude")};
const QStringList kX = {QStringLiteral("x"), QStringLiteral("easting"), QStringLiteral("x坐标")};
const QStringList kY = {QStringLiteral("y"), QStringLiteral("northing"), QStringLiteral("y坐标")};

// "经度（WGS84）" and " Lng " both name 经度 / lng.
QString normalised(const QString &header)
{
    static const QRegularExpression unit(QStringLiteral(R"([\(（\[【].*[\)）\]】]\s*$)"));
    QString s = header.trimmed().toLower();
    s.remove(unit);
    return s.trimmed();
}

int findField(OGRFeatureDefnH defn, const QStringList &names)
{
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        if (names.contains(normalised(QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))))))
            return i;
    return -1;
}

QString fieldName(OGRFeatureDefnH defn, int i) { return QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))); }

struct Row {
    OgrFeature feature;
    bool usable = false;
    double x = 0, y = 0;
};

// One coordinate cell: true with its value, or false with the reason.
bool readCoordinate(OGRFeatureH f, int field, const QString &name, double &value, QString &problem)
{
    if (!OGR_F_IsFieldSetAndNotNull(f, field)) {
        problem = QStringLiteral("%1 is empty").arg(name);
        return false;
    }
    const OGRFieldType type = OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, field));
    bool ok = true;
    const QString text = QString::fromUtf8(OGR_F_GetFieldAsString(f, field)).trimmed();
    value = type == OFTReal || type == OFTInteger || type == OFTInteger64 ? OGR_F_GetFieldAsDouble(f, field)
                                                                          : QLocale::c().toDouble(text, &ok);
    if (text.isEmpty())
        problem = QStringLiteral("%1 is empty").arg(name);
    else if (!ok || !std::isfinite(value))
        problem = QStringLiteral("%1 '%2' is not a number").arg(name, text.left(40));
    return problem.isEmpty();
}

bool fits(double x, double y, bool chinaOffset)
{
    return std::abs(x) <= 180 && std::abs(y) <= 90 && (!chinaOffset || isInsideChinaOffsetArea(QPointF(x, y)));
}

// Refuses coordinates that fit only with the columns exchanged (see PointTable.h).
void refuseSwapped(const std::vector<Row> &rows, const PointTableColumns &c, const Crs &stated, qint64 rowOffset, const QString &display)
{
    const bool offset = stated.chinaOffset().has_value();
    const Row *firstBad = nullptr;
    bool swappedFit = true;
    for (const Row &r : rows) {
        if (!r.usable)
            continue;
        if (!firstBad && !fits(r.x, r.y, offset))
            firstBad = &r;
        swappedFit = swappedFit && fits(r.y, r.x, offset);
    }
    if (!firstBad || !swappedFit)
        return;
    const QString why = std::abs(firstBad->y) > 90 || std::abs(firstBad->x) > 180
        ? QStringLiteral("has a latitude beyond ±90°")
        : QStringLiteral("lies outside China, where %1 is defined").arg(chinaOffsetName(*stated.chinaOffset()));
    throw InvalidInput(fileMessage(display, QStringLiteral("the %1 and %2 columns look swapped: row %3 (%4, %5) %6 as given, while every row fits "
                                                           "with the two exchanged; exchange the column headers")
                                                .arg(c.xName, c.yName)
                                                .arg(OGR_F_GetFID(firstBad->feature.get()) + rowOffset)
                                                .arg(firstBad->x, 0, 'g', 10)
                                                .arg(firstBad->y, 0, 'g', 10)
                                                .arg(why)));
}

// An empty in-memory dataset with one point layer holding the table's other fields;
// `map` gets each table field's index in it (-1 for the coordinate columns).
GdalDataset memoryLayer(OGRLayerH table, const PointTableColumns &c, std::vector<int> &map)
{
    GDALDriverH driver = GDALGetDriverByName("Memory");
    GdalDataset ds(driver ? GDALCreate(driver, "", 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    OGRLayerH layer = ds ? GDALDatasetCreateLayer(ds.get(), OGR_L_GetName(table), nullptr, wkbPoint, nullptr) : nullptr;
    if (!layer)
        throw IoError(QStringLiteral("cannot create an in-memory layer: %1").arg(lastGdalError()));
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(table);
    int next = 0;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        const bool coordinate = i == c.x || i == c.y;
        map.push_back(coordinate ? -1 : next);
        if (!coordinate) {
            OGR_L_CreateField(layer, OGR_FD_GetFieldDefn(defn, i), TRUE);
            ++next;
        }
    }
    return ds;
}

} // namespace

bool PointTable::isTableDriver(const QString &driver)
{
    return driver == QLatin1String("XLSX") || driver == QLatin1String("ODS") || driver == QLatin1String("CSV");
}

PointTableColumns PointTable::findColumns(OGRLayerH table, const QString &display)
{
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(table);
    PointTableColumns c;
    c.x = findField(defn, kLon);
    c.y = findField(defn, kLat);
    c.lonLat = c.x >= 0 && c.y >= 0;
    if (!c.lonLat) {
        c.x = findField(defn, kX);
        c.y = findField(defn, kY);
    }
    if (c.x < 0 || c.y < 0) {
        QStringList headers;
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            headers << fieldName(defn, i);
        throw InvalidInput(fileMessage(display, QStringLiteral("no coordinate columns (expected 经度/纬度, lon/lat, lng/lat, longitude/latitude or x/y); "
                                                               "headers found: %1")
                                                    .arg(headers.isEmpty() ? QStringLiteral("none") : headers.join(QStringLiteral(", ")))));
    }
    c.xName = fieldName(defn, c.x);
    c.yName = fieldName(defn, c.y);
    return c;
}

GdalDataset PointTable::toPoints(OGRLayerH table, const PointTableColumns &c, const Crs &stated, const QString &driver,
                                 const QString &display, std::map<qint64, QString> &problems)
{
    // A CSV's FID 1 is its second line; a sheet's FID is its row number.
    const qint64 rowOffset = driver == QLatin1String("CSV") ? 1 : 0;
    std::vector<Row> rows;
    OGR_L_ResetReading(table);
    for (OgrFeature f(OGR_L_GetNextFeature(table)); f; f.reset(OGR_L_GetNextFeature(table))) {
        Row r;
        QString problem;
        r.usable = readCoordinate(f.get(), c.x, c.xName, r.x, problem) && readCoordinate(f.get(), c.y, c.yName, r.y, problem);
        if (!r.usable)
            problems[OGR_F_GetFID(f.get())] = QStringLiteral("row %1: %2").arg(OGR_F_GetFID(f.get()) + rowOffset).arg(problem);
        r.feature = std::move(f);
        rows.push_back(std::move(r));
    }
    const bool geographic = stated.isValid() ? stated.isGeographic() : c.lonLat;
    if (geographic)
        refuseSwapped(rows, c, stated, rowOffset, display);

    std::vector<int> map;
    GdalDataset ds = memoryLayer(table, c, map);
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    for (const Row &r : rows) {
        OgrFeature out(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        OGR_F_SetFromWithMap(out.get(), r.feature.get(), TRUE, map.data());
        OGR_F_SetFID(out.get(), OGR_F_GetFID(r.feature.get()));
        if (r.usable) {
            OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
            OGR_G_SetPoint_2D(point, 0, r.x, r.y);
            OGR_F_SetGeometryDirectly(out.get(), point);
        }
        if (OGR_L_CreateFeature(layer, out.get()) != OGRERR_NONE)
            throw IoError(fileMessage(display, QStringLiteral("cannot copy row %1: %2").arg(OGR_F_GetFID(r.feature.get()) + rowOffset).arg(lastGdalError())));
    }
    return ds;
}

} // namespace refuge
