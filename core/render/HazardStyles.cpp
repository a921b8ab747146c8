// HazardStyles: five-colour risk palette, hazard zones by level and type, risk classes.
#include "render/HazardStyles.h"
#include "model/VectorLayer.h"

#include <QSet>
#include <algorithm>

namespace refuge {

namespace {

constexpr int kFillAlpha = 90;

HatchPattern hatchFor(HazardType type)
{
    switch (type) {
    case HazardType::Flood: return HatchPattern::BDiagonal;
    case HazardType::Waterlogging: return HatchPattern::Horizontal;
    case HazardType::Earthquake: return HatchPattern::Cross;
    case HazardType::Geological: return HatchPattern::FDiagonal;
    case HazardType::Hazmat: return HatchPattern::DiagCross;
    case HazardType::Fire: return HatchPattern::Vertical;
    case HazardType::Typhoon:
    case HazardType::Other: return HatchPattern::None;
    }
    return HatchPattern::None;
}

Symbol levelSymbol(int level, HazardType type, int dim)
{
    const QColor c = riskLevelColor(level);
    Symbol s;
    if (dim == 0) {
        s.marker = MarkerShape::Triangle;
        s.fillColor = c;
        s.strokeColor = QColor(60, 60, 60);
        s.strokeWidthMm = 0.3;
        s.sizeMm = 4.5;
        return s;
    }
    s.fillColor = c;
    s.fillColor.setAlpha(kFillAlpha);
    // Bold outline and dense dark hatching: the zone reads as a hazard over any area fill
    // beneath (the population's yellow-red ramp shares the palette's warm colours).
    s.strokeColor = c.darker(170);
    s.strokeWidthMm = 0.5;
    s.hatch = hatchFor(type);
    s.hatchColor = c.darker(200);
    s.hatchColor.setAlpha(220);
    s.hatchWidthMm = 0.3;
    s.hatchSpacingMm = 2.0;
    return s;
}

QString withValue(int level, const QString &value)
{
    return value.isEmpty() ? riskLevelLegend(level) : riskLevelLegend(level) + QStringLiteral(" · ") + value;
}

} // namespace

QColor riskLevelColor(int level)
{
    switch (level) {
    case 5: return QColor(215, 25, 28);   // 高 red
    case 4: return QColor(253, 141, 60);  // 较高 orange
    case 3: return QColor(254, 217, 70);  // 中 yellow
    case 2: return QColor(67, 147, 195);  // 较低 blue
    case 1: return QColor(26, 150, 65);   // 低 green
    default: return QColor(150, 150, 150);
    }
}

QString riskLevelLegend(int level) { return hazardLevelLabel(level, true) + QLatin1Char(' ') + hazardLevelLabel(level, false); }

Style hazardStyle(const VectorLayer &layer, const HazardSettings &s)
{
    const int dim = std::max(0, dimension(layer.geometryType()) < 0 ? 2 : dimension(layer.geometryType()));
    const HazardLevelMapping &m = s.level;
    const bool hasField = !m.field.isEmpty() && layer.fieldIndex(m.field) >= 0;
    if (m.kind == HazardLevelMapping::Kind::Constant || !hasField) {
        // No mapping yet: the middle level, so the zone is visible and says "not rated".
        Style st = Style::single(levelSymbol(m.kind == HazardLevelMapping::Kind::Constant ? m.constant : 3, s.type, dim));
        if (m.kind != HazardLevelMapping::Kind::Constant)
            st.symbol.fillColor = QColor(120, 120, 120, kFillAlpha), st.symbol.strokeColor = QColor(90, 90, 90);
        return st;
    }
    Style st;
    st.symbol = levelSymbol(3, s.type, dim);
    st.symbol.fillColor = QColor(150, 150, 150, kFillAlpha); // values outside the mapping
    st.field = layer.fields()[std::size_t(layer.fieldIndex(m.field))].name;
    if (m.kind == HazardLevelMapping::Kind::Breaks) {
        st.type = Style::Type::Graduated;
        for (std::size_t k = 0; k < m.breaks.size(); ++k) {
            StyleRange r;
            r.lower = m.breaks[k];
            r.upper = k + 1 < m.breaks.size() ? m.breaks[k + 1] : 1e300;
            r.label = withValue(int(k) + 1, k + 1 < m.breaks.size() ? QStringLiteral("%1–%2").arg(r.lower).arg(r.upper)
                                                                     : QStringLiteral("≥ %1").arg(r.lower));
            r.symbol = levelSymbol(int(k) + 1, s.type, dim);
            st.ranges.push_back(r);
        }
        return st;
    }
    st.type = Style::Type::Categorized;
    std::vector<std::pair<int, QVariant>> cats;
    if (!m.values.isEmpty()) {
        for (auto it = m.values.begin(); it != m.values.end(); ++it)
            cats.push_back({it.value(), QVariant(it.key())});
    } else {
        for (int level = 1; level <= kHazardLevels; ++level)
            cats.push_back({level, QVariant(level)});
    }
    std::stable_sort(cats.begin(), cats.end(), [](const auto &a, const auto &b) { return a.first > b.first; }); // high first
    for (const auto &[level, value] : cats) {
        StyleCategory c;
        c.value = value;
        c.label = withValue(level, m.values.isEmpty() ? QString() : value.toString());
        c.symbol = levelSymbol(level, s.type, dim);
        st.categories.push_back(c);
    }
    return st;
}

Style riskClassStyle(const QString &field, int dim, const QString &nameField)
{
    Style st;
    if (!nameField.isEmpty()) {
        st.labels.enabled = true;
        st.labels.text = QStringLiteral("{") + nameField + QStringLiteral("}");
        st.labels.placement = LabelPlacement::Inside;
        st.labels.bold = true;
    }
    st.type = Style::Type::Categorized;
    st.field = field;
    st.symbol = levelSymbol(0, HazardType::Other, dim);
    for (int level = kHazardLevels; level >= 1; --level) {
        StyleCategory c;
        c.value = level;
        c.label = riskLevelLegend(level);
        c.symbol = levelSymbol(level, HazardType::Other, dim);
        c.symbol.hatch = HatchPattern::None;
        if (dim == 2)
            c.symbol.fillColor.setAlpha(200), c.symbol.strokeColor = QColor(255, 255, 255), c.symbol.strokeWidthMm = 0.3;
        st.categories.push_back(c);
    }
    return st;
}

} // namespace refuge
