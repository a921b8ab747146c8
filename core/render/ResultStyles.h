#pragma once
// ResultStyles: the symbology of analysis result layers, as Style JSON for a
// ProjectLayer — service areas graduated by break (darkest for the smallest break;
// the layers are written largest break first so small breaks stay visible), zones
// categorized by facility, demand covered / not covered, shelters graduated by load
// ratio, fire zones by station, the unreached area and the differences with the
// official districts, a scenario comparison's change in covered residents, the reached
// streets, the network's problems, community risk classes, and the hazard analyses'
// outputs (exposure per community, hazard levels, hazardous sites, a scenario's
// newly uncovered residents, unsuitable shelters, closed areas). Built from the values the
// run produced (OutputLayer::style and styleOptions), not from the file. The same
// styles go into the results GeoPackages (ResultStyleFiles) and onto the desktop's
// result layers. Pure functions; any thread.
#include "analysis/framework/AnalysisResult.h"
#include "render/Style.h"

#include <QJsonObject>
#include <QStringList>
#include <QStringView>
#include <vector>

namespace refuge {

class ResultStyles {
public:
    // The default style of an analysis output (its `style` name and `styleOptions`),
    // legend texts in `lang` ("en", "zh"). An unknown name gives an outline.
    static Style forOutput(const OutputLayer &output, QStringView lang);

    static QJsonObject serviceAreas(const std::vector<double> &breaks, const QString &unitLabel);
    // Reached street sections: the service areas' colours as line colours.
    static QJsonObject serviceLines(const std::vector<double> &breaks, const QString &unitLabel);
    static QJsonObject networkProblems();
    static QJsonObject zones(const QStringList &facilityIds, const QString &field = QStringLiteral("facility_id"));
    static QJsonObject coveredDemand(const QString &coveredLabel, const QString &uncoveredLabel);
    static QJsonObject shelterLoad();
    static QJsonObject outline(const QString &color);
    static QJsonObject unreached();
    static QJsonObject differences();
    // Communities graduated by covered_delta (b - a residents covered): fewer (red),
    // unchanged (outline only), 1–100 more, over 100 more (greens). `labels`: the four
    // classes' legend texts in that order.
    static QJsonObject coveredDelta(const QStringList &labels);
    // Communities graduated by exposed_share (0–1): none, ≤ 10 %, 10–30 %, 30–60 %,
    // over 60 % (white to red); `labels` in that order.
    static QJsonObject exposure(const QStringList &labels);
    // A hazard scenario's communities graduated by newly_uncovered residents: none,
    // 1–100, over 100; `labels` in that order.
    static QJsonObject newlyUncovered(const QStringList &labels);
};

} // namespace refuge
