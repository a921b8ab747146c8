#include "print/CommunityPages.h"

#include "analysis/jobs/NetworkInputs.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "crs/CoordinateTransform.h"
#include "model/Project.h"
#include "model/VectorLayer.h"
#include "print/PageItems.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QtConcurrent/QtConcurrentMap>
#include <cmath>
#include <numeric>

namespace refuge {
namespace {

bool finite(QPointF p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

// Map CRS ↔ graph CRS, or none when they are the same (one per task: PROJ objects
// stay on their thread).
struct GraphCrs {
    GraphCrs(const Crs &map, const NetworkRoute *routes)
    {
        if (routes && routes->graph().crs().isValid() && map.isValid() && !(routes->graph().crs() == map))
            toGraph = std::make_unique<CoordinateTransform>(map, routes->graph().crs());
    }
    std::unique_ptr<CoordinateTransform> toGraph;
    QPointF forward(QPointF p) const { return toGraph ? toGraph->transform(p) : p; }
    QPointF back(QPointF p) const { return toGraph ? toGraph->inverse(p) : p; }
};

// Grows the page's extent (same centre side: union, plus 5 %) so that its assigned
// shelters and the routes to them are on the map.
void showOverlay(PrintContext &page)
{
    QRectF box = page.map.extent;
    for (const QPolygonF &route : page.overlay.routes)
        box = box.united(route.boundingRect());
    const double tiny = 1e-9 * std::max(1.0, box.width()); // a point's rect must not be null for united()
    for (const QPointF &s : page.overlay.shelters)
        box = box.united(QRectF(s.x() - tiny, s.y() - tiny, 2 * tiny, 2 * tiny));
    if (box == page.map.extent)
        return;
    const double dx = box.width() * 0.05, dy = box.height() * 0.05;
    page.map.extent = box.adjusted(-dx, -dy, dx, dy);
}

// One page: its table rows and overlay from the shelters and their routes.
void fillPage(PrintContext &page, QPointF centre, const std::vector<AssignedShelter> &shelters, const NetworkRoute *routes,
              const GraphCrs &crs, double maxMeters, QStringList &unrouted)
{
    page.overlay.here = centre;
    std::vector<Route> found(shelters.size());
    if (routes && finite(centre)) {
        std::vector<QPointF> targets;
        for (const AssignedShelter &s : shelters)
            targets.push_back(finite(s.point) ? crs.forward(s.point) : s.point);
        found = routes->routes(crs.forward(centre), targets, maxMeters);
    }
    for (std::size_t i = 0; i < shelters.size(); ++i) {
        const AssignedShelter &s = shelters[i];
        QVariantMap row{{QStringLiteral("name"), s.name}, {QStringLiteral("capacity"), s.capacity}, {QStringLiteral("residents"), s.residents}};
        if (finite(s.point))
            page.overlay.shelters.push_back(s.point);
        if (found[i].found()) {
            QPolygonF line;
            for (const QPointF &p : found[i].points)
                line << crs.back(p);
            page.overlay.routes.push_back(line);
            row.insert(QStringLiteral("distance_m"), found[i].meters);
            row.insert(QStringLiteral("minutes"), found[i].seconds / 60.0);
        } else if (routes) {
            unrouted << s.name;
        }
        page.table.push_back(row);
    }
    showOverlay(page);
}

} // namespace

void CommunityPages::fill(AtlasPlan &plan, const VectorLayer &layer, const CoverageResults &results, const NetworkRoute *routes,
                          const CommunityPageOptions &options, Feedback *feedback)
{
    const int areaField = layer.requireField(options.areaField);
    const std::vector<QPointF> centres = Snapper::representativePoints(layer, layer.crs());

    std::vector<QString> problems(plan.pages.size());
    std::vector<int> order(plan.pages.size());
    std::iota(order.begin(), order.end(), 0);
    QtConcurrent::blockingMap(order, [&](int p) {
        PrintContext &page = plan.pages[std::size_t(p)];
        const int row = plan.rows[std::size_t(p)];
        const QString area = layer.attribute(row, areaField).toString();
        if (!results.hasArea(area)) {
            page.overlay.here = centres[std::size_t(row)];
            problems[std::size_t(p)] = QStringLiteral("'%1' (feature %2): not an area of the coverage results").arg(area).arg(plan.fids[std::size_t(p)]);
            return;
        }
        page.results = results.area(area);
        std::vector<AssignedShelter> shelters = results.assigned(area);
        if (int(shelters.size()) > options.maxShelters)
            shelters.resize(std::size_t(options.maxShelters));
        QStringList unrouted;
        try {
            const GraphCrs crs(layer.crs(), routes);
            fillPage(page, centres[std::size_t(row)], shelters, routes, crs, options.maxRouteMeters, unrouted);
        } catch (const Error &e) {
            unrouted << e.message();
        }
        if (!unrouted.isEmpty())
            problems[std::size_t(p)] = QStringLiteral("'%1' (feature %2): no walking route to %3").arg(area).arg(plan.fids[std::size_t(p)]).arg(unrouted.join(QStringLiteral(", ")));
    });
    if (feedback)
        for (const QString &problem : problems)
            if (!problem.isEmpty())
                feedback->warn(QStringLiteral("atlas page %1").arg(problem));
}

bool CommunityPages::wanted(const PrintLayout &layout)
{
    return std::any_of(layout.items.begin(), layout.items.end(), [](const PrintItem &item) {
        return (item.type == PrintItem::Type::Table && !detail::isSiteTable(item)) || item.text.contains(QLatin1String("{covered_share}")) ||
               item.text.contains(QLatin1String("{result."));
    });
}

void CommunityPages::fillFromProject(AtlasPlan &plan, const Project &project, const MapSettings &map, const QString &coverageLayerId,
                                     const QString &nameField, const QString &resultsDir, Feedback &feedback)
{
    const auto layer = std::find_if(map.layers.begin(), map.layers.end(), [&](const MapLayer &l) { return l.id == coverageLayerId; });
    const ProjectLayer *projectLayer = project.layerById(coverageLayerId);
    if (layer == map.layers.end() || !layer->vector || !projectLayer)
        throw InvalidInput(QStringLiteral("atlas: no vector layer with id '%1'").arg(coverageLayerId));
    CommunityPageOptions options;
    options.areaField = projectLayer->field(QStringLiteral("name"));
    if (options.areaField.isEmpty())
        options.areaField = nameField;
    if (options.areaField.isEmpty())
        throw InvalidInput(QStringLiteral("atlas: layer '%1' maps no \"name\" field to match the coverage results' areas (add it to its \"fields\", or give --field)")
                               .arg(coverageLayerId));
    const CoverageResults results = CoverageResults::load(resultsDir, map.crs);
    std::unique_ptr<NetworkRoute> routes;
    try {
        const NetworkInputs network = NetworkInputs::openNetwork(ProjectJobSettings::network(project, QStringLiteral("coverage"), QStringLiteral("walk")), feedback);
        routes = std::make_unique<NetworkRoute>(network.graph);
        network.finishCacheSave(feedback);
    } catch (const Error &e) {
        feedback.warn(QStringLiteral("atlas: no walking routes (network: %1)").arg(e.message()));
    }
    fill(plan, *layer->vector, results, routes.get(), options, &feedback);
}

} // namespace refuge
