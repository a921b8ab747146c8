#include "util/Classification.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace refuge {

QString classificationMethodName(ClassificationMethod method)
{
    switch (method) {
    case ClassificationMethod::EqualInterval: return QStringLiteral("equal_interval");
    case ClassificationMethod::Quantile: return QStringLiteral("quantile");
    case ClassificationMethod::NaturalBreaks: break;
    }
    return QStringLiteral("jenks");
}

ClassificationMethod classificationMethodFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("equal_interval") || n == QLatin1String("equal"))
        return ClassificationMethod::EqualInterval;
    if (n == QLatin1String("quantile"))
        return ClassificationMethod::Quantile;
    return ClassificationMethod::NaturalBreaks;
}

namespace {

// Sorted finite values.
std::vector<double> cleaned(std::vector<double> values)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
    std::sort(values.begin(), values.end());
    return values;
}

// Drops repeated boundaries, except a first class made of the minimum alone ([m, m, …]).
std::vector<double> unique(const std::vector<double> &b)
{
    std::vector<double> out;
    for (std::size_t i = 0; i < b.size(); ++i)
        if (out.empty() || b[i] > out.back() || (i == 1 && b[1] == b[0] && b.size() > 2 && b.back() > b[0]))
            out.push_back(b[i]);
    return out;
}

int distinctCount(const std::vector<double> &sorted)
{
    int n = sorted.empty() ? 0 : 1;
    for (std::size_t i = 1; i < sorted.size(); ++i)
        n += sorted[i] != sorted[i - 1];
    return n;
}

} // namespace

std::vector<double> Classification::breaks(ClassificationMethod method, std::vector<double> values, int classes)
{
    switch (method) {
    case ClassificationMethod::EqualInterval: return equalInterval(std::move(values), classes);
    case ClassificationMethod::Quantile: return quantile(std::move(values), classes);
    case ClassificationMethod::NaturalBreaks: break;
    }
    return jenks(std::move(values), classes);
}

std::vector<double> Classification::equalInterval(std::vector<double> values, int classes)
{
    values = cleaned(std::move(values));
    if (values.empty() || classes < 1)
        return {};
    const double lo = values.front(), hi = values.back();
    if (lo == hi)
        return {lo, hi};
    std::vector<double> b;
    b.reserve(std::size_t(classes) + 1);
    for (int i = 0; i < classes; ++i)
        b.push_back(lo + (hi - lo) * i / classes);
    b.push_back(hi);
    return b;
}

std::vector<double> Classification::quantile(std::vector<double> values, int classes)
{
    values = cleaned(std::move(values));
    if (values.empty() || classes < 1)
        return {};
    const std::size_t m = values.size();
    std::vector<double> b{values.front()};
    for (int i = 1; i < classes; ++i) {
        const auto rank = std::size_t(std::ceil(double(i) * double(m) / classes));
        b.push_back(values[std::max<std::size_t>(rank, 1) - 1]);
    }
    b.push_back(values.back());
    b = unique(b);
    if (b.size() == 1)
        b.push_back(b.front());
    return b;
}

std::vector<double> Classification::jenks(std::vector<double> values, int classes, int maxSample)
{
    values = cleaned(std::move(values));
    if (values.empty() || classes < 1)
        return {};
    if (maxSample >= 2 && values.size() > std::size_t(maxSample)) {
        std::vector<double> sample(static_cast<std::size_t>(maxSample));
        const double step = double(values.size() - 1) / double(maxSample - 1);
        for (int i = 0; i < maxSample; ++i)
            sample[std::size_t(i)] = values[std::size_t(std::lround(i * step))];
        values = std::move(sample);
    }
    const int k = std::min(classes, distinctCount(values));
    if (k <= 1)
        return {values.front(), values.back()};
    const int m = int(values.size());

    // lower[l][j]: 1-based index of the first value of the last class in the best
    // partition of values[0..l) into j classes; cost[l][j]: its sum of squared deviations.
    const auto at = [k](int l, int j) { return std::size_t(l) * std::size_t(k + 1) + std::size_t(j); };
    std::vector<int> lower(std::size_t(m + 1) * std::size_t(k + 1), 0);
    std::vector<double> cost(lower.size(), std::numeric_limits<double>::infinity());
    // One value forms one class at no cost; it cannot form two or more non-empty classes
    // (cost stays infinite), so the backtrack below never runs past the first value.
    lower[at(1, 1)] = 1;
    cost[at(1, 1)] = 0.0;
    for (int l = 2; l <= m; ++l) {
        double s1 = 0, s2 = 0, w = 0, v = 0;
        for (int mm = 1; mm <= l; ++mm) {
            const int i3 = l - mm + 1; // first value (1-based) of the candidate last class
            const double val = values[std::size_t(i3 - 1)];
            s2 += val * val;
            s1 += val;
            w += 1.0;
            v = s2 - (s1 * s1) / w;
            const int i4 = i3 - 1;
            if (i4 != 0) {
                for (int j = 2; j <= k; ++j) {
                    const double c = v + cost[at(i4, j - 1)];
                    if (cost[at(l, j)] >= c) {
                        lower[at(l, j)] = i3;
                        cost[at(l, j)] = c;
                    }
                }
            }
        }
        lower[at(l, 1)] = 1;
        cost[at(l, 1)] = v;
    }
    std::vector<double> b(std::size_t(k) + 1);
    b[0] = values.front();
    b[std::size_t(k)] = values.back();
    int end = m;
    for (int j = k; j >= 2; --j) {
        const int first = lower[at(end, j)]; // 1-based first value of class j
        b[std::size_t(j - 1)] = values[std::size_t(first - 2)];
        end = first - 1;
    }
    return unique(b);
}

int Classification::classOf(const std::vector<double> &boundaries, double v)
{
    if (boundaries.size() < 2 || !std::isfinite(v) || v < boundaries.front() || v > boundaries.back())
        return -1;
    const auto it = std::lower_bound(boundaries.begin() + 1, boundaries.end(), v);
    return int(it - boundaries.begin()) - 1;
}

} // namespace refuge
