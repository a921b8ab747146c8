// RiskIndex: normalisation, weighting, INFORM-style aggregation and 5-class classification.
#include "analysis/risk/RiskIndex.h"
#include "model/HazardSettings.h"
#include "util/Classification.h"
#include "util/Error.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace refuge {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <typename E>
E enumFrom(const QJsonObject &o, const QString &key, const QString &where, std::initializer_list<std::pair<const char *, E>> names, E def)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return def;
    QStringList known;
    for (const auto &[n, e] : names) {
        if (v.toString() == QLatin1String(n))
            return e;
        known << QString::fromLatin1(n);
    }
    throw InvalidInput(QStringLiteral("%1.%2: '%3' is not one of %4").arg(where, key, v.toString(), known.join(QStringLiteral(", "))));
}

std::vector<double> jenksLowerBounds(const std::vector<double> &index)
{
    std::vector<double> values;
    for (double v : index)
        if (std::isfinite(v))
            values.push_back(v);
    const std::vector<double> b = Classification::jenks(values, 5);
    // b = [min, b1 … b4, max]: class k+1 holds b[k] < v ≤ b[k+1]; as lower bounds: just above each break.
    std::vector<double> lower;
    for (std::size_t k = 1; k + 1 < b.size(); ++k)
        lower.push_back(std::nextafter(b[k], std::numeric_limits<double>::infinity()));
    return lower;
}

} // namespace

RiskSettings RiskSettings::fromJson(const QJsonObject &o, const QString &where)
{
    RiskSettings s;
    s.normalisation = enumFrom(o, QStringLiteral("normalisation"), where, {{"minmax", RiskNormalisation::MinMax}, {"rank", RiskNormalisation::Rank}},
                               s.normalisation);
    s.aggregation = enumFrom(o, QStringLiteral("aggregation"), where,
                             {{"geometric_mean", RiskAggregation::GeometricMean}, {"weighted_sum", RiskAggregation::WeightedSum}}, s.aggregation);
    s.classMethod = enumFrom(o, QStringLiteral("classes"), where, {{"natural_breaks", RiskClassMethod::NaturalBreaks}, {"fixed", RiskClassMethod::Fixed}},
                             s.classMethod);
    if (o.contains(QStringLiteral("fixed_breaks"))) {
        s.fixedBreaks.clear();
        for (const QJsonValue &v : o.value(QStringLiteral("fixed_breaks")).toArray()) {
            if (!v.isDouble() || (!s.fixedBreaks.empty() && v.toDouble() <= s.fixedBreaks.back()))
                throw InvalidInput(QStringLiteral("%1.fixed_breaks: 4 ascending numbers (lower bounds of classes 2…5)").arg(where));
            s.fixedBreaks.push_back(v.toDouble());
        }
        if (s.fixedBreaks.size() != 4)
            throw InvalidInput(QStringLiteral("%1.fixed_breaks: 4 ascending numbers (lower bounds of classes 2…5)").arg(where));
    }
    const QJsonObject w = o.value(QStringLiteral("weights")).toObject();
    for (auto it = w.begin(); it != w.end(); ++it) {
        if (!it.value().isDouble() || !(it.value().toDouble() >= 0) || !std::isfinite(it.value().toDouble()))
            throw InvalidInput(QStringLiteral("%1.weights.%2: a weight of 0 (left out) or more").arg(where, it.key()));
        s.weights.insert(it.key(), it.value().toDouble());
    }
    return s;
}

QJsonObject RiskSettings::toJson() const
{
    QJsonArray breaks;
    for (double b : fixedBreaks)
        breaks.append(b);
    QJsonObject w;
    for (auto it = weights.begin(); it != weights.end(); ++it)
        w.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("normalisation"), normalisation == RiskNormalisation::MinMax ? QStringLiteral("minmax") : QStringLiteral("rank")},
                       {QStringLiteral("aggregation"), aggregation == RiskAggregation::GeometricMean ? QStringLiteral("geometric_mean") : QStringLiteral("weighted_sum")},
                       {QStringLiteral("classes"), classMethod == RiskClassMethod::NaturalBreaks ? QStringLiteral("natural_breaks") : QStringLiteral("fixed")},
                       {QStringLiteral("fixed_breaks"), breaks},
                       {QStringLiteral("weights"), w}};
}

