#pragma once
// Class breaks for graduated styles. All functions take the values by value (NaN
// values are ignored), are pure and thread-safe, and return n+1 ascending boundaries
// [min, b1, …, b(n-1), max] for n classes (fewer when there are fewer distinct
// values; empty when there are no values). A value v falls in class i when
// boundaries[i] < v <= boundaries[i+1] (the first class also includes its lower bound).
#include <QString>
#include <vector>

namespace refuge {

enum class ClassificationMethod { EqualInterval, Quantile, NaturalBreaks };

QString classificationMethodName(ClassificationMethod method);           // "equal_interval", "quantile", "jenks"
ClassificationMethod classificationMethodFromName(const QString &name);  // unknown → NaturalBreaks

class Classification {
public:
    static std::vector<double> breaks(ClassificationMethod method, std::vector<double> values, int classes);
    static std::vector<double> equalInterval(std::vector<double> values, int classes);
    // Boundaries at the k/n quantiles of the sorted values (nearest-rank), duplicates merged.
    static std::vector<double> quantile(std::vector<double> values, int classes);
    // Jenks natural breaks: the partition of the sorted values into n classes that
    // minimises the sum of squared deviations from the class means (exact dynamic
    // programme, O(n²·k)); large inputs (> maxSample values) are first reduced to an
    // evenly spaced sample of the sorted values that keeps min and max.
    static std::vector<double> jenks(std::vector<double> values, int classes, int maxSample = 3000);
    // Index of the class of v in boundaries (as above), or -1 when outside.
    static int classOf(const std::vector<double> &boundaries, double v);
};

} // namespace refuge
