#include "print/SitePages.h"

#include "crs/CoordinateTransform.h"
#include "geom/Geos.h"
#include "model/VectorLayer.h"
#include "print/PageItems.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QtConcurrent/QtConcurrentMap>
#include <cmath>
#include <numbers>
#include <numeric>

namespace refuge {
namespace {

constexpr int kRingVertices = 72;

// The sites inside `area` (on its boundary too), in the order of the results.
std::vector<std::size_t> sitesIn(const Geometry &area, const std::vector<HazardSite> &sites)
{
    std::vector<std::size_t> in;
    if (area.isEmpty())
        return in;
    GEOSContextHandle_t h = geosContext();
    const GeosGeom polygon = area.toGeos();
    const GEOSPreparedGeometry *prepared = GEOSPrepare_r(h, polygon.get());
    const QRectF box = area.bounds();
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const QPointF p = sites[i].point;
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()) || p.x() < box.left() || p.x() > box.right() || p.y() < box.top() || p.y() > box.bottom())
            continue;
        const GeosGeom point = Geometry::point(p).toGeos();
        if (GEOSPreparedIntersects_r(h, prepared, point.get()) == 1)
            in.push_back(i);
    }
    GEOSPreparedGeom_destroy_r(h, prepared);
    return in;
}

double number(const QVariantMap &row, const char *key)
{
    bool ok = false;
    const double v = row.value(QLatin1String(key)).toDouble(&ok);
    return ok && std::isfinite(v) ? v : 0.0;
}

// Grows the page's extent (plus 5 %) so that every ring is whole on the map.
void showRings(PrintContext &page)
{
    QRectF box = page.map.extent;
    for (const SiteMark &s : page.overlay.sites)
        box = box.united((s.protection.isEmpty() ? s.isolation : s.protection).boundingRect());
    if (box == page.map.extent)
        return;
    const double dx = box.width() * 0.05, dy = box.height() * 0.05;
    page.map.extent = box.adjusted(-dx, -dy, dx, dy);
}

void fillPage(PrintContext &page, const std::vector<std::size_t> &in, const std::vector<HazardSite> &sites, const Crs &crs)
{
    double isolation = 0, protection = 0;
    for (std::size_t i : in) {
        const HazardSite &s = sites[i];
        QVariantMap row = s.row;
        row.insert(QStringLiteral("name"), s.label());
        for (auto it = row.begin(); it != row.end(); ++it) // id lists ("S1;S2") as printed
            if (it.value().typeId() == QMetaType::QString && (it.key().endsWith(QLatin1String("_isolation")) || it.key().endsWith(QLatin1String("_protection"))))
                it.value() = it.value().toString().split(QLatin1Char(';'), Qt::SkipEmptyParts).join(QStringLiteral(", "));
        page.sites.push_back(row);
        isolation += number(s.row, "pop_isolation");
        protection += number(s.row, "pop_protection");
        SiteMark mark{s.point, s.label(), {}, {}};
        if (s.isolationM > 0)
            mark.isolation = SitePages::ring(s.point, s.isolationM, crs);
        if (s.protectionM > s.isolationM)
            mark.protection = SitePages::ring(s.point, s.protectionM, crs);
        page.overlay.sites.push_back(std::move(mark));
    }
    page.siteTotals = {{QStringLiteral("count"), qlonglong(in.size())}, {QStringLiteral("pop_isolation"), isolation},
                       {QStringLiteral("pop_protection"), protection}};
    showRings(page);
}

} // namespace

QPolygonF SitePages::ring(QPointF centre, double metres, const Crs &crs)
{
    QPolygonF out;
    if (!(metres > 0) || !std::isfinite(metres))
        return out;
    auto circle = [&](double radius, const std::function<QPointF(QPointF)> &toMap) {
        for (int k = 0; k <= kRingVertices; ++k) {
            const double a = 2 * std::numbers::pi * (k % kRingVertices) / kRingVertices;
            out << toMap(QPointF(radius * std::cos(a), radius * std::sin(a)));
        }
    };
    if (!crs.isValid()) {
        circle(metres, [&](QPointF p) { return centre + p; });
        return out;
    }
    // An azimuthal equidistant projection centred on the site: distances from its
    // centre are true, so the circle is the set of points `metres` away on the ellipsoid.
    const QPointF geo = CoordinateTransform(crs, Crs::fromEpsg(4326)).transform(centre);
    const Crs local = Crs::fromUserInput(QStringLiteral("+proj=aeqd +lat_0=%1 +lon_0=%2 +datum=WGS84 +units=m +no_defs +type=crs")
                                             .arg(geo.y(), 0, 'f', 9).arg(geo.x(), 0, 'f', 9));
    const CoordinateTransform toMap(local, crs);
    circle(metres, [&](QPointF p) { return toMap.transform(p); });
    return out;
}

void SitePages::fill(AtlasPlan &plan, const VectorLayer &layer, const SiteResults &results, Feedback *feedback)
{
    const std::vector<HazardSite> &sites = results.sites();
    std::vector<std::vector<std::size_t>> in(plan.pages.size());
    std::vector<QString> problems(plan.pages.size());
    std::vector<int> order(plan.pages.size());
    std::iota(order.begin(), order.end(), 0);
    QtConcurrent::blockingMap(order, [&](int p) {
        try {
            in[std::size_t(p)] = sitesIn(layer.geometry(plan.rows[std::size_t(p)]), sites);
            fillPage(plan.pages[std::size_t(p)], in[std::size_t(p)], sites, layer.crs());
        } catch (const Error &e) {
            problems[std::size_t(p)] = QStringLiteral("atlas page (feature %1): hazardous sites left out: %2").arg(plan.fids[std::size_t(p)]).arg(e.message());
        }
    });
    if (!feedback)
        return;
    for (const QString &problem : problems)
        if (!problem.isEmpty())
            feedback->warn(problem);
    std::vector<bool> placed(sites.size(), false);
    for (const auto &list : in)
        for (std::size_t i : list)
            placed[i] = true;
    QStringList nowhere;
    for (std::size_t i = 0; i < sites.size(); ++i)
        if (!placed[i])
            nowhere << QStringLiteral("'%1'").arg(sites[i].label());
    if (!nowhere.isEmpty())
        feedback->warn(QStringLiteral("atlas: %1 hazardous sites lie on no page's area and are printed nowhere: %2")
                           .arg(nowhere.size())
                           .arg(nowhere.mid(0, 10).join(QStringLiteral(", ")) + (nowhere.size() > 10 ? QStringLiteral(" …") : QString())));
}

bool SitePages::wanted(const PrintLayout &layout)
{
    return std::any_of(layout.items.begin(), layout.items.end(), [](const PrintItem &item) {
        return (item.type == PrintItem::Type::Table && detail::isSiteTable(item)) || item.text.contains(QLatin1String("{sites."));
    });
}

void SitePages::fillFromResults(AtlasPlan &plan, const MapSettings &map, const QString &coverageLayerId, const QString &resultsDir,
                                Feedback &feedback)
{
    const auto layer = std::find_if(map.layers.begin(), map.layers.end(), [&](const MapLayer &l) { return l.id == coverageLayerId; });
    if (layer == map.layers.end() || !layer->vector)
        throw InvalidInput(QStringLiteral("atlas: no vector layer with id '%1'").arg(coverageLayerId));
    fill(plan, *layer->vector, SiteResults::load(resultsDir, map.crs), &feedback);
}

} // namespace refuge
