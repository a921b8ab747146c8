#pragma once
// RiskIndex: a community risk index in the INFORM manner. Each indicator (hazard
// exposure share, population density, share not covered by a shelter with room, fire
// response time, vulnerability such as the share of elderly…) is normalised over the
// communities to [0, 1] (min–max, or rank), turned round where a higher value means
// less risk, weighted and combined — by default a weighted geometric mean on INFORM's
// 1–10 scale, G = exp(Σ wᵢ·ln(1 + 9·xᵢ) / Σ wᵢ), index = (G − 1) / 9, so one indicator
// at its minimum does not zero the index; or a weighted sum Σ wᵢ·xᵢ / Σ wᵢ. A missing
// value (NaN) leaves that indicator out for that community (weights renormalised).
// The index is classified into 5 classes (Jenks natural breaks, or fixed thresholds)
// labelled 1 低 Low … 5 高 High. Pure functions on a value table; any thread.
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace refuge {

enum class RiskNormalisation { MinMax, Rank };
enum class RiskAggregation { GeometricMean, WeightedSum };
enum class RiskClassMethod { NaturalBreaks, Fixed };

struct RiskIndicator {
    QString key;                  // "exposure_share"
    QString label;                // shown in the report
    double weight = 1;            // > 0
    bool higherIsRiskier = true;
    std::vector<double> values;   // per community (NaN: missing)
};

struct RiskSettings {
    RiskNormalisation normalisation = RiskNormalisation::MinMax;
    RiskAggregation aggregation = RiskAggregation::GeometricMean;
    RiskClassMethod classMethod = RiskClassMethod::NaturalBreaks;
    std::vector<double> fixedBreaks{0.2, 0.4, 0.6, 0.8}; // lower bounds of classes 2…5
    QMap<QString, double> weights;                       // indicator key → weight (overrides)

    // Throws InvalidInput "<where>.<key>: …" for unknown names or bad numbers.
    static RiskSettings fromJson(const QJsonObject &json, const QString &where);
    QJsonObject toJson() const;
};

struct RiskResult {
    std::vector<std::vector<double>> normalised; // [indicator][community], in [0, 1] (NaN: missing)
    std::vector<double> index;                   // per community, in [0, 1] (NaN: no indicator)
    std::vector<int> riskClass;                  // per community, 1 (low) … 5 (high); 0: no index
    std::vector<double> breaks;                  // the lower bounds of classes 2…5 used
};

class RiskIndex {
public:
    // Throws InvalidInput when there are no indicators, their lengths differ, or a weight is ≤ 0.
    static RiskResult compute(const std::vector<RiskIndicator> &indicators, const RiskSettings &settings);
    static std::vector<double> normalise(const std::vector<double> &values, RiskNormalisation method, bool higherIsRiskier);
    // Class 1…5 of a value by ascending lower bounds of classes 2…5.
    static int classOf(double value, const std::vector<double> &breaks);
    // "高" / "High" … "低" / "Low".
    static QString classLabel(int riskClass, bool chinese);
};

} // namespace refuge
