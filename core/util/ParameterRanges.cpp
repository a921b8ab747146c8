#include "util/ParameterRanges.h"
#include "util/Error.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace refuge {

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

QString num(double v) { return QString::number(v, 'g', 12); }

// The help of each entry in Chinese.
QString chineseHelp(const char *name)
{
    static const std::pair<const char *, const char *> help[] = {
        {"max-meters", "沿路网的距离上限（米）。"},
        {"max-minutes", "出行时间上限（分钟）。"},
        {"breaks", "服务区分段，单位同上限（米或分钟）。"},
        {"tolerance", "距离小于此值的顶点视为同一节点。"},
        {"snap-max", "在此距离内将点吸附到最近的道路。"},
        {"turnout-seconds", "每个设施的起始耗时（如消防出动时间）。"},
        {"barrier-factor", "穿越阻断区的道路耗时乘以此系数。"},
        {"access-meters", "可达道路两侧的接入距离。"},
        {"split-cell", "将大于一个网格的人口面按此尺寸的网格拆分。"},
        {"walk-speed", "按时间上限计算直线距离时的步行速度。"},
        {"speed-kmh", "直线消防响应的车速。"},
        {"grid-cell", "消防分区和面积统计的采样网格尺寸。"},
        {"area-from-capacity", "无有效面积的避难场所按每人此面积推算。"},
        {"k", "要选择的新址数量。"},
        {"candidate-grid", "候选点网格的尺寸（取网格中心）。"},
        {"time-limit", "每次精确求解的时间上限。"},
        {"margin", "图集每个要素周围的留白，占其范围的百分比。"},
        {"scale", "图集每页固定的比例尺分母（1:N）。"},
        {"width", "图像宽度（像素）。"},
        {"height", "图像高度（像素）。"},
        {"dpi", "符号和标注大小所用的输出分辨率。"},
        {"profile-speed-kmh", "出行方式中的速度（默认、各等级、吸附）。"},
        {"profile-access-meters", "出行方式的接入距离。"},
        {"population", "一个人口要素（街区、建筑、网格）的人口。"},
        {"standard-m", "标准中的距离。"},
        {"standard-s", "标准中的时间。"},
        {"standard-km2", "标准中的面积（km²）。"},
        {"standard-m2", "标准中的面积（m²）。"},
        {"standard-m2/person", "标准中的人均面积。"},
        {"standard-m2/resident", "标准中的每居民面积。"},
        {"standard-persons", "标准中的人数。"},
        {"standard-share", "标准中的比例（0 到 1）。"},
        {"standard-m/s", "标准中的速度（m/s）。"},
        {"standard-km/h", "标准中的速度（km/h）。"},
        {"standard-value", "标准中其他单位的取值。"},
    };
    for (const auto &[n, h] : help)
        if (qstrcmp(n, name) == 0)
            return QString::fromUtf8(h);
    return {};
}

