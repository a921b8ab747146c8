// The siting models as linear programs (see SitingFormulation.h). Notation: y_j opens
// new candidate j, z a covered share of a merged demand group, x_ij the share of demand
// unit i served by site j, u_i the unserved share (p-median).
#include "analysis/siting/SitingFormulation.h"

#include <algorithm>
#include <map>

namespace refuge::detail {

int LpModel::addColumn(double lower, double upper, double cost, bool isInteger)
{
    colLower.push_back(lower);
    colUpper.push_back(upper);
    objective.push_back(cost);
    integer.push_back(isInteger ? 1 : 0);
    return columnCount() - 1;
}

void LpModel::addRow(std::span<const int> cols, std::span<const double> values, double lower, double upper)
{
    rowCols.insert(rowCols.end(), cols.begin(), cols.end());
    rowValues.insert(rowValues.end(), values.begin(), values.end());
    rowStart.push_back(int(rowCols.size()));
    rowLower.push_back(lower);
    rowUpper.push_back(upper);
}

namespace {

constexpr double kInf = LpModel::kInf;

void addSiteColumns(const SitingProblem &p, SitingModel model, const FormulationOptions &o, LpModel &m)
{
    m.yColumn.assign(std::size_t(p.candidateCount()), -1);
    std::vector<int> cols;
    for (int j = 0; j < p.candidateCount(); ++j) {
        if (p.isFixed(j))
            continue;
        const double cost = model == SitingModel::Lscp ? 1.0 : 0.0;
        double lo = 0, hi = 1;
        if (!o.fixOpen.empty())
            lo = hi = o.fixOpen[std::size_t(j)] ? 1.0 : 0.0;
        m.yColumn[std::size_t(j)] = m.addColumn(lo, hi, cost, !o.relax && o.fixOpen.empty());
        cols.push_back(m.yColumn[std::size_t(j)]);
    }
    if (model != SitingModel::Lscp && o.fixOpen.empty()) {
        const std::vector<double> ones(cols.size(), 1.0);
        m.addRow(cols, ones, o.k, o.k); // exactly k new sites
    }
}

// Uncapacitated coverage models: demand units reached by the same new candidates (and
// the same number of existing ones) form one group; its rows are written once.
void addCoverage(const SitingProblem &p, SitingModel model, const FormulationOptions &o, LpModel &m)
{
    std::map<std::pair<std::vector<int>, int>, double> groups; // (new candidates, existing count) → population
    for (int i = 0; i < p.demandCount(); ++i) {
        std::vector<int> sites;
        int existing = 0;
        for (const CostEntry &c : p.costs.within(i)) {
            if (double(c.cost) > o.radius)
                continue;
            if (p.isFixed(c.facility))
                ++existing;
            else
                sites.push_back(c.facility);
        }
        const double w = p.population[std::size_t(i)];
        const int needed = model == SitingModel::Backup ? 2 : 1;
        m.offset += model == SitingModel::Lscp ? 0.0 : w * std::min(existing, needed);
        if (existing >= needed || sites.empty())
            continue;
        std::sort(sites.begin(), sites.end());
        groups[{std::move(sites), existing}] += w;
    }
    std::vector<int> cols;
    std::vector<double> vals;
    for (const auto &[key, w] : groups) {
        cols.clear();
        vals.clear();
        for (int j : key.first) {
            cols.push_back(m.yColumn[std::size_t(j)]);
            vals.push_back(1.0);
        }
        if (model == SitingModel::Lscp) {
            m.addRow(cols, vals, 1.0, kInf); // Σ y ≥ 1
            continue;
        }
        // z covered shares: Σ y − Σ z ≥ 0; backup with no existing site also z2 ≤ z1.
        const int levels = model == SitingModel::Backup && key.second == 0 ? 2 : 1;
        std::vector<int> z;
        for (int l = 0; l < levels; ++l) {
            z.push_back(m.addColumn(0, 1, w, false));
            cols.push_back(z.back());
            vals.push_back(-1.0);
        }
        m.addRow(cols, vals, 0.0, kInf);
        if (levels == 2) {
            const int zc[2] = {z[1], z[0]};
            const double zv[2] = {1.0, -1.0};
            m.addRow(zc, zv, -kInf, 0.0);
        }
    }
}

// p-median and the capacitated models: x_ij per (demand, site) pair within the limit.
void addAssignment(const SitingProblem &p, SitingModel model, LpModel &m)
{
    const bool cap = p.capacitated();
    std::vector<std::vector<std::pair<int, double>>> capacityRows(std::size_t(p.candidateCount())); // (column, population)
    std::vector<int> cols;
    std::vector<double> vals;
    for (int i = 0; i < p.demandCount(); ++i) {
        const auto list = p.costs.within(i);
        if (list.empty())
            continue;
        const double w = p.population[std::size_t(i)];
        // Uncapacitated p-median: an existing site caps the unit's cost; only cheaper sites matter.
        double fallback = p.penalty();
        if (!cap)
            for (const CostEntry &c : list)
                if (p.isFixed(c.facility)) {
                    fallback = c.cost;
                    break;
                }
        cols.clear();
        vals.clear();
        for (const CostEntry &c : list) {
            if (!cap && double(c.cost) >= fallback)
                break;
            const double cost = model == SitingModel::PMedian ? w * double(c.cost) : model == SitingModel::Mclp ? w : 0.0;
            const int x = m.addColumn(0, 1, cost, false);
            m.assignments.push_back({i, c.facility, x});
            cols.push_back(x);
            vals.push_back(1.0);
            const int y = m.yColumn[std::size_t(c.facility)];
            if (y >= 0) {
                const int xc[2] = {x, y};
                const double xv[2] = {1.0, -1.0};
                m.addRow(xc, xv, -kInf, 0.0); // x ≤ y
            }
            if (cap)
                capacityRows[std::size_t(c.facility)].push_back({x, w});
        }
        if (model == SitingModel::PMedian) {
            m.offset += 0;
            cols.push_back(m.addColumn(0, 1, w * fallback, false)); // u: unserved (or at the existing site)
            vals.push_back(1.0);
            m.addRow(cols, vals, 1.0, 1.0);
        } else if (model == SitingModel::Lscp) {
            m.addRow(cols, vals, 1.0, 1.0);
        } else if (!cols.empty()) {
            m.addRow(cols, vals, -kInf, 1.0);
        }
    }
    for (int j = 0; j < p.candidateCount() && cap; ++j) {
        cols.clear();
        vals.clear();
        for (const auto &[x, w] : capacityRows[std::size_t(j)]) {
            cols.push_back(x);
            vals.push_back(w);
        }
        if (cols.empty())
            continue;
        const int y = m.yColumn[std::size_t(j)];
        const double c = p.capacity[std::size_t(j)];
        if (y >= 0) {
            cols.push_back(y);
            vals.push_back(-c);
            m.addRow(cols, vals, -kInf, 0.0);
        } else {
            m.addRow(cols, vals, -kInf, c);
        }
    }
}

} // namespace

LpModel formulate(const SitingProblem &problem, SitingModel model, const FormulationOptions &options)
{
    LpModel m;
    m.maximise = model == SitingModel::Mclp || model == SitingModel::Backup;
    addSiteColumns(problem, model, options, m);
    if (model == SitingModel::PMedian || problem.capacitated())
        addAssignment(problem, model, m);
    else
        addCoverage(problem, model, options, m);
    return m;
}

} // namespace refuge::detail
