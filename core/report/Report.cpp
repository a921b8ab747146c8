#include "report/Report.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/CoverageOutputs.h"
#include "analysis/FireCoverageOutputs.h"
#include "io/OutputFile.h"
#include "io/ProjectLayerReader.h"
#include "model/Project.h"
#include "model/VectorLayer.h"
#include "render/FontResolver.h"
#include "report/ReportCharts.h"
#include "report/ReportMaps.h"
#include "report/ReportPdf.h"
#include "report/ReportText.h"
#include "standards/StandardsProfile.h"
#include "util/Error.h"
#include "util/Feedback.h"
#include "util/MessageText.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>
#include <cmath>

namespace refuge {

namespace {

QString esc(const QString &s) { return s.toHtmlEscaped(); }

// A CSS font-family list: a Latin family before any CJK one (see FontResolver::families).
QString cssFamilies(const QString &family)
{
    QStringList quoted;
    for (const QString &f : FontResolver::families(family))
        quoted.append(QLatin1Char('\'') + f + QLatin1Char('\''));
    return quoted.join(QStringLiteral(", "));
}

QString num(double v, int decimals = 0)
{
    if (!std::isfinite(v))
        return QStringLiteral("—");
    return QLocale(QLocale::English).toString(v, 'f', decimals);
}

QString pct(double share) { return std::isfinite(share) ? QStringLiteral("%1 %").arg(100.0 * share, 0, 'f', 1) : QStringLiteral("—"); }

class Html {
public:
    explicit Html(QString lang) : m_lang(std::move(lang)) {}
    QString t(const char *key) const { return ReportText::get(QString::fromLatin1(key), m_lang); }
    // A standard's citation and a core message in the report's language.
    QString cite(const QString &citation) const { return StandardsProfile::citationIn(citation, m_lang); }
    QString message(const QString &english) const { return MessageText::translate(english, m_lang); }
    void h1(const QString &s) { m_s += QStringLiteral("<h1>%1</h1>\n").arg(esc(s)); }
    void h2(const QString &s, bool newPage = false)
    {
        m_s += newPage ? QStringLiteral("<h2 style=\"page-break-before: always\">%1</h2>\n").arg(esc(s)) : QStringLiteral("<h2>%1</h2>\n").arg(esc(s));
    }
    // One row of coloured swatches with labels (a map legend).
    void legend(const std::vector<std::pair<QColor, QString>> &items)
    {
        m_s += QStringLiteral("<table align=\"center\" cellspacing=\"4\" cellpadding=\"1\"><tr>");
        for (const auto &[c, label] : items)
            m_s += QStringLiteral("<td bgcolor=\"%1\" width=\"14\">&nbsp;&nbsp;&nbsp;</td><td class=\"caption\">%2&nbsp;&nbsp;</td>").arg(c.name(), esc(label));
        m_s += QStringLiteral("</tr></table>\n");
    }
    void h3(const QString &s) { m_s += QStringLiteral("<h3>%1</h3>\n").arg(esc(s)); }
    void p(const QString &s, const QString &cls = {})
    {
        m_s += cls.isEmpty() ? QStringLiteral("<p>%1</p>\n").arg(esc(s)) : QStringLiteral("<p class=\"%1\">%2</p>\n").arg(cls, esc(s));
    }
    void raw(const QString &s) { m_s += s; }
    // cells may start with "\x01" for pass, "\x02" for fail (coloured).
    void table(const QStringList &header, const std::vector<QStringList> &rows, const QList<int> &rightAligned = {}, int firstWidthPercent = 0)
    {
        m_s += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><thead><tr>");
        for (int c = 0; c < header.size(); ++c)
            m_s += c == 0 && firstWidthPercent > 0 ? QStringLiteral("<th width=\"%1%\">%2</th>").arg(firstWidthPercent).arg(esc(header[c]))
                                                   : QStringLiteral("<th>%1</th>").arg(esc(header[c]));
        m_s += QStringLiteral("</tr></thead>\n<tbody>");
        for (const QStringList &r : rows) {
            m_s += QStringLiteral("<tr>");
            for (int c = 0; c < r.size(); ++c) {
                QString v = r[c];
                QString attr = rightAligned.contains(c) ? QStringLiteral(" align=\"right\"") : QString();
                if (v.startsWith(QChar(1)))
                    m_s += QStringLiteral("<td%1><span style=\"color:#1a7f37;font-weight:bold\">%2</span></td>").arg(attr, esc(v.mid(1)));
                else if (v.startsWith(QChar(2)))
                    m_s += QStringLiteral("<td%1><span style=\"color:#c62828;font-weight:bold\">%2</span></td>").arg(attr, esc(v.mid(1)));
                else
                    m_s += QStringLiteral("<td%1>%2</td>").arg(attr, esc(v));
            }
            m_s += QStringLiteral("</tr>\n");
        }
        m_s += QStringLiteral("</tbody></table>\n");
    }
    void image(const QString &name, int widthPx, const QString &caption)
    {
        m_s += QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"%2\"/><br/><span class=\"caption\">%3</span></p>\n")
                   .arg(name).arg(widthPx).arg(esc(caption));
    }
    QString passFail(bool pass) const { return QString(QChar(pass ? 1 : 2)) + (pass ? t("pass") : t("fail")); }
    // A check from the results (pass true/false, or null: not evaluated).
    QString checkText(const QJsonValue &pass) const { return pass.isBool() ? passFail(pass.toBool()) : t("not_evaluated"); }
    const QString &text() const { return m_s; }

private:
    QString m_lang;
    QString m_s;
};

QString statusText(const StandardValue &v, const QString &lang)
{
    if (v.isUnverified())
        return ReportText::get(QStringLiteral("unverified"), lang);
    return v.statusLabel();
}

// One analysis's results (the results model of its folder's summary.json), or none.
struct Results {
    QString dir;
    QJsonObject summary;
    bool present() const { return !summary.isEmpty(); }
    double number(const char *key) const { return summary.value(QLatin1String(key)).toDouble(); }
};

// A table of the results model ({"columns": [...], "rows": [[...]]}): cells by column name.
class ResultsTable {
public:
    ResultsTable(const Results &results, const char *name)
    {
        const QJsonObject t = results.summary.value(QStringLiteral("tables")).toObject().value(QLatin1String(name)).toObject();
        for (const QJsonValue &c : t.value(QStringLiteral("columns")).toArray())
            m_columns << c.toString();
        m_rows = t.value(QStringLiteral("rows")).toArray();
    }
    int size() const { return int(m_rows.size()); }
    QJsonValue at(int row, const char *column) const { return m_rows.at(row).toArray().at(m_columns.indexOf(QLatin1String(column))); }
    QString text(int row, const char *column) const { return at(row, column).toString(); }
    // NaN (shown "—") when the cell is empty.
    double number(int row, const char *column) const
    {
        const QJsonValue v = at(row, column);
        return v.isDouble() ? v.toDouble() : std::nan("");
    }

private:
    QStringList m_columns;
    QJsonArray m_rows;
};

// Complete results of one analysis folder; a folder without the completion mark is
// skipped with a warning, one written before the results model refused (IoError).
Results readResults(const QString &dir, Feedback &feedback)
{
    Results r{dir, AnalysisFiles::readResults(dir)};
    if (!r.present() && QFileInfo::exists(AnalysisFiles::summaryPath(dir)))
        feedback.warn(fileMessage(dir, QStringLiteral("incomplete results (summary.json without \"complete\": true: the run failed or was stopped); skipped")));
    return r;
}

// The layers the results wrote into one of their GeoPackages.
QStringList layersOf(const Results &results, const QString &gpkg)
{
    QStringList out;
    for (const QJsonValue &v : results.summary.value(QStringLiteral("outputs")).toObject().value(QStringLiteral("layers")).toObject().value(gpkg).toArray())
        out << v.toString();
    return out;
}

using Images = std::vector<std::pair<QString, QImage>>;

void addTitle(Html &h, const Project &project, const StandardsProfile &standard, const QString &lang, const QString &date)
{
    h.h1(h.t("title"));
    h.p(project.title, QStringLiteral("subtitle"));
    h.table({h.t("parameter"), h.t("value")},
            {{h.t("project"), QFileInfo(project.filePath()).fileName()},
             {h.t("software"), QStringLiteral("Refuge %1").arg(QStringLiteral(REFUGE_VERSION))},
             {h.t("generated"), date},
             {h.t("crs"), project.crs.label()},
             {h.t("standard"), lang == QLatin1String("zh") ? standard.nameZh() : standard.name()}});
}

void addCoverageFigures(const Html &h, const Results &cov, std::vector<QStringList> &kpis)
{
    const QJsonObject &s = cov.summary;
    const QJsonObject check = s.value(QStringLiteral("checks")).toObject().value(QStringLiteral("district_supply")).toObject();
    kpis.push_back({h.t("total_population"), num(cov.number("total_population")), QString()});
    kpis.push_back({h.t("covered_population"), num(cov.number("covered_population")), pct(cov.number("covered_share"))});
    kpis.push_back({h.t("assigned_population"), num(cov.number("assigned_population")), QString()});
    kpis.push_back({h.t("unassigned_population"), num(cov.number("unassigned_population")),
                    QStringLiteral("%1 %2 · %3 %4").arg(h.t("unassigned_no_reach"), num(cov.number("unassigned_no_shelter_in_reach")),
                                                       h.t("unassigned_full"), num(cov.number("unassigned_shelters_full")))});
    const QJsonValue perResident = s.value(QStringLiteral("shelter_area_per_resident"));
    kpis.push_back({h.t("shelter_area_per_resident"), perResident.isDouble() ? num(perResident.toDouble(), 2) : QStringLiteral("—"),
                    h.checkText(check.value(QStringLiteral("pass")))
                        + QStringLiteral(" (%1 %2; %3)").arg(check.value(QStringLiteral("compare")).toString(),
                                                            num(check.value(QStringLiteral("limit")).toDouble(), 2),
                                                            h.cite(check.value(QStringLiteral("clause")).toString()))});
}

void addFireFigures(const Html &h, const Results &fire, std::vector<QStringList> &kpis)
{
    if (fire.number("total_population") > 0) // no population layer: no population figure (not "0 reached")
        kpis.push_back({h.t("reached_population"), num(fire.number("reached_population")), pct(fire.number("reached_share"))});
    if (!fire.summary.value(QStringLiteral("study_area")).isNull()) // null: no study area was given, no area ratio
        kpis.push_back({h.t("reached_area"), num(fire.number("reached_area_km2"), 2),
                        QStringLiteral("/ %1 km²").arg(num(fire.number("study_area_km2"), 2))});
    if (fire.summary.contains(QStringLiteral("agreement_area_share"))) {
        kpis.push_back({h.t("agreement_area"), pct(fire.number("agreement_area_share")), QString()});
        kpis.push_back({h.t("agreement_population"), pct(fire.number("agreement_population_share")), QString()});
    }
}

void addHeadlineFigures(Html &h, const Results &cov, const Results &fire)
{
    h.h2(h.t("kpis"));
    std::vector<QStringList> kpis;
    if (cov.present())
        addCoverageFigures(h, cov, kpis);
    if (fire.present())
        addFireFigures(h, fire, kpis);
    h.table({h.t("parameter"), h.t("value"), QString()}, kpis, {1}, 38);
}

void addCoverageMap(Html &h, Images &images, const Project &project, const Results &cov, Feedback &feedback)
{
    // The people out of reach are drawn only when the run wrote the per-unit layer.
    const bool perUnit = layersOf(cov, QStringLiteral("coverage.gpkg")).contains(QStringLiteral("uncovered"));
    const QImage m = ReportMaps::coverageMap(project, QDir(cov.dir).filePath(QStringLiteral("coverage.gpkg")), perUnit, QSize(1600, 1200), feedback);
    if (m.isNull())
        return;
    images.push_back({QStringLiteral("map_coverage.png"), m});
    h.image(QStringLiteral("map_coverage.png"), 620, h.t("map_coverage"));
    std::vector<std::pair<QColor, QString>> legend{
        {QColor(215, 48, 39), QStringLiteral("0–20 %")}, {QColor(252, 141, 89), QStringLiteral("20–40 %")},
        {QColor(254, 224, 139), QStringLiteral("40–60 %")}, {QColor(145, 207, 96), QStringLiteral("60–80 %")},
        {QColor(26, 152, 80), QStringLiteral("80–100 %")}, {QColor(8, 48, 107), h.t("shelter")}};
    if (perUnit)
        legend.push_back({QColor(165, 0, 38), h.t("unassigned_no_reach")});
    legend.push_back({QColor(150, 190, 230), h.t("limit")});
    h.legend(legend);
    if (!perUnit)
        h.p(h.t("map_no_units"), QStringLiteral("note"));
}

void addFireMap(Html &h, Images &images, const Project &project, const Results &fire, Feedback &feedback)
{
    const QImage m = ReportMaps::fireMap(project, QDir(fire.dir).filePath(QStringLiteral("fire.gpkg")), QSize(1600, 1200), feedback);
    if (m.isNull())
        return;
    images.push_back({QStringLiteral("map_fire.png"), m});
    h.image(QStringLiteral("map_fire.png"), 620, h.t("map_fire"));
    h.legend({{QColor(203, 24, 29), h.t("station")}, {QColor(150, 0, 0), h.t("differs")}, {QColor(0, 0, 0), h.t("official")}});
}

void addAreaTable(Html &h, Images &images, const Results &cov, const StandardsProfile &standard, const QString &fontFamily)
{
    const ResultsTable areas(cov, "areas");
    if (areas.size() == 0)
        return;
    std::vector<QStringList> rows;
    std::vector<BarItem> bars;
    for (int i = 0; i < areas.size(); ++i) {
        const QString name = areas.text(i, "area") == QLatin1String("(outside areas)") ? h.t("outside") : areas.text(i, "area");
        rows.push_back({name, num(areas.number(i, "population")), num(areas.number(i, "covered_population")),
                        pct(areas.number(i, "covered_share")), num(areas.number(i, "assigned_population")),
                        num(areas.number(i, "unassigned_population")), num(areas.number(i, "shelter_area_per_resident"), 2),
                        h.checkText(areas.at(i, "pass"))});
        bars.push_back({name, areas.number(i, "covered_share")});
    }
    h.h3(h.t("by_area"));
    h.table({h.t("area"), h.t("population"), h.t("covered"), h.t("share"), h.t("assigned"), h.t("unassigned"), h.t("per_resident"), h.t("check")},
            rows, {1, 2, 3, 4, 5, 6}, 24);
    const QString key = QStringLiteral("shelter.district_supply_m2_per_resident");
    h.p(QStringLiteral("%1: %2 %3 m² — %4").arg(h.t("check"), standard.value(key).compare, num(standard.number(key), 2), h.cite(areas.text(0, "clause"))),
        QStringLiteral("note"));
    std::sort(bars.begin(), bars.end(), [](const BarItem &a, const BarItem &b) { return a.value > b.value; });
    images.push_back({QStringLiteral("chart_coverage.png"), ReportCharts::bars(h.t("chart_coverage"), bars, 1.0, true, 0, 1400, fontFamily)});
    h.image(QStringLiteral("chart_coverage.png"), 600, h.t("chart_coverage"));
}

void addShelterTable(Html &h, Images &images, const Results &cov, const QString &fontFamily)
{
    const ResultsTable fac(cov, "facilities");
    if (fac.size() == 0)
        return;
    std::vector<QStringList> rows;
    std::vector<BarItem> bars;
    for (int i = 0; i < fac.size(); ++i) {
        rows.push_back({fac.text(i, "name"), num(fac.number(i, "capacity")), num(fac.number(i, "population_in_reach")),
                        num(fac.number(i, "assigned_population")), pct(fac.number(i, "load_ratio")), fac.text(i, "capacity_basis")});
        bars.push_back({fac.text(i, "name"), fac.number(i, "load_ratio")});
    }
    h.h3(h.t("by_shelter"));
    h.table({h.t("shelter"), h.t("capacity"), h.t("in_reach"), h.t("assigned"), h.t("load"), h.t("source")}, rows, {1, 2, 3, 4}, 36);
    images.push_back({QStringLiteral("chart_load.png"), ReportCharts::bars(h.t("chart_load"), bars, 1.0, true, 1.0, 1400, fontFamily)});
    h.image(QStringLiteral("chart_load.png"), 600, h.t("chart_load"));
}

void addCoverageSection(Html &h, Images &images, const Results &cov, const StandardsProfile &standard, const QString &fontFamily)
{
    const QJsonObject &s = cov.summary;
    h.h2(h.t("coverage"));
    const QString limit = QStringLiteral("%1 %2").arg(s.value(QStringLiteral("limit_user")).toDouble(s.value(QStringLiteral("limit")).toDouble()))
                              .arg(s.value(QStringLiteral("limit_user_unit")).toString(s.value(QStringLiteral("unit")).toString()));
    h.p(QStringLiteral("%1: %2 · %3: %4 · %5: %6").arg(h.t("limit"), limit, h.t("method"), s.value(QStringLiteral("method")).toString(),
                                                   h.t("assignment"), s.value(QStringLiteral("assignment")).toString()));
    addAreaTable(h, images, cov, standard, fontFamily);
    addShelterTable(h, images, cov, fontFamily);
}

void addFireSection(Html &h, const Results &fire)
{
    h.h2(h.t("fire"));
    h.p(QStringLiteral("%1: %2 s (%3 %4 s) · %5: %6").arg(h.t("response_limit"), num(fire.number("response_limit_s")), QStringLiteral("turnout"),
                                                        num(fire.number("turnout_s")), h.t("method"),
                                                        fire.summary.value(QStringLiteral("method")).toString()));
    const ResultsTable zones(fire, "zones");
    if (zones.size() == 0)
        return;
    const bool people = fire.number("total_population") > 0; // without a population layer: no population columns
    std::vector<QStringList> rows;
    QStringList clauses;
    for (int i = 0; i < zones.size(); ++i) {
        if (!clauses.contains(h.cite(zones.text(i, "clause"))))
            clauses << h.cite(zones.text(i, "clause"));
        rows.push_back({zones.text(i, "station"), zones.text(i, "name"), num(zones.number(i, "zone_area_km2"), 2),
                        num(zones.number(i, "limit_km2"), 0), h.passFail(zones.at(i, "pass").toBool())});
        if (people)
            rows.back() << num(zones.number(i, "population")) << num(zones.number(i, "population_reached"));
    }
    h.h3(h.t("by_station"));
    QStringList header{h.t("station"), h.t("name"), h.t("zone_area"), h.t("area_limit"), h.t("check")};
    if (people)
        header << h.t("population") << h.t("reached_population");
    h.table(header, rows, people ? QList<int>{2, 3, 5, 6} : QList<int>{2, 3}, 14);
    h.p(h.t("clause") + QStringLiteral(": ") + clauses.join(QStringLiteral("; ")), QStringLiteral("note"));
}

// The project's layers (feature counts) and the SHA-256 of every input file.
void addInputs(Html &h, const Project &project, Feedback &feedback)
{
    h.h2(h.t("inputs"));
    std::vector<QStringList> inputs;
    QHash<QString, QString> hashes;
    for (const ProjectLayer &l : project.layers) {
        const QString path = project.resolvedPath(l);
        const bool database = isConnectionString(path) || isTileUrl(path); // no file to hash; never show a password or key
        if (!database && !hashes.contains(path)) {
            QFile f(path);
            QCryptographicHash sha(QCryptographicHash::Sha256);
            hashes.insert(path, f.open(QIODevice::ReadOnly) && sha.addData(&f) ? QString::fromLatin1(sha.result().toHex()) : QStringLiteral("—"));
        }
        QString count = QStringLiteral("—");
        try {
            const ProjectLayerData data = openProjectLayer(project, l); // with its stated CRS and encoding
            count = data.vector ? num(data.vector->featureCount())
                                : QStringLiteral("%1 × %2 px").arg(num(data.raster->width()), num(data.raster->height()));
        } catch (const Error &e) {
            feedback.warn(e.message());
        }
        inputs.push_back({(database ? project.dataSource(l).displayName()
                                    : QFileInfo(path).fileName() + (l.layer.isEmpty() ? QString() : QStringLiteral(":") + l.layer)),
                          roleName(l.role), count});
    }
    h.table({h.t("layer"), h.t("role"), h.t("features")}, inputs, {2}, 50);
    std::vector<QStringList> files;
    for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
        files.push_back({QFileInfo(it.key()).fileName(), it.value()});
    std::sort(files.begin(), files.end());
    h.table({h.t("file"), h.t("sha256")}, files, {}, 30);
}

void addStandard(Html &h, const StandardsProfile &standard, const QString &lang)
{
    h.h2(h.t("standard") + QStringLiteral(": ") + (lang == QLatin1String("zh") ? standard.nameZh() : standard.name()));
    std::vector<QStringList> values;
    const bool zh = lang == QLatin1String("zh");
    for (const StandardValue &v : standard.values())
        values.push_back({zh ? v.labelZh : v.label, QStringLiteral("%1 %2").arg(v.value).arg(v.unit), zh && !v.sourceZh.isEmpty() ? v.sourceZh : v.source,
                          zh && !v.clauseZh.isEmpty() ? v.clauseZh : v.clause,
                          statusText(v, lang)});
    h.table({h.t("parameter"), h.t("value"), h.t("source"), h.t("clause"), h.t("status")}, values, {1}, 30);
    h.p(h.t("status_note"), QStringLiteral("note"));
}

void addNotes(Html &h, const Results &cov, const Results &fire, const Feedback &feedback)
{
    QStringList notes;
    for (const Results *r : {&cov, &fire})
        for (const QJsonValue &w : r->summary.value(QStringLiteral("warnings")).toArray())
            if (!notes.contains(w.toString()))
                notes << w.toString();
    for (const QString &w : feedback.warnings())
        if (!notes.contains(w))
            notes << w;
    h.h2(h.t("notes"));
    if (notes.isEmpty())
        h.p(h.t("none"));
    for (const QString &n : notes)
        h.p(QStringLiteral("• ") + h.message(n));
}

QString htmlDocument(const Html &h, const QString &lang, const QString &title, const QString &fontFamily)
{
    const QString css = QStringLiteral(
        "body { font-family: %1, sans-serif; font-size: 10pt; color: #222; }"
        "h1 { font-size: 18pt; color: #08306b; } h2 { font-size: 14pt; color: #08306b; margin-top: 14px; } h3 { font-size: 11pt; }"
        "table { border-collapse: collapse; border-color: #bbb; } th { background-color: #deebf7; }"
        ".subtitle { font-size: 12pt; } .note { font-size: 8pt; color: #555; } .caption { font-size: 8pt; color: #555; }").arg(cssFamilies(fontFamily));
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"/><title>%2</title><style>%3</style></head><body>\n%4</body></html>\n")
        .arg(lang == QLatin1String("zh") ? QStringLiteral("zh-CN") : QStringLiteral("en"), esc(title), css, h.text());
}

} // namespace

