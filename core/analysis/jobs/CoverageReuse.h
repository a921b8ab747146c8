#pragma once
// CoverageReuse: what one shelter-coverage run can hand the next in the same process
// (ScenarioCompare's side b after side a, a what-if after the baseline): the opened
// road network with its barriers, the demand units, their snapped points, the
// community areas — each kept under a key of every setting it depends on and the
// source files' size and modification time — and the per-facility searches
// (CoverageCostCache). Facilities are always read and snapped afresh; only the
// searches of facilities whose snapped point is unchanged are reused, so a changed
// capacity only redoes the assignment. Sources given as connection strings are never
// kept (their data may change unseen). The results equal a from-scratch run exactly;
// messages about kept inputs are given once, by the run that read them. Not
// thread-safe: one run at a time.
#include "analysis/CoverageAreas.h"
#include "analysis/CoverageCostCache.h"
#include "analysis/Demand.h"
#include "analysis/jobs/NetworkInputs.h"

#include <QJsonObject>
#include <functional>
#include <optional>

namespace refuge {

class CoverageReuse {
public:
    // NetworkInputs::open(settings) with the network part (graph, barriers) kept.
    NetworkInputs open(const NetworkSettings &settings, Feedback &feedback);
    // `load()` unless a result is kept under `key` (an empty key is never kept).
    DemandSet demand(const QString &key, const std::function<DemandSet()> &load);
    // Snapped to the network of the last open() (never kept when that network is not).
    SnappedLayer snappedDemand(const QString &demandKey, double snapMaxMeters, const std::function<SnappedLayer()> &snap);
    CoverageAreas areas(const QString &key, const std::function<CoverageAreas()> &load);
    // The area of each demand unit (CoverageAreas::locate), kept for the demand and
    // areas of the keys given to demand() and areas() in this run.
    std::vector<int> demandArea(const std::function<std::vector<int>()> &locate);
    CoverageCostCache &costs() { return m_costs; }

    // "name@layer|size|mtime" of a file source; empty for connection strings and
    // missing files (never kept).
    static QString sourceKey(const DataSource &source);
    // What the last run reused: {"network", "demand", "snapped_demand", "areas", "demand_areas": bools,
    // "facility_searches": run, "facility_searches_reused": reused}.
    QJsonObject lastRun() const;
    void beginRun();

private:
    template <typename T>
    struct Kept {
        QString key;
        std::optional<T> value;
    };
    template <typename T>
    T get(Kept<T> &kept, const QString &key, const std::function<T()> &make, bool &reused);

    Kept<NetworkInputs> m_network;
    Kept<DemandSet> m_demand;
    Kept<SnappedLayer> m_snapped;
    Kept<CoverageAreas> m_areas;
    Kept<std::vector<int>> m_demandArea;
    CoverageCostCache m_costs;
    bool m_networkReused = false, m_demandReused = false, m_snappedReused = false, m_areasReused = false, m_demandAreaReused = false;
};

} // namespace refuge
