#pragma once
// ResultStyles: the symbology of analysis result layers, as Style JSON for a
// ProjectLayer — service areas graduated by break (darkest for the smallest break;
// the layers are written largest break first so small breaks stay visible), zones
// categorized by facility, demand covered / not covered, shelters graduated by load
// ratio, fire zones by station, the unreached area and the differences with the
// official districts, a scenario comparison's change in covered residents, the reached streets and the network's problems. Built from the values the run produced, not from the file.
// Pure functions; any thread.
#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace refuge::desktop {

class ResultStyles {
public:
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
};

} // namespace refuge::desktop