Report Report::fromResults(const Project &project, const QString &resultsDir, const ReportOptions &options, Feedback &feedback)
{
    const QDir folder(resultsDir);
    const Results cov = readResults(folder.filePath(QStringLiteral("coverage")), feedback);
    const Results fire = readResults(folder.filePath(QStringLiteral("fire")), feedback);
    if (!cov.present() && !fire.present())
        throw IoError(fileMessage(resultsDir, QStringLiteral("no complete results (expected coverage/summary.json or fire/summary.json marked complete; run refuge-cli run first)")));
    const QString lang = options.lang == QLatin1String("zh") ? QStringLiteral("zh") : QStringLiteral("en");
    const QString standardId = cov.summary.value(QStringLiteral("standard")).toString(fire.summary.value(QStringLiteral("standard")).toString(QStringLiteral("shanghai")));
    StandardsProfile standard = StandardsProfile::load(standardId);
    standard.applyOverrides(project.analysis.value(QStringLiteral("standard_overrides")).toObject());

    Report r;
    r.m_fontFamily = options.fontFamily;
    Html h(lang);
    r.m_title = h.t("title") + QStringLiteral(" — ") + project.title;
    addTitle(h, project, standard, lang, options.date.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : options.date);
    addHeadlineFigures(h, cov, fire);
    if (options.maps) {
        h.h2(h.t("maps"), true);
        if (cov.present())
            addCoverageMap(h, r.m_images, project, cov, feedback);
        if (fire.present())
            addFireMap(h, r.m_images, project, fire, feedback);
    }
    if (cov.present())
        addCoverageSection(h, r.m_images, cov, standard, options.fontFamily);
    if (fire.present())
        addFireSection(h, fire);
    addInputs(h, project, feedback);
    addStandard(h, standard, lang);
    addNotes(h, cov, fire, feedback);
    r.m_html = htmlDocument(h, lang, r.m_title, options.fontFamily);
    return r;
}

