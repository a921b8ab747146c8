// SitingProblem's checks and the uncapacitated evaluation shared by every solver.
#include "analysis/siting/SitingProblem.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace refuge {

SitingModel sitingModelFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("lscp"))
        return SitingModel::Lscp;
    if (n == QLatin1String("mclp"))
        return SitingModel::Mclp;
    if (n == QLatin1String("pmedian") || n == QLatin1String("p-median"))
        return SitingModel::PMedian;
    if (n == QLatin1String("pcenter") || n == QLatin1String("p-center"))
        return SitingModel::PCenter;
    if (n == QLatin1String("backup"))
        return SitingModel::Backup;
    throw InvalidInput(QStringLiteral("unknown siting model '%1' (lscp, mclp, pmedian, pcenter, backup)").arg(name));
}

QString sitingModelName(SitingModel model)
{
    switch (model) {
    case SitingModel::Lscp: return QStringLiteral("lscp");
    case SitingModel::Mclp: return QStringLiteral("mclp");
    case SitingModel::PMedian: return QStringLiteral("pmedian");
    case SitingModel::PCenter: return QStringLiteral("pcenter");
    case SitingModel::Backup: return QStringLiteral("backup");
    }
    return {};
}

int SitingProblem::newCandidateCount() const
{
    int n = 0;
    for (int j = 0; j < candidateCount(); ++j)
        n += isFixed(j) ? 0 : 1;
    return n;
}

double SitingProblem::totalPopulation() const
{
    double s = 0;
    for (double p : population)
        s += p;
    return s;
}

std::vector<int> SitingProblem::unreachableDemand() const
{
    std::vector<int> out;
    for (int i = 0; i < demandCount(); ++i)
        if (costs.within(i).empty())
            out.push_back(i);
    return out;
}

void SitingProblem::validate(SitingModel model, int k) const
{
    if (int(population.size()) != demandCount())
        throw InvalidInput(QStringLiteral("siting: %1 population values for %2 demand units").arg(population.size()).arg(demandCount()));
    if (!fixed.empty() && int(fixed.size()) != candidateCount())
        throw InvalidInput(QStringLiteral("siting: %1 existing flags for %2 candidates").arg(fixed.size()).arg(candidateCount()));
    if (capacitated() && int(capacity.size()) != candidateCount())
        throw InvalidInput(QStringLiteral("siting: %1 capacities for %2 candidates").arg(capacity.size()).arg(candidateCount()));
    for (std::size_t i = 0; i < population.size(); ++i)
        if (!(population[i] > 0) || !std::isfinite(population[i]))
            throw InvalidInput(QStringLiteral("siting: demand unit %1 has population %2 (must be > 0)").arg(i).arg(population[i]));
    for (std::size_t j = 0; j < capacity.size(); ++j)
        if (!(capacity[j] >= 0) || !std::isfinite(capacity[j]))
            throw InvalidInput(QStringLiteral("siting: candidate %1 has capacity %2 (must be ≥ 0)").arg(j).arg(capacity[j]));
    if (capacitated() && (model == SitingModel::PCenter || model == SitingModel::Backup))
        throw InvalidInput(QStringLiteral("siting: capacities apply to lscp, mclp and pmedian, not %1").arg(sitingModelName(model)));
    const int free = newCandidateCount();
    if (free == 0)
        throw InvalidInput(QStringLiteral("siting: no candidate sites (besides the existing facilities)"));
    if (model != SitingModel::Lscp && (k < 1 || k > free))
        throw InvalidInput(QStringLiteral("siting: k = %1 new sites asked, but there are %2 candidate sites (k must be 1..%2)").arg(k).arg(free));
    if (demandCount() == 0)
        throw InvalidInput(QStringLiteral("siting: no demand"));
    if (costs.entryCount() == 0)
        throw InvalidInput(QStringLiteral("siting: no candidate reaches any demand within the limit"));
}

SitingEvaluation SitingEvaluator::evaluate(const SitingProblem &p, SitingModel model, std::span<const char> open)
{
    SitingEvaluation e;
    const int n = p.demandCount();
    e.assigned.assign(std::size_t(n), -1);
    e.assignedCost.assign(std::size_t(n), CoverageCosts::kUnreached);
    e.siteLoad.assign(std::size_t(p.candidateCount()), 0.0);
    double unservedPenalty = 0;
    for (int i = 0; i < n; ++i) {
        const auto list = p.costs.within(i);
        const double w = p.population[std::size_t(i)];
        int count = 0;
        for (const CostEntry &c : list) {
            if (!open[std::size_t(c.facility)])
                continue;
            if (count++ == 0) {
                e.assigned[std::size_t(i)] = c.facility;
                e.assignedCost[std::size_t(i)] = c.cost;
            }
            if (count == 2)
                break;
        }
        if (count > 0) {
            e.siteLoad[std::size_t(e.assigned[std::size_t(i)])] += w;
            e.coveredPopulation += w;
            e.personCost += w * double(e.assignedCost[std::size_t(i)]);
            e.worstCost = std::max(e.worstCost, double(e.assignedCost[std::size_t(i)]));
        } else if (!list.empty()) {
            e.unservedReachable += w;
            unservedPenalty += w * p.penalty();
        }
        if (count >= 2)
            e.coveredTwicePopulation += w;
    }
    int opened = 0;
    for (int j = 0; j < p.candidateCount(); ++j)
        opened += (open[std::size_t(j)] && !p.isFixed(j)) ? 1 : 0;
    e.feasible = e.unservedReachable == 0;
    switch (model) {
    case SitingModel::Lscp: e.objective = opened; break;
    case SitingModel::Mclp: e.objective = e.coveredPopulation; break;
    case SitingModel::PMedian: e.objective = e.personCost + unservedPenalty; break;
    case SitingModel::PCenter: e.objective = e.feasible ? e.worstCost : CoverageCosts::kUnreached; break;
    case SitingModel::Backup: e.objective = e.coveredPopulation + e.coveredTwicePopulation; break;
    }
    return e;
}

double SitingEvaluator::score(const SitingProblem &p, SitingModel model, const SitingEvaluation &e)
{
    switch (model) {
    case SitingModel::Mclp:
    case SitingModel::Backup: return e.objective;
    case SitingModel::PMedian: return -e.objective;
    case SitingModel::Lscp: return e.coveredPopulation;
    case SitingModel::PCenter: {
        // Covered population first; among equal coverage, the smaller worst cost.
        const double minPop = *std::min_element(p.population.begin(), p.population.end());
        return e.coveredPopulation - 0.5 * minPop * e.worstCost / std::max(1e-9, p.costs.limit());
    }
    }
    return 0;
}

} // namespace refuge