std::vector<ParameterSpec> makeTable()
{
    // name, unit, min, max, min exclusive, default, help. Ranges are wide enough for any
    // real plan (a 24 h limit, a 100 km walk, a 1 km cell) and narrow enough to refuse
    // what would hang, overflow or mean nothing.
    auto p = [](const char *name, const char *unit, double min, double max, bool minExclusive, double def, const char *help) {
        return ParameterSpec{QString::fromLatin1(name), QString::fromUtf8(unit), min, max, minExclusive, def, QString::fromUtf8(help), chineseHelp(name)};
    };
    std::vector<ParameterSpec> table{
        // Network options (refuge-cli service-area, zones, network-check, coverage, fire-coverage; project analysis).
        p("max-meters", "m", 0, 100000, true, kNone, "Cost limit in metres along the network."),
        p("max-minutes", "min", 0, 1440, true, kNone, "Cost limit in minutes of travel."),
        p("breaks", "", 0, 100000, true, kNone, "Break of a service area, in the limit's unit (m or min)."),
        p("tolerance", "m", 0, 50, true, 0.5, "Vertices closer than this are one node."),
        p("snap-max", "m", 0, 10000, true, 300, "Snap points to the nearest street within this distance."),
        p("turnout-seconds", "s", 0, 3600, false, 0, "Start cost per facility (e.g. fire turnout)."),
        p("barrier-factor", "", 1, 1000, false, kNone, "Multiply the cost of streets crossing a barrier by this factor."),
        p("access-meters", "m", 0, 1000, true, kNone, "Lateral access distance around reached streets."),
        // Coverage.
        p("split-cell", "m", 1, 10000, false, kNone, "Spread demand polygons larger than one cell over cells of this size."),
        p("walk-speed", "m/s", 0.1, 10, false, kNone, "Walking speed for straight-line distances with a time limit."),
        // Fire coverage.
        p("speed-kmh", "km/h", 1, 200, false, kNone, "Engine speed for straight-line fire response."),
        p("grid-cell", "m", 1, 10000, false, 50, "Sample grid cell for fire zones and areas."),
        p("area-from-capacity", "m²/person", 0, 1000, true, kNone, "Area per person taken for shelters that have no effective area."),
        // Siting.
        p("k", "sites", 1, 100000, false, 1, "Number of new sites to choose."),
        p("candidate-grid", "m", 10, 100000, false, kNone, "Candidate sites at the centres of a grid of cells of this size."),
        p("time-limit", "s", 0.1, 86400, false, 60, "Time limit of each exact solve."),
        // Drawing (refuge-cli render).
        p("margin", "%", 0, 100, false, 10, "Margin around each atlas feature, in % of its extent."),
        p("scale", "", 0, 1e9, true, kNone, "Fixed map scale denominator of every atlas page (1:N)."),
        p("width", "px", 1, 20000, false, 1600, "Width of the image in pixels."),
        p("height", "px", 1, 20000, false, 1000, "Height of the image in pixels."),
        p("dpi", "dpi", 1, 2400, false, 96, "Output resolution for symbol and label sizes."),
        // Travel profiles (walk.json, drive.json or the user's own).
        p("profile-speed-kmh", "km/h", 0.1, 300, false, kNone, "A speed of a travel profile (default, per class, snap)."),
        p("profile-access-meters", "m", 0, 1000, true, 50, "A profile's lateral access distance."),
        // Attribute values with a physical limit.
        p("population", "persons", 0, 1e9, false, kNone, "Population of one demand feature (block, building, cell)."),
        // Standards values (--standard-override KEY=NUMBER, analysis.standard_overrides), by unit.
        p("standard-m", "m", 0, 100000, false, kNone, "A standards distance."),
        p("standard-s", "s", 0, 86400, false, kNone, "A standards time."),
        p("standard-km2", "km²", 0, 10000, false, kNone, "A standards area in km²."),
        p("standard-m2", "m²", 0, 1e8, false, kNone, "A standards area in m²."),
        p("standard-m2/person", "m²/person", 0, 1000, false, kNone, "A standards area per person."),
        p("standard-m2/resident", "m²/resident", 0, 1000, false, kNone, "A standards area per resident."),
        p("standard-persons", "persons", 0, 1e9, false, kNone, "A standards number of persons."),
        p("standard-share", "", 0, 1, false, kNone, "A standards share (0 to 1)."),
        p("standard-m/s", "m/s", 0, 100, true, kNone, "A standards speed in m/s."),
        p("standard-km/h", "km/h", 0, 300, true, kNone, "A standards speed in km/h."),
        p("standard-value", "", 0, 1e9, false, kNone, "A standards value of another unit."),
    };
    // Cells: the count limit is part of the documented range.
    for (ParameterSpec &s : table) {
        if (s.name == QLatin1String("grid-cell") || s.name == QLatin1String("split-cell")) {
            s.help = s.help.chopped(1) + QStringLiteral("; at most %1 cells in all").arg(QString::number(ParameterRanges::kMaxGridCells, 'f', 0));
            s.helpZh = s.helpZh.chopped(1) + QStringLiteral("；总计最多 %1 个网格。").arg(QString::number(ParameterRanges::kMaxGridCells, 'f', 0));
        }
    }
    return table;
}

} // namespace

bool ParameterSpec::contains(double value) const
{
    if (!std::isfinite(value) || value > max)
        return false;
    return minExclusive ? value > min : value >= min;
}

QString ParameterSpec::rangeText() const
{
    const QString u = unit.isEmpty() ? QString() : QLatin1Char(' ') + unit;
    if (minExclusive)
        return QStringLiteral("> %1 and ≤ %2%3").arg(num(min), num(max), u);
    return QStringLiteral("from %1 to %2%3").arg(num(min), num(max), u);
}

QString ParameterSpec::helpText() const
{
    QString h = help;
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    h += QStringLiteral(" (%1").arg(rangeText());
    if (!std::isnan(defaultValue))
        h += QStringLiteral("; default %1").arg(num(defaultValue));
    return h + QStringLiteral(").");
}