std::vector<double> RiskIndex::normalise(const std::vector<double> &values, RiskNormalisation method, bool higherIsRiskier)
{
    std::vector<double> out(values.size(), kNaN);
    std::vector<std::size_t> present;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::isfinite(values[i]))
            present.push_back(i);
    if (present.empty())
        return out;
    if (method == RiskNormalisation::MinMax) {
        double lo = values[present.front()], hi = lo;
        for (std::size_t i : present)
            lo = std::min(lo, values[i]), hi = std::max(hi, values[i]);
        for (std::size_t i : present)
            out[i] = hi > lo ? (values[i] - lo) / (hi - lo) : 0.0;
    } else {
        // Average rank of ties, scaled to [0, 1]: (rank − 1) / (n − 1).
        std::vector<std::size_t> order = present;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
        const double n = double(order.size());
        for (std::size_t k = 0; k < order.size();) {
            std::size_t e = k;
            while (e < order.size() && values[order[e]] == values[order[k]])
                ++e;
            const double rank = (double(k) + double(e - 1)) / 2.0; // 0-based average
            for (std::size_t j = k; j < e; ++j)
                out[order[j]] = n > 1 ? rank / (n - 1) : 0.0;
            k = e;
        }
    }
    if (!higherIsRiskier)
        for (double &v : out)
            v = std::isfinite(v) ? 1.0 - v : v;
    return out;
}

int RiskIndex::classOf(double value, const std::vector<double> &breaks)
{
    if (!std::isfinite(value))
        return 0;
    int cls = 1;
    for (double b : breaks)
        if (value >= b)
            ++cls;
    return std::min(cls, kHazardLevels);
}

QString RiskIndex::classLabel(int riskClass, bool chinese) { return hazardLevelLabel(riskClass, chinese); }

RiskResult RiskIndex::compute(const std::vector<RiskIndicator> &indicators, const RiskSettings &settings)
{
    if (indicators.empty())
        throw InvalidInput(QStringLiteral("the risk index needs at least one indicator"));
    const std::size_t n = indicators.front().values.size();
    std::vector<double> weights;
    RiskResult r;
    for (const RiskIndicator &ind : indicators) {
        if (ind.values.size() != n)
            throw InvalidInput(QStringLiteral("risk indicator '%1' has %2 values, '%3' %4").arg(ind.key).arg(ind.values.size())
                                   .arg(indicators.front().key).arg(n));
        const double w = settings.weights.value(ind.key, ind.weight);
        if (!(w >= 0) || !std::isfinite(w))
            throw InvalidInput(QStringLiteral("risk indicator '%1': the weight must be 0 or more").arg(ind.key));
        weights.push_back(w);
        r.normalised.push_back(normalise(ind.values, settings.normalisation, ind.higherIsRiskier));
    }
    if (std::accumulate(weights.begin(), weights.end(), 0.0) <= 0)
        throw InvalidInput(QStringLiteral("the risk index needs an indicator with a weight above 0"));
    r.index.assign(n, kNaN);
    for (std::size_t c = 0; c < n; ++c) {
        double sum = 0, wsum = 0;
        for (std::size_t k = 0; k < indicators.size(); ++k) {
            const double x = r.normalised[k][c];
            if (!std::isfinite(x) || weights[k] <= 0)
                continue;
            sum += weights[k] * (settings.aggregation == RiskAggregation::GeometricMean ? std::log(1.0 + 9.0 * x) : x);
            wsum += weights[k];
        }
        if (wsum > 0)
            r.index[c] = settings.aggregation == RiskAggregation::GeometricMean ? (std::exp(sum / wsum) - 1.0) / 9.0 : sum / wsum;
    }
    r.breaks = settings.classMethod == RiskClassMethod::Fixed ? settings.fixedBreaks : jenksLowerBounds(r.index);
    for (double v : r.index)
        r.riskClass.push_back(classOf(v, r.breaks));
    return r;
}

} // namespace refuge
