// NetworkParameters: the shared network declarations, rules and conversions.
#include "analysis/algorithms/NetworkParameters.h"
#include "analysis/framework/ParameterValues.h"
#include "standards/StandardsProfile.h"
#include "util/Error.h"

namespace refuge::NetworkParameters {

using namespace param;

void declare(std::vector<Parameter> &out, const Options &o)
{
    Parameter network = layer("network", text("Road network", "路网"),
                              text("Road lines: PATH[:LAYER] (any GDAL source) or an OSM .osm/.osm.pbf file.",
                                   "道路线：PATH[:LAYER]（GDAL 可读的任何数据源）或 OSM .osm/.osm.pbf 文件。"),
                              Role::Roads, LineLayer);
    network.group = QStringLiteral("network");
    Parameter profileParam = profile("profile", o.defaultProfile, text("Travel profile", "出行方式"),
                                     text("Travel profile: walk, walk-elderly, drive, or a .json file.", "出行方式：walk（步行）、walk-elderly（老人步行）、drive（车行）或 .json 文件。"));
    profileParam.group = QStringLiteral("network");
    auto roadField = [](const char *name, LocalText label, LocalText help) {
        Parameter p = field(name, std::move(label), std::move(help), "network");
        p.advanced = true;
        p.group = QStringLiteral("network");
        return p;
    };
    out.push_back(network);
    out.push_back(profileParam);
    out.push_back(roadField("oneway-field", text("One-way field", "单行字段"),
                            text("One-way field (0/1/-1, yes/no, FT/TF/B); default 'oneway' if present.", "单行道字段（0/1/-1、yes/no、FT/TF/B）；默认存在时用 'oneway'。")));
    out.push_back(roadField("speed-field", text("Speed field", "速度字段"),
                            text("Speed field in km/h; default 'maxspeed' for profiles that use it.", "速度字段（km/h）；使用速度的出行方式默认 'maxspeed'。")));
    out.push_back(roadField("class-field", text("Road class field", "道路等级字段"),
                            text("Road class field (OSM highway values or the profile's classes); default 'highway'.", "道路等级字段（OSM highway 值或出行方式中的等级）；默认 'highway'。")));
    out.push_back(roadField("from-node-field", text("From-node field", "起点节点字段"),
                            text("Take topology from node id fields: the from-node field.", "按节点编号字段建立拓扑：起点节点字段。")));
    out.push_back(roadField("to-node-field", text("To-node field", "终点节点字段"),
                            text("Take topology from node id fields: the to-node field.", "按节点编号字段建立拓扑：终点节点字段。")));
    auto advancedNumber = [](const char *name, LocalText label) {
        Parameter p = number(name, name, std::move(label));
        p.advanced = true;
        p.group = QStringLiteral("network");
        return p;
    };
    out.push_back(advancedNumber("tolerance", text("Node tolerance", "节点容差")));
    Parameter snap = number("snap-max", "snap-max", text("Snap distance", "吸附距离"));
    snap.group = QStringLiteral("network");
    out.push_back(snap);
    Parameter legs = flag("no-snap-legs", text("No snap legs", "不计接入段"), text("Do not count the walk between a point and its street.", "不计点到道路的步行距离。"));
    legs.advanced = true;
    out.push_back(legs);
    Parameter crsParam = crs("crs", text("Working CRS", "计算坐标系"),
                             text("Metric CRS to work in (e.g. EPSG:32651); default the network's (UTM for lon/lat).", "计算用的米制坐标系（如 EPSG:32651）；默认用路网的（经纬度时用 UTM）。"));
    crsParam.advanced = true;
    out.push_back(crsParam);
    Parameter facilities = layer("facilities", text("Facilities", "设施"), text("Facility points: PATH[:LAYER].", "设施点：PATH[:LAYER]。"), o.facilityRole,
                                 o.facilityPolygons ? PointLayer | PolygonLayer : PointLayer);
    facilities.group = QStringLiteral("inputs");
    out.push_back(facilities);
    Parameter id = field("facility-id", text("Facility id field", "设施编号字段"),
                         text("Facility id field (default: the layer's 'id' field if it names every row once, else the row number counted from 1).",
                              "设施编号字段（默认：图层的 'id' 字段若每行唯一，否则为从 1 开始的行号）。"),
                         "facilities");
    id.group = QStringLiteral("inputs");
    id.project.role = o.facilityRole;
    id.project.fieldKey = QStringLiteral("id");
    out.push_back(id);
    Parameter turnout = number("turnout-seconds", "turnout-seconds", text("Turnout time", "出动时间"),
                               text("Start cost per facility (e.g. fire turnout).", "每个设施的起始耗时（如消防出动时间）。"));
    turnout.group = QStringLiteral("limits");
    out.push_back(turnout);
    Parameter barriers = layer("barriers", text("Barriers", "阻断区"), text("Polygons closing the streets they cross: PATH[:LAYER].", "阻断所穿越道路的多边形：PATH[:LAYER]。"),
                               std::nullopt, PolygonLayer);
    barriers.group = QStringLiteral("network");
    out.push_back(barriers);
    Parameter factor = number("barrier-factor", "barrier-factor", text("Barrier factor", "阻断系数"),
                              text("Multiply the cost of streets crossing a barrier by this factor.", "穿越阻断区的道路耗时乘以此系数。"));
    factor.defaultNote = text("close the streets", "封闭道路");
    factor.group = QStringLiteral("network");
    out.push_back(factor);
    Parameter meters = number("max-meters", "max-meters", text("Distance limit", "距离上限"), text("Cost limit in metres along the network.", "沿路网的距离上限（米）。"));
    meters.group = QStringLiteral("limits");
    Parameter minutes = number("max-minutes", "max-minutes", text("Time limit", "时间上限"), text("Cost limit in minutes of travel.", "出行时间上限（分钟）。"));
    minutes.group = QStringLiteral("limits");
    meters.alternatives = {minutes.name};
    minutes.alternatives = {meters.name};
    out.push_back(meters);
    out.push_back(minutes);
    Parameter breaks = numberList("breaks", "breaks", text("Breaks", "分段"),
                                  text("Breaks in the limit's unit, e.g. 5,10,15 (default: the limit).", "以上限单位表示的分段，如 5,10,15（默认：上限本身）。"));
    breaks.group = QStringLiteral("limits");
    out.push_back(breaks);
    Parameter outDir = textValue("out", "dir", text("Output folder", "输出文件夹"),
                                 text("Output folder, or a PostGIS schema 'PG:dbname=... schemas=NAME': tables <analysis>_<layer> and a row "
                                      "in NAME.refuge_runs, no CSV files.",
                                      "输出文件夹，或 PostGIS 模式 'PG:dbname=... schemas=NAME'：写入表 <分析>_<图层> 及 NAME.refuge_runs "
                                      "中的一行记录，不写 CSV 文件。"));
    outDir.required = true;
    outDir.group = QStringLiteral("output");
    out.push_back(outDir);
    Parameter noCache = flag("no-cache", text("No graph cache", "不用路网缓存"), text("Do not read or write the graph cache.", "不读写路网缓存。"));
    noCache.advanced = true;
    out.push_back(noCache);
    Parameter cacheDir = textValue("cache-dir", "dir", text("Graph cache folder", "路网缓存文件夹"), text("Graph cache folder.", "路网缓存文件夹。"));
    cacheDir.advanced = true;
    out.push_back(cacheDir);
}

void checkRules(const ParameterValues &v, ValidationIssues &issues)
{
    const bool meters = v.has(QStringLiteral("max-meters")), minutes = v.has(QStringLiteral("max-minutes"));
    if (meters && minutes)
        issues.push_back({QStringLiteral("max-meters"), QStringLiteral("give either {max-meters} or {max-minutes}, not both")});
    if (v.has(QStringLiteral("from-node-field")) != v.has(QStringLiteral("to-node-field")))
        issues.push_back({QStringLiteral("from-node-field"), QStringLiteral("{from-node-field} and {to-node-field} go together")});
    if (meters && v.number(QStringLiteral("turnout-seconds"), 0) > 0)
        issues.push_back({QStringLiteral("turnout-seconds"), QStringLiteral("needs a time limit ({max-minutes})")});
    if (v.has(QStringLiteral("barrier-factor")) && !v.has(QStringLiteral("barriers")))
        issues.push_back({QStringLiteral("barrier-factor"), QStringLiteral("needs {barriers}")});
    const double limit = meters ? v.number(QStringLiteral("max-meters"), 0) : minutes ? v.number(QStringLiteral("max-minutes"), 0) : 0;
    if (v.has(QStringLiteral("breaks")) && limit > 0) {
        try {
            parseNumberList(v.raw(QStringLiteral("breaks")), ParameterRanges::spec(u"breaks"), QStringLiteral("breaks"), limit);
        } catch (const InvalidInput &e) {
            issues.push_back({QStringLiteral("breaks"), e.message().mid(QStringLiteral("breaks: ").size())});
        }
    }
}

NetworkSettings settings(const ParameterValues &v, const char *defaultProfile)
{
    NetworkSettings s;
    const bool meters = v.has(QStringLiteral("max-meters"));
    s.unit = meters ? CostUnit::Meters : CostUnit::Seconds;
    s.limit = meters ? v.number(QStringLiteral("max-meters"), 0) : v.number(QStringLiteral("max-minutes"), 0);
    if (v.has(QStringLiteral("breaks")))
        s.breaks = parseNumberList(v.raw(QStringLiteral("breaks")), ParameterRanges::spec(u"breaks"), QStringLiteral("breaks"), s.limit);
    s.snapLegs = !v.flag(QStringLiteral("no-snap-legs"));
    s.snapMaxMeters = v.number(QStringLiteral("snap-max"), 300.0);
    s.network = v.source(QStringLiteral("network"));
    s.profile = v.text(QStringLiteral("profile"), QString::fromLatin1(defaultProfile));
    if (v.has(QStringLiteral("crs")))
        s.crs = Crs::fromUserInput(v.text(QStringLiteral("crs")));
    s.onewayField = v.text(QStringLiteral("oneway-field"));
    s.speedField = v.text(QStringLiteral("speed-field"));
    s.classField = v.text(QStringLiteral("class-field"));
    s.fromNodeField = v.text(QStringLiteral("from-node-field"));
    s.toNodeField = v.text(QStringLiteral("to-node-field"));
    s.toleranceMeters = v.number(QStringLiteral("tolerance"), 0.5);
    s.useCache = !v.flag(QStringLiteral("no-cache"));
    s.cacheDirectory = v.text(QStringLiteral("cache-dir"));
    if (v.has(QStringLiteral("barriers"))) {
        s.barriers = v.source(QStringLiteral("barriers"));
        s.barrierFactor = v.number(QStringLiteral("barrier-factor"), 0.0);
    }
    s.facilities = v.source(QStringLiteral("facilities"));
    s.facilityIdField = v.text(QStringLiteral("facility-id"));
    s.turnoutSeconds = v.number(QStringLiteral("turnout-seconds"), 0.0);
    return s;
}

Parameter straightLines()
{
    Parameter p = flag("euclidean", text("Straight lines", "直线距离"),
                       text("Measure straight-line distance instead of the network (a labelled fallback; --network not needed).",
                            "用直线距离代替路网距离（标注的后备方法；无需 --network）。"));
    p.group = QStringLiteral("network");
    return p;
}

void declareStandard(std::vector<Parameter> &out, const char *section)
{
    Parameter standard = textValue("standard", "name", text("Standard", "标准"),
                                   text("Standards profile: shanghai (default), china-national, nfpa1710.", "标准配置：shanghai（默认）、china-national、nfpa1710。"));
    standard.defaultValue = QStringLiteral("shanghai");
    standard.group = QStringLiteral("standard");
    standard.project.setting = QStringLiteral("analysis.standard");
    Parameter overrides = textValue("standard-override", "kv", text("Standard overrides", "标准取值调整"),
                                    text("Change one value of the profile: KEY=NUMBER (repeatable; e.g. shelter.district_supply_m2_per_resident=2).",
                                         "修改标准中的一个取值：KEY=NUMBER（可重复；如 shelter.district_supply_m2_per_resident=2）。"));
    overrides.repeatable = true;
    overrides.advanced = true;
    overrides.group = QStringLiteral("standard");
    overrides.project.setting = QStringLiteral("analysis.standard_overrides");
    Q_UNUSED(section);
    out.push_back(standard);
    out.push_back(overrides);
}

void checkStandard(const ParameterValues &v, ValidationIssues &issues)
{
    StandardsProfile profile;
    try {
        profile = StandardsProfile::load(v.text(QStringLiteral("standard"), QStringLiteral("shanghai")));
    } catch (const InvalidInput &e) {
        issues.push_back({QStringLiteral("standard"), e.message()});
        return;
    }
    try {
        profile.applyOverrides(v.texts(QStringLiteral("standard-override")));
    } catch (const InvalidInput &e) {
        issues.push_back({QStringLiteral("standard-override"), e.message()});
    }
}

void setLayer(ParameterValues &values, const QString &name, const DataSource &source, std::optional<Role> role)
{
    if (source.path.isEmpty())
        return;
    LayerValue l;
    l.source = source;
    l.role = role;
    values.set(name, QVariant::fromValue(l));
}

void setText(ParameterValues &values, const QString &name, const QString &text)
{
    if (!text.isEmpty())
        values.set(name, text);
}

void addValues(const NetworkSettings &s, ParameterValues &v, std::optional<Role> facilityRole)
{
    setLayer(v, QStringLiteral("network"), s.network, Role::Roads);
    setText(v, QStringLiteral("profile"), s.profile);
    setText(v, QStringLiteral("oneway-field"), s.onewayField);
    setText(v, QStringLiteral("speed-field"), s.speedField);
    setText(v, QStringLiteral("class-field"), s.classField);
    setText(v, QStringLiteral("from-node-field"), s.fromNodeField);
    setText(v, QStringLiteral("to-node-field"), s.toNodeField);
    if (s.crs.isValid())
        v.set(QStringLiteral("crs"), s.crs.authId().isEmpty() ? s.crs.wkt() : s.crs.authId());
    if (s.limit != 0) // a negative limit is refused, not dropped
        v.set(s.unit == CostUnit::Meters ? QStringLiteral("max-meters") : QStringLiteral("max-minutes"), s.limit);
    v.set(QStringLiteral("snap-max"), s.snapMaxMeters);
    v.set(QStringLiteral("tolerance"), s.toleranceMeters);
    if (!s.snapLegs)
        v.set(QStringLiteral("no-snap-legs"), true);
    if (s.turnoutSeconds != 0)
        v.set(QStringLiteral("turnout-seconds"), s.turnoutSeconds);
    if (!s.useCache)
        v.set(QStringLiteral("no-cache"), true);
    setText(v, QStringLiteral("cache-dir"), s.cacheDirectory);
    if (!s.breaks.empty()) {
        QVariantList list;
        for (double b : s.breaks)
            list << b;
        v.set(QStringLiteral("breaks"), list);
    }
    setLayer(v, QStringLiteral("facilities"), s.facilities, facilityRole);
    setText(v, QStringLiteral("facility-id"), s.facilityIdField);
    setLayer(v, QStringLiteral("barriers"), s.barriers, std::nullopt);
    if (!s.barriers.path.isEmpty() && s.barrierFactor != 0)
        v.set(QStringLiteral("barrier-factor"), s.barrierFactor);
}

} // namespace refuge::NetworkParameters
