#include "analysis/CoverageCosts.h"
#include "geom/SpatialIndex.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace refuge {

namespace {

void sortEntries(std::vector<CostEntry> &v)
{
    std::sort(v.begin(), v.end(), [](const CostEntry &a, const CostEntry &b) {
        return a.cost < b.cost || (a.cost == b.cost && a.facility < b.facility);
    });
}

} // namespace

void CoverageCosts::reserve(std::size_t demand, std::size_t entries)
{
    m_first.reserve(demand + 1);
    m_nearestCost.reserve(demand);
    m_nearestFacility.reserve(demand);
    m_entries.reserve(entries);
}

void CoverageCosts::beginDemand() {}

void CoverageCosts::endDemand(float nearestCost, int nearestFacility)
{
    m_first.push_back(std::uint32_t(m_entries.size()));
    m_nearestCost.push_back(nearestCost);
    m_nearestFacility.push_back(nearestFacility);
}

CoverageCosts CoverageCosts::fromLists(const std::vector<std::vector<CostEntry>> &lists, int facilityCount, double limit)
{
    CoverageCosts c;
    c.setShape(facilityCount, limit);
    c.method = QStringLiteral("given");
    for (std::vector<CostEntry> l : lists) {
        sortEntries(l);
        for (const CostEntry &e : l) {
            if (e.facility < 0 || e.facility >= facilityCount)
                throw InvalidInput(QStringLiteral("cost table refers to facility %1 of %2").arg(e.facility).arg(facilityCount));
            if (e.cost <= limit)
                c.addEntry(e.facility, e.cost);
        }
        c.endDemand(l.empty() ? kUnreached : l.front().cost, l.empty() ? -1 : l.front().facility);
    }
    return c;
}

CoverageCosts CoverageCosts::euclidean(const std::vector<QPointF> &demand, const std::vector<QPointF> &facilities,
                                       double limit, double metresPerCrsUnit, double metresPerCostUnit,
                                       const std::vector<double> &startCosts, Feedback &feedback)
{
    if (!(limit > 0))
        throw InvalidInput(QStringLiteral("the limit must be greater than 0"));
    if (facilities.empty())
        throw InvalidInput(QStringLiteral("no facilities"));
    const double toCost = metresPerCrsUnit / metresPerCostUnit; // CRS units → cost units
    double maxStart = 0;
    for (double s : startCosts)
        maxStart = std::max(maxStart, s);
    auto start = [&](int f) { return startCosts.empty() ? 0.0 : startCosts[std::size_t(f)]; };
    std::vector<QRectF> boxes;
    boxes.reserve(facilities.size());
    for (const QPointF &p : facilities)
        boxes.push_back(std::isfinite(p.x()) && std::isfinite(p.y()) ? QRectF(p, p) : SpatialIndex::noBox());
    const SpatialIndex index(boxes);

    // Work in chunks in parallel; each chunk fills its own lists.
    const std::size_t n = demand.size();
    const std::size_t chunk = 8192;
    std::vector<std::size_t> chunks((n + chunk - 1) / chunk);
    std::iota(chunks.begin(), chunks.end(), std::size_t(0));
    struct Part {
        std::vector<CostEntry> entries;
        std::vector<std::uint32_t> counts;
        std::vector<float> nearest;
        std::vector<std::int32_t> nearestFac;
    };
    std::vector<Part> parts(chunks.size());
    const double radius = (limit + 0) / toCost; // in CRS units (start costs only shrink reach)
    QtConcurrent::blockingMap(chunks, [&](std::size_t c) {
        if (feedback.isCanceled())
            return;
        Part &part = parts[c];
        std::vector<CostEntry> local;
        for (std::size_t i = c * chunk; i < std::min(n, (c + 1) * chunk); ++i) {
            const QPointF p = demand[i];
            local.clear();
            index.visit(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius), [&](std::uint32_t f) {
                const double cost = std::hypot(facilities[f].x() - p.x(), facilities[f].y() - p.y()) * toCost + start(int(f));
                if (cost <= limit)
                    local.push_back({std::int32_t(f), float(cost)});
                return true;
            });
            sortEntries(local);
            float nc = kUnreached;
            int nf = -1;
            if (!local.empty()) {
                nc = local.front().cost;
                nf = local.front().facility;
            } else if (std::isfinite(p.x()) && std::isfinite(p.y())) {
                // Nearest beyond the limit: candidates by distance, refined with start costs.
                const auto near = index.nearest(p, startCosts.empty() ? 1 : std::min<std::size_t>(facilities.size(), 8),
                                                std::numeric_limits<double>::infinity());
                for (std::uint32_t f : near) {
                    const double cost = std::hypot(facilities[f].x() - p.x(), facilities[f].y() - p.y()) * toCost + start(int(f));
                    if (cost < nc) {
                        nc = float(cost);
                        nf = int(f);
                    }
                }
            }
            part.entries.insert(part.entries.end(), local.begin(), local.end());
            part.counts.push_back(std::uint32_t(local.size()));
            part.nearest.push_back(nc);
            part.nearestFac.push_back(nf);
        }
    });
    feedback.throwIfCanceled();
    CoverageCosts out;
    out.setShape(int(facilities.size()), limit);
    out.method = QStringLiteral("straight line");
    out.unit = metresPerCostUnit == 1.0 ? QStringLiteral("m") : QStringLiteral("s");
    std::size_t total = 0;
    for (const Part &p : parts)
        total += p.entries.size();
    out.reserve(n, total);
    for (const Part &p : parts) {
        std::size_t e = 0;
        for (std::size_t k = 0; k < p.counts.size(); ++k) {
            for (std::uint32_t j = 0; j < p.counts[k]; ++j, ++e)
                out.addEntry(p.entries[e].facility, p.entries[e].cost);
            out.endDemand(p.nearest[k], p.nearestFac[k]);
        }
    }
    return out;
}

} // namespace refuge