const std::vector<ParameterSpec> &ParameterRanges::all()
{
    static const std::vector<ParameterSpec> table = makeTable();
    return table;
}

const ParameterSpec &ParameterRanges::spec(QStringView name)
{
    for (const ParameterSpec &s : all())
        if (s.name == name)
            return s;
    throw std::logic_error("ParameterRanges: no parameter named " + name.toString().toStdString());
}

const ParameterSpec &ParameterRanges::standardValue(const QString &unit)
{
    const QString name = QStringLiteral("standard-") + unit;
    for (const ParameterSpec &s : all())
        if (s.name == name)
            return s;
    return spec(u"standard-value");
}

double ParameterRanges::check(const ParameterSpec &spec, double value, const QString &label)
{
    if (!spec.contains(value))
        throw InvalidInput(QStringLiteral("%1: must be a number %2 (got %3)").arg(label, spec.rangeText(), num(value)));
    return value;
}

double ParameterRanges::parse(const ParameterSpec &spec, const QString &text, const QString &label)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !spec.contains(v))
        throw InvalidInput(QStringLiteral("%1: must be a number %2 (got '%3')").arg(label, spec.rangeText(), text));
    return v;
}

double ParameterRanges::fromJson(const ParameterSpec &spec, const QJsonValue &value, const QString &label)
{
    if (!value.isDouble()) {
        const QString shown = value.isString() ? QStringLiteral("'%1'").arg(value.toString())
            : value.isBool()                   ? QString::fromLatin1(value.toBool() ? "true" : "false")
            : value.isNull()                   ? QStringLiteral("null")
            : value.isUndefined()              ? QStringLiteral("nothing: the value is missing")
                                               : QStringLiteral("a list or object");
        throw InvalidInput(QStringLiteral("%1: must be a number %2 (got %3)").arg(label, spec.rangeText(), shown));
    }
    return check(spec, value.toDouble(), label);
}

double ParameterRanges::cellCount(const QRectF &extent, double cellMeters, double metresPerUnit)
{
    const double cell = cellMeters / (metresPerUnit > 0 ? metresPerUnit : 1.0);
    if (!(cell > 0) || !std::isfinite(cell))
        return std::numeric_limits<double>::infinity();
    const double cols = std::floor(extent.right() / cell) - std::floor(extent.left() / cell) + 1;
    const double rows = std::floor(extent.bottom() / cell) - std::floor(extent.top() / cell) + 1;
    const double n = cols * rows;
    return std::isfinite(n) ? n : std::numeric_limits<double>::infinity();
}

void ParameterRanges::checkCellCount(double cells, double cellMeters, const QString &label, const QString &over)
{
    if (!(cells <= kMaxGridCells))
        throw InvalidInput(QStringLiteral("%1: a cell of %2 m%3 gives %4 cells; the limit is %5 cells (use a larger cell)")
                               .arg(label, num(cellMeters), over.isEmpty() ? QString() : QStringLiteral(" over ") + over,
                                    std::isfinite(cells) ? QString::number(cells, 'f', 0) : QStringLiteral("too many"),
                                    QString::number(kMaxGridCells, 'f', 0)));
}

void ParameterRanges::checkCellCount(const QRectF &extent, double cellMeters, double metresPerUnit, const QString &label)
{
    const double m = metresPerUnit > 0 ? metresPerUnit : 1.0;
    const QString over = QStringLiteral("%1 × %2 km").arg(extent.width() * m / 1000, 0, 'f', 1).arg(extent.height() * m / 1000, 0, 'f', 1);
    checkCellCount(cellCount(extent, cellMeters, metresPerUnit), cellMeters, label, over);
}

void ParameterRanges::checkPopulation(const QString &source, const std::vector<double> &population, const std::vector<int> &feature)
{
    const ParameterSpec &s = spec(u"population");
    double total = 0;
    for (std::size_t i = 0; i < population.size(); ++i) {
        const int f = i < feature.size() ? feature[i] : -1;
        check(s, population[i], fileMessage(source, f >= 0 ? QStringLiteral("feature %1: population").arg(f) : QStringLiteral("population")));
        total += population[i];
    }
    if (!std::isfinite(total))
        throw InvalidInput(fileMessage(source, QStringLiteral("the total population is not a finite number")));
}

} // namespace refuge
