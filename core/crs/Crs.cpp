#include "crs/Crs.h"
#include "crs/CoordinateTransform.h"
#include "crs/ProjContext.h"
#include "util/Error.h"

#include <cmath>

namespace refuge {

namespace detail {

PJ_CONTEXT *projContext()
{
    struct Holder {
        PJ_CONTEXT *ctx = proj_context_create();
        Holder() { proj_log_level(ctx, PJ_LOG_NONE); }
        ~Holder() { proj_context_destroy(ctx); }
        Holder(const Holder &) = delete;
        Holder &operator=(const Holder &) = delete;
    };
    thread_local Holder holder;
    return holder.ctx;
}

} // namespace detail

using detail::PjPtr;
using detail::projContext;

struct Crs::Data {
    QString wkt;
    QString authId;
    QString name;
    QString unitName;
    double metresPerUnit = 0;
    bool geographic = false;
    bool cgcs2000 = false;
    std::optional<ChinaOffset> chinaOffset;
};

namespace {

QString projError(PJ_CONTEXT *ctx)
{
    const int err = proj_context_errno(ctx);
    const QString text = err ? QString::fromUtf8(proj_context_errno_string(ctx, err)) : QString();
    // PROJ says "Unknown error (code 4096)" for a code missing from its database.
    if (text.isEmpty() || text.startsWith(QLatin1String("Unknown error")))
        return QStringLiteral("not in the PROJ database, or not a CRS definition PROJ understands");
    return text;
}

PjPtr createPj(const QString &definition)
{
    PJ_CONTEXT *ctx = projContext();
    proj_context_errno(ctx);
    const QByteArray utf8 = definition.trimmed().toUtf8();
    PjPtr pj(proj_create(ctx, utf8.constData()));
    if (!pj) {
        // WKT that PROJ only accepts leniently (ESRI .prj files, GDAL WKT1).
        const char *options[] = {"STRICT=NO", nullptr};
        PROJ_STRING_LIST warnings = nullptr, errors = nullptr;
        pj.reset(proj_create_from_wkt(ctx, utf8.constData(), options, &warnings, &errors));
        proj_string_list_destroy(warnings);
        proj_string_list_destroy(errors);
    }
    return pj;
}

bool isCrsType(PJ_TYPE t)
{
    switch (t) {
    case PJ_TYPE_GEOGRAPHIC_2D_CRS:
    case PJ_TYPE_GEOGRAPHIC_3D_CRS:
    case PJ_TYPE_GEOCENTRIC_CRS:
    case PJ_TYPE_PROJECTED_CRS:
    case PJ_TYPE_COMPOUND_CRS:
    case PJ_TYPE_BOUND_CRS:
    case PJ_TYPE_OTHER_CRS:
    case PJ_TYPE_GEODETIC_CRS:
    case PJ_TYPE_ENGINEERING_CRS:
        return true;
    default:
        return false;
    }
}

// True when the geodetic datum of pj is China 2000 (EPSG:1043), by code or, for .prj files
// without codes, by name ("China 2000", ESRI "D_China_2000").
bool hasCgcs2000Datum(PJ_CONTEXT *ctx, const PJ *pj)
{
    PjPtr geodetic(proj_crs_get_geodetic_crs(ctx, pj));
    if (!geodetic)
        return false;
    PjPtr datum(proj_crs_get_datum(ctx, geodetic.get()));
    if (!datum)
        return false;
    const char *auth = proj_get_id_auth_name(datum.get(), 0);
    const char *code = proj_get_id_code(datum.get(), 0);
    if (auth && code)
        return qstrcmp(auth, "EPSG") == 0 && qstrcmp(code, "1043") == 0;
    QString name = QString::fromUtf8(proj_get_name(datum.get()));
    if (name.startsWith(QLatin1String("D_")))
        name.remove(0, 2);
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    return name.compare(QLatin1String("China 2000"), Qt::CaseInsensitive) == 0;
}

// WGS 84 named after a Chinese web-map offset: the WKT of Crs::fromUserInput("GCJ-02").
QString chinaOffsetWkt(ChinaOffset offset)
{
    return QStringLiteral(
               "GEOGCRS[\"%1\",DATUM[\"World Geodetic System 1984\",ELLIPSOID[\"WGS 84\",6378137,298.257223563,"
               "LENGTHUNIT[\"metre\",1]]],PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],CS[ellipsoidal,2],"
               "AXIS[\"geodetic latitude (Lat)\",north,ORDER[1],ANGLEUNIT[\"degree\",0.0174532925199433]],"
               "AXIS[\"geodetic longitude (Lon)\",east,ORDER[2],ANGLEUNIT[\"degree\",0.0174532925199433]],"
               "REMARK[\"WGS 84 longitude/latitude with the %1 offset of Chinese web maps\"]]")
        .arg(chinaOffsetName(offset));
}

// Longitudes covered by the CGCS2000 3-degree Gauss-Kruger zones CM 75E … CM 135E.
bool inGaussKrugerRange(double lon) { return std::isfinite(lon) && lon >= 73.5 && lon < 136.5; }

} // namespace

Crs Crs::fromUserInput(const QString &definition)
{
    if (definition.trimmed().isEmpty())
        throw CrsError(QStringLiteral("empty CRS definition"));
    if (const auto offset = chinaOffsetFromName(definition))
        return fromUserInput(chinaOffsetWkt(*offset));
    PJ_CONTEXT *ctx = projContext();
    PjPtr pj = createPj(definition);
    if (!pj || !isCrsType(proj_get_type(pj.get())))
        throw CrsError(QStringLiteral("unknown CRS '%1' (%2)").arg(definition.left(60).simplified(), projError(ctx)));
    // A BoundCRS (WKT with TOWGS84) behaves as its source CRS for our purposes.
    if (proj_get_type(pj.get()) == PJ_TYPE_BOUND_CRS)
        pj.reset(proj_get_source_crs(ctx, pj.get()));

    auto data = std::make_shared<Data>();
    const char *wktOptions[] = {"MULTILINE=NO", nullptr};
    const char *wkt = proj_as_wkt(ctx, pj.get(), PJ_WKT2_2019, wktOptions);
    if (!wkt)
        throw CrsError(QStringLiteral("CRS '%1' cannot be written as WKT").arg(definition.left(60)));
    data->wkt = QString::fromUtf8(wkt);
    if (const char *n = proj_get_name(pj.get()))
        data->name = QString::fromUtf8(n);

    const char *auth = proj_get_id_auth_name(pj.get(), 0);
    const char *code = proj_get_id_code(pj.get(), 0);
    if (auth && code) {
        data->authId = QStringLiteral("%1:%2").arg(QString::fromUtf8(auth), QString::fromUtf8(code));
    } else {
        int *confidence = nullptr;
        PJ_OBJ_LIST *candidates = proj_identify(ctx, pj.get(), "EPSG", nullptr, &confidence);
        if (candidates) {
            if (proj_list_get_count(candidates) > 0 && confidence && confidence[0] >= 90) {
                PjPtr best(proj_list_get(ctx, candidates, 0));
                if (const char *c = proj_get_id_code(best.get(), 0))
                    data->authId = QStringLiteral("EPSG:%1").arg(QString::fromUtf8(c));
            }
            proj_int_list_destroy(confidence);
            proj_list_destroy(candidates);
        }
    }

    data->cgcs2000 = hasCgcs2000Datum(ctx, pj.get());
    data->chinaOffset = chinaOffsetFromName(data->name);
    if (data->chinaOffset)
        data->authId.clear(); // not EPSG:4326: the coordinates carry the offset
    const PJ_TYPE type = proj_get_type(pj.get());
    data->geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
    PjPtr cs(proj_crs_get_coordinate_system(ctx, pj.get()));
    if (!cs && type == PJ_TYPE_COMPOUND_CRS) {
        PjPtr horizontal(proj_crs_get_sub_crs(ctx, pj.get(), 0));
        if (horizontal) {
            const PJ_TYPE ht = proj_get_type(horizontal.get());
            data->geographic = ht == PJ_TYPE_GEOGRAPHIC_2D_CRS || ht == PJ_TYPE_GEOGRAPHIC_3D_CRS;
            cs.reset(proj_crs_get_coordinate_system(ctx, horizontal.get()));
        }
    }
    if (cs) {
        double conv = 0;
        const char *unit = nullptr;
        if (proj_cs_get_axis_info(ctx, cs.get(), 0, nullptr, nullptr, nullptr, &conv, &unit, nullptr, nullptr)) {
            data->unitName = QString::fromUtf8(unit ? unit : "");
            data->metresPerUnit = data->geographic ? 0.0 : conv;
        }
    }
    Crs crs;
    crs.d = std::move(data);
    return crs;
}

Crs Crs::utmFor(double lon, double lat)
{
    if (!std::isfinite(lon) || !std::isfinite(lat) || lat < -90 || lat > 90)
        throw CrsError(QStringLiteral("cannot choose a UTM zone for lon %1, lat %2").arg(lon).arg(lat));
    lon = std::fmod(lon + 180.0, 360.0);
    if (lon < 0)
        lon += 360.0;
    const int zone = std::clamp(int(std::floor(lon / 6.0)) + 1, 1, 60);
    return fromEpsg((lat >= 0 ? 32600 : 32700) + zone);
}

Crs Crs::cgcs2000GaussKrugerFor(double lon)
{
    // 3-degree zones: central meridians 75°, 78° … 135° E, each covering ±1.5°.
    if (!inGaussKrugerRange(lon))
        throw CrsError(QStringLiteral("no CGCS2000 3-degree Gauss-Kruger zone for lon %1 (zones cover 73.5–136.5° E)").arg(lon));
    const int centralMeridian = 3 * int(std::floor(lon / 3.0 + 0.5));
    return fromEpsg(4534 + (centralMeridian - 75) / 3);
}

QString Crs::authId() const { return d ? d->authId : QString(); }
QString Crs::name() const { return d ? d->name : QString(); }
QString Crs::wkt() const { return d ? d->wkt : QString(); }
bool Crs::isGeographic() const { return d && d->geographic; }
bool Crs::isCgcs2000() const { return d && d->cgcs2000; }
std::optional<ChinaOffset> Crs::chinaOffset() const { return d ? d->chinaOffset : std::nullopt; }
QString Crs::unitName() const { return d ? d->unitName : QString(); }
double Crs::metresPerUnit() const { return d ? d->metresPerUnit : 0.0; }

QString Crs::toProjJson() const
{
    if (!d)
        return {};
    PjPtr pj = createPj(d->wkt);
    const char *json = pj ? proj_as_projjson(projContext(), pj.get(), nullptr) : nullptr;
    return json ? QString::fromUtf8(json) : QString();
}

bool Crs::isEquivalentTo(const Crs &other) const
{
    if (!d || !other.d)
        return !d && !other.d;
    if (d == other.d || d->wkt == other.d->wkt)
        return true;
    if (d->chinaOffset != other.d->chinaOffset)
        return false;
    if (!d->authId.isEmpty() && d->authId == other.d->authId)
        return true;
    PjPtr a = createPj(d->wkt), b = createPj(other.d->wkt);
    return a && b && proj_is_equivalent_to_with_ctx(projContext(), a.get(), b.get(), PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS);
}

QString Crs::label() const
{
    if (!d)
        return QStringLiteral("(no CRS)");
    if (d->authId.isEmpty())
        return d->name;
    return QStringLiteral("%1 — %2").arg(d->authId, d->name);
}

Crs metricCrsFor(const Crs &crs, const QRectF &extentInCrs)
{
    if (!crs.isValid())
        throw CrsError(QStringLiteral("no CRS to measure in"));
    if (!crs.isGeographic() && std::abs(crs.metresPerUnit() - 1.0) < 1e-12)
        return crs;
    // Geographic, or projected in other units (US survey feet...): the UTM zone of the centre.
    QPointF c = extentInCrs.center();
    if (!crs.isGeographic())
        c = CoordinateTransform(crs, Crs::fromEpsg(4326)).transform(c);
    if (crs.isCgcs2000() && inGaussKrugerRange(c.x()))
        return Crs::cgcs2000GaussKrugerFor(c.x());
    return Crs::utmFor(c.x(), c.y());
}

} // namespace refuge