OutputGuard Report::inputs(const Project &project, const QString &resultsDir)
{
    OutputGuard guard;
    guard.addProject(project);
    const QDir results(resultsDir);
    for (const auto &[folder, files] : {std::pair{QStringLiteral("coverage"), CoverageOutputs::fileNames()},
                                        std::pair{QStringLiteral("fire"), FireCoverageOutputs::fileNames()}})
        for (const QString &name : QStringList{QStringLiteral("summary.json")} + files)
            guard.addInput(QDir(results.filePath(folder)).filePath(name));
    return guard;
}

QStringList Report::fileNames()
{
    return {QStringLiteral("report.html"), QStringLiteral("report.pdf"), QStringLiteral("map_coverage.png"), QStringLiteral("map_fire.png"),
            QStringLiteral("chart_coverage.png"), QStringLiteral("chart_load.png")};
}

void Report::writeHtml(const QString &dirPath) const
{
    const QDir dir(dirPath);
    for (const auto &[name, image] : m_images) {
        OutputFile png(dir.filePath(name));
        if (!image.save(png.tempPath(), "PNG"))
            throw IoError(fileMessage(dir.filePath(name), QStringLiteral("cannot be written")));
        png.commit();
    }
    QDir().mkpath(dirPath);
    QSaveFile f(dir.filePath(QStringLiteral("report.html")));
    if (!f.open(QIODevice::WriteOnly))
        throw IoError(fileMessage(f.fileName(), QStringLiteral("cannot be written")));
    f.write(m_html.toUtf8());
    if (!f.commit())
        throw IoError(fileMessage(f.fileName(), QStringLiteral("cannot be written")));
}

void Report::writePdf(const QString &path) const
{
    OutputFile output(path); // a temporary renamed when complete
    ReportPdf::write(m_html, m_images, m_fontFamily, m_title, output.tempPath());
    if (QFileInfo(output.tempPath()).size() == 0)
        throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
    output.commit();
}

} // namespace refuge
