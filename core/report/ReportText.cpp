#include "report/ReportText.h"

#include <QHash>

namespace refuge {

namespace {

struct Pair {
    const char *en;
    const char *zh;
};

const QHash<QString, Pair> &table()
{
    static const QHash<QString, Pair> t = {
        {"title", {"Emergency coverage report", "应急避难与消防覆盖评估报告"}},
        {"generated", {"Generated", "生成时间"}},
        {"software", {"Software", "软件"}},
        {"project", {"Project", "项目"}},
        {"crs", {"Coordinate reference system", "坐标参考系"}},
        {"kpis", {"Headline figures", "主要指标"}},
        {"inputs", {"Inputs", "输入数据"}},
        {"file", {"File", "文件"}},
        {"layer", {"Layer", "图层"}},
        {"role", {"Role", "角色"}},
        {"features", {"Features", "要素数"}},
        {"sha256", {"SHA-256", "SHA-256 校验值"}},
        {"parameters", {"Parameters", "参数"}},
        {"parameter", {"Parameter", "参数"}},
        {"value", {"Value", "取值"}},
        {"standard", {"Standards profile", "标准配置"}},
        {"source", {"Source", "来源"}},
        {"clause", {"Clause", "条款"}},
        {"status", {"Status", "核实状态"}},
        {"status_note", {"Status: V seen in the source text; S secondary source; unverified = editable default, not a rule; user = changed in this project.",
                         "核实状态：V 已核对原文；S 二手来源；unverified 未核实（可编辑的默认值，非强制规定）；user 本项目修改。"}},
        {"coverage", {"Shelter coverage and capacity", "避难场所覆盖与容量"}},
        {"fire", {"Fire response", "消防响应"}},
        {"total_population", {"Total population", "总人口"}},
        {"covered_population", {"Population within reach of a shelter", "避难场所服务范围内人口"}},
        {"covered_share", {"Share covered", "覆盖率"}},
        {"assigned_population", {"Population with a shelter place", "可安置人口"}},
        {"unassigned_population", {"Population without a place", "无法安置人口"}},
        {"unassigned_no_reach", {"no shelter in reach", "服务范围内无避难场所"}},
        {"unassigned_full", {"shelters full", "避难场所容量已满"}},
        {"shelter_area_per_resident", {"Shelter area per resident (m²)", "人均避难场所面积（m²）"}},
        {"limit", {"Limit", "服务半径/时限"}},
        {"method", {"Method", "计算方法"}},
        {"assignment", {"Assignment", "分配方式"}},
        {"area", {"Area", "区域"}},
        {"population", {"Population", "人口"}},
        {"covered", {"Covered", "覆盖人口"}},
        {"share", {"Share", "比例"}},
        {"assigned", {"Assigned", "已安置"}},
        {"unassigned", {"Unassigned", "未安置"}},
        {"per_resident", {"m² / resident", "人均 m²"}},
        {"pass", {"Pass", "达标"}},
        {"fail", {"Fail", "不达标"}},
        {"not_evaluated", {"Not evaluated (shelters without area)", "未评价（避难场所缺少面积）"}},
        {"check", {"Check", "评价"}},
        {"by_area", {"By area", "分区统计"}},
        {"by_shelter", {"By shelter", "分避难场所统计"}},
        {"shelter", {"Shelter", "避难场所"}},
        {"capacity", {"Capacity", "容量"}},
        {"in_reach", {"Population in reach", "服务范围内人口"}},
        {"load", {"Load", "负荷率"}},
        {"by_station", {"By station", "分消防站统计"}},
        {"station", {"Station", "消防站"}},
        {"zone_area", {"First-due area (km²)", "辖区面积（km²）"}},
        {"area_limit", {"Limit (km²)", "面积上限（km²）"}},
        {"reached_population", {"Population reached in time", "按时到达覆盖人口"}},
        {"reached_share", {"Share reached in time", "按时到达覆盖率"}},
        {"reached_area", {"Area reached in time (km²)", "按时到达面积（km²）"}},
        {"unreached_area", {"Area not reached (km²)", "未覆盖面积（km²）"}},
        {"response_limit", {"Response time (turnout + travel)", "响应时间（出动+行车）"}},
        {"agreement_area", {"Agreement with official districts (area)", "与现行辖区一致（面积）"}},
        {"agreement_population", {"Agreement with official districts (population)", "与现行辖区一致（人口）"}},
        {"maps", {"Maps", "地图"}},
        {"charts", {"Charts", "图表"}},
        {"chart_coverage", {"Coverage by area", "各区域覆盖率"}},
        {"chart_load", {"Shelter load (assigned ÷ capacity)", "避难场所负荷率（安置人数÷容量）"}},
        {"map_no_units", {"People out of reach are not drawn: these results have no per-unit layer (refuge-cli coverage --demand-layer, "
                          "or analysis.coverage.demand_layer: true in the project).",
                          "未绘制服务范围外的人口：本次结果没有逐单元图层（refuge-cli coverage --demand-layer，或在项目中设置 "
                          "analysis.coverage.demand_layer: true）。"}},
        {"map_coverage", {"Shelter coverage: share of residents within reach, shelters, people out of reach",
                          "避难场所覆盖：服务范围内人口比例、避难场所、服务范围外人口"}},
        {"map_fire", {"Computed first-due zones; hatched: differs from the official district",
                      "计算的第一出动辖区；斜线：与现行辖区不一致"}},
        {"notes", {"Notes and counted problems", "说明与问题统计"}},
        {"none", {"none", "无"}},
        {"name", {"Name", "名称"}},
        {"differs", {"differs from the official district", "与现行辖区不一致"}},
        {"official", {"official district boundary", "现行辖区边界"}},
        {"outside", {"(outside areas)", "（区域之外）"}},
        {"unverified", {"unverified", "未核实"}},
        {"seconds", {"s", "秒"}},
        {"minutes", {"min", "分钟"}},
        {"meters", {"m", "米"}},
    };
    return t;
}

} // namespace

QString ReportText::get(const QString &key, const QString &lang)
{
    const auto it = table().constFind(key);
    if (it == table().cend())
        return key;
    return QString::fromUtf8(lang == QLatin1String("zh") ? it->zh : it->en);
}

} // namespace refuge
