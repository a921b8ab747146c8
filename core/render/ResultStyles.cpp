// ResultStyles: the default symbology of analysis result layers (see the header).
#include "render/ResultStyles.h"
#include "render/ColorRamp.h"
#include "render/HazardStyles.h"

#include <QJsonArray>


namespace refuge {

namespace {

Symbol polygon(const QColor &fill, const QColor &stroke, double strokeMm = 0.2)
{
    Symbol s;
    s.fillColor = fill;
    s.strokeColor = stroke;
    s.strokeWidthMm = strokeMm;
    return s;
}

Symbol marker(const QColor &fill, double sizeMm)
{
    Symbol s;
    s.fillColor = fill;
    s.strokeColor = QColor(40, 40, 40);
    s.strokeWidthMm = 0.15;
    s.sizeMm = sizeMm;
    return s;
}

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

// Communities graduated by `field`: class i from bounds[i] to bounds[i + 1], filled
// fills[i], grey outlines, legend labels[i].
QJsonObject bands(const QString &field, const std::vector<double> &bounds, const std::vector<QColor> &fills, const QStringList &labels)
{
    Style style;
    style.type = Style::Type::Graduated;
    style.field = field;
    style.symbol = polygon(Qt::transparent, QColor(99, 99, 99), 0.2);
    for (std::size_t i = 0; i < fills.size() && i + 1 < bounds.size(); ++i) {
        StyleRange r;
        r.lower = bounds[i];
        r.upper = bounds[i + 1];
        r.label = labels.value(qsizetype(i));
        r.symbol = polygon(fills[i], QColor(99, 99, 99), 0.2);
        style.ranges.push_back(r);
    }
    return style.toJson();
}

std::vector<double> numbers(const QJsonValue &list)
{
    std::vector<double> out;
    for (const QJsonValue &v : list.toArray())
        out.push_back(v.toDouble());
    return out;
}

} // namespace

Style ResultStyles::forOutput(const OutputLayer &output, QStringView lang)
{
    const QJsonObject &o = output.styleOptions;
    const QString &name = output.style;
    auto in = [lang](const char *en, const char *zh) { return text(en, zh).in(lang); };
    const std::vector<double> breaks = numbers(o.value(QStringLiteral("breaks")));
    const QString unit = o.value(QStringLiteral("unit")).toString() == QLatin1String("m") ? in("m", "米") : in("min", "分钟");
    QJsonObject json;
    if (name == QLatin1String("service_areas")) {
        json = serviceAreas(breaks, unit);
    } else if (name == QLatin1String("service_lines")) {
        json = serviceLines(breaks, unit);
    } else if (name == QLatin1String("zones")) {
        QStringList ids;
        for (const QJsonValue &id : o.value(QStringLiteral("facility_ids")).toArray())
            ids << id.toString();
        json = zones(ids, o.value(QStringLiteral("field")).toString(QStringLiteral("facility_id")));
    } else if (name == QLatin1String("covered_demand")) {
        json = coveredDemand(in("Within reach of a shelter", "可到达避难场所"), in("Not within reach", "无法到达"));
    } else if (name == QLatin1String("shelter_load")) {
        json = shelterLoad();
    } else if (name == QLatin1String("unreached")) {
        json = unreached();
    } else if (name == QLatin1String("differences")) {
        json = differences();
    } else if (name == QLatin1String("covered_delta")) {
        json = coveredDelta({in("Fewer residents covered", "覆盖人口减少"), in("No change", "无变化"), in("1–100 more covered", "覆盖增加 1–100 人"),
                             in("Over 100 more covered", "覆盖增加 100 人以上")});
    } else if (name == QLatin1String("network_problems")) {
        json = networkProblems();
    } else if (name == QLatin1String("risk_classes")) {
        return riskClassStyle(o.value(QStringLiteral("field")).toString(QStringLiteral("risk_class")), 2, o.value(QStringLiteral("label")).toString());
    } else if (name == QLatin1String("hazard_levels")) {
        Style levels = riskClassStyle(QStringLiteral("level"), 2);
        for (StyleCategory &c : levels.categories) // over the map, not hiding it
            c.symbol.fillColor.setAlpha(110);
        return levels;
    } else if (name == QLatin1String("exposure")) {
        json = exposure({in("No one exposed", "无暴露人口"), in("up to 10 % exposed", "暴露不超过 10%"), in("10–30 % exposed", "暴露 10%–30%"),
                         in("30–60 % exposed", "暴露 30%–60%"), in("over 60 % exposed", "暴露超过 60%")});
    } else if (name == QLatin1String("scenario_areas")) {
        json = newlyUncovered({in("No one newly uncovered", "无新增未覆盖人口"), in("1–100 newly uncovered", "新增未覆盖 1–100 人"),
                               in("over 100 newly uncovered", "新增未覆盖 100 人以上")});
    } else if (name == QLatin1String("unsuitable_shelters")) {
        Style st;
        st.symbol = marker(QColor(215, 25, 28), 4.5);
        st.symbol.marker = MarkerShape::Cross;
        st.symbol.strokeColor = QColor(165, 0, 38);
        st.symbol.strokeWidthMm = 0.8;
        return st;
    } else if (name == QLatin1String("hazard_sources")) {
        Style st;
        st.symbol = marker(QColor(118, 42, 131), 3.5);
        st.symbol.marker = MarkerShape::Triangle;
        return st;
    } else if (name == QLatin1String("hazard_closures")) {
        Style st;
        st.symbol = polygon(QColor(33, 102, 172, 40), QColor(33, 102, 172), 0.2);
        st.symbol.hatch = HatchPattern::DiagCross;
        st.symbol.hatchColor = QColor(33, 102, 172);
        return st;
    } else {
        json = outline(output.id == QLatin1String("areas") ? QStringLiteral("#636363") : QStringLiteral("#1a9850"));
    }
    return Style::fromJson(json);
}

QJsonObject ResultStyles::serviceAreas(const std::vector<double> &breaks, const QString &unitLabel)
{
    Style style;
    style.type = Style::Type::Graduated;
    style.field = QStringLiteral("break");
    style.ramp = QStringLiteral("greens");
    style.symbol = polygon(QColor(120, 180, 120, 110), QColor(40, 90, 40));
    // Dark green for the smallest break, paler and more transparent for larger ones.
    const QColor dark(0, 109, 44), light(199, 233, 192);
    double lower = 0;
    const int n = int(breaks.size());
    for (int i = 0; i < n; ++i) {
        const double t = n > 1 ? double(i) / (n - 1) : 0.0;
        QColor c = QColor::fromRgbF(float(dark.redF() + t * (light.redF() - dark.redF())),
                                    float(dark.greenF() + t * (light.greenF() - dark.greenF())),
                                    float(dark.blueF() + t * (light.blueF() - dark.blueF())));
        c.setAlpha(int(170 - 60 * t));
        StyleRange r;
        r.lower = lower;
        r.upper = breaks[std::size_t(i)];
        r.label = QStringLiteral("≤ %1 %2").arg(number(r.upper), unitLabel);
        r.symbol = polygon(c, dark.darker(120), 0.2);
        style.ranges.push_back(r);
        lower = r.upper;
    }
    return style.toJson();
}

QJsonObject ResultStyles::serviceLines(const std::vector<double> &breaks, const QString &unitLabel)
{
    Style style = Style::fromJson(serviceAreas(breaks, unitLabel));
    style.symbol.strokeColor = style.symbol.fillColor;
    style.symbol.strokeWidthMm = 0.6;
    for (StyleRange &r : style.ranges) {
        QColor c = r.symbol.fillColor;
        c.setAlpha(255);
        r.symbol.strokeColor = c;
        r.symbol.strokeWidthMm = 0.6;
    }
    return style.toJson();
}

QJsonObject ResultStyles::networkProblems()
{
    Style style;
    style.symbol = marker(QColor(215, 48, 39), 2.2);
    style.symbol.strokeColor = QColor(215, 48, 39);
    style.symbol.strokeWidthMm = 0.6;
    return style.toJson();
}

QJsonObject ResultStyles::zones(const QStringList &facilityIds, const QString &field)
{
    Style style;
    style.type = Style::Type::Categorized;
    style.field = field;
    style.ramp = QStringLiteral("categorical");
    style.symbol = polygon(QColor(200, 200, 200, 120), QColor(80, 80, 80));
    const std::vector<QColor> colors = ColorRamp::named(QStringLiteral("categorical")).colors(int(std::max<qsizetype>(1, facilityIds.size())));
    for (int i = 0; i < facilityIds.size(); ++i) {
        StyleCategory c;
        c.value = facilityIds[i];
        c.label = facilityIds[i];
        QColor fill = colors[std::size_t(i) % colors.size()];
        fill.setAlpha(140);
        c.symbol = polygon(fill, QColor(60, 60, 60), 0.3);
        style.categories.push_back(c);
    }
    return style.toJson();
}

QJsonObject ResultStyles::coveredDemand(const QString &coveredLabel, const QString &uncoveredLabel)
{
    Style style;
    style.type = Style::Type::Categorized;
    style.field = QStringLiteral("covered");
    style.symbol = marker(QColor(150, 150, 150), 1.2);
    StyleCategory yes;
    yes.value = true;
    yes.label = coveredLabel;
    yes.symbol = marker(QColor(26, 152, 80), 1.2);
    StyleCategory no;
    no.value = false;
    no.label = uncoveredLabel;
    no.symbol = marker(QColor(215, 48, 39), 1.6);
    style.categories = {yes, no};
    return style.toJson();
}

QJsonObject ResultStyles::shelterLoad()
{
    Style style;
    style.type = Style::Type::Graduated;
    style.field = QStringLiteral("load_ratio");
    style.ramp = QStringLiteral("yellow_red");
    style.symbol = marker(QColor(150, 150, 150), 4);
    struct Band {
        double lower, upper;
        QColor color;
        const char *label;
    };
    const Band bands[] = {{0, 0.5, QColor(26, 150, 65), "< 50 %"},
                          {0.5, 0.8, QColor(166, 217, 106), "50 – 80 %"},
                          {0.8, 1.0, QColor(253, 174, 97), "80 – 100 %"},
                          {1.0, 1e12, QColor(215, 25, 28), "> 100 %"}};
    for (const Band &b : bands) {
        StyleRange r;
        r.lower = b.lower;
        r.upper = b.upper;
        r.label = QString::fromUtf8(b.label);
        r.symbol = marker(b.color, 5);
        r.symbol.marker = MarkerShape::Square;
        r.symbol.strokeColor = QColor(20, 20, 20);
        r.symbol.strokeWidthMm = 0.45;
        style.ranges.push_back(r);
    }
    return style.toJson();
}

QJsonObject ResultStyles::outline(const QString &color)
{
    Style style;
    style.symbol = polygon(Qt::transparent, QColor(color), 0.5);
    return style.toJson();
}

QJsonObject ResultStyles::unreached()
{
    Style style;
    Symbol s = polygon(QColor(215, 48, 39, 90), QColor(165, 0, 38), 0.3);
    s.hatch = HatchPattern::BDiagonal;
    s.hatchColor = QColor(165, 0, 38);
    style.symbol = s;
    return style.toJson();
}

QJsonObject ResultStyles::differences()
{
    Style style;
    Symbol s = polygon(QColor(255, 255, 255, 0), QColor(84, 39, 143), 0.4);
    s.hatch = HatchPattern::FDiagonal;
    s.hatchColor = QColor(84, 39, 143);
    s.strokeStyle = Qt::DashLine;
    style.symbol = s;
    return style.toJson();
}

QJsonObject ResultStyles::coveredDelta(const QStringList &labels)
{
    return bands(QStringLiteral("covered_delta"), {-1e12, -0.5, 0.5, 100, 1e12},
                 {QColor(215, 48, 39, 170), QColor(255, 255, 255, 0), QColor(161, 217, 155, 190), QColor(35, 139, 69, 200)}, labels);
}

QJsonObject ResultStyles::exposure(const QStringList &labels)
{
    return bands(QStringLiteral("exposed_share"), {-1e-9, 1e-9, 0.1, 0.3, 0.6, 1.0 + 1e-9},
                 {QColor(255, 255, 255, 0), QColor(254, 229, 217, 170), QColor(252, 174, 145, 180), QColor(251, 106, 74, 190), QColor(203, 24, 29, 200)},
                 labels);
}

QJsonObject ResultStyles::newlyUncovered(const QStringList &labels)
{
    return bands(QStringLiteral("newly_uncovered"), {-1e12, 0.5, 100, 1e12},
                 {QColor(255, 255, 255, 0), QColor(252, 146, 114, 170), QColor(203, 24, 29, 200)}, labels);
}

} // namespace refuge
