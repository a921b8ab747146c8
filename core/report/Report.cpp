#include "report/Report.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/CoverageOutputs.h"
#include "analysis/FireCoverageOutputs.h"
#include "io/OutputFile.h"
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

using Row = QStringList;

// RFC 4180 CSV (as AnalysisFiles writes it): header + rows.
std::vector<Row> readCsv(const QString &path)
{
    QFile f(path);
    std::vector<Row> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    const QString text = QString::fromUtf8(f.readAll());
    Row row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\n')) {
            row << cell;
            cell.clear();
            rows.push_back(row);
            row.clear();
        } else if (c != QLatin1Char('\r')) {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows.push_back(row << cell);
    return rows;
}

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
    // A check from summary.json (pass true/false, or null: not evaluated) or a CSV cell ("true"/"false"/"").
    QString checkText(const QJsonValue &pass) const { return pass.isBool() ? passFail(pass.toBool()) : t("not_evaluated"); }
    QString checkText(const QString &pass) const { return pass.isEmpty() ? t("not_evaluated") : passFail(pass == QLatin1String("true")); }
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

} // namespace

Report Report::fromResults(const Project &project, const QString &resultsDir, const ReportOptions &options, Feedback &feedback)
{
    const QDir results(resultsDir);
    const QString covDir = results.filePath(QStringLiteral("coverage")), fireDir = results.filePath(QStringLiteral("fire"));
    auto completeResults = [&](const QString &dir) {
        const QJsonObject summary = AnalysisFiles::completeSummary(dir);
        if (summary.isEmpty() && QFileInfo::exists(AnalysisFiles::summaryPath(dir)))
            feedback.warn(fileMessage(dir, QStringLiteral("incomplete results (summary.json without \"complete\": true: the run failed or was stopped); skipped")));
        return summary;
    };
    const QJsonObject cov = completeResults(covDir), fire = completeResults(fireDir);
    if (cov.isEmpty() && fire.isEmpty())
        throw IoError(fileMessage(resultsDir, QStringLiteral("no complete results (expected coverage/summary.json or fire/summary.json marked complete; run refuge-cli run first)")));
    const QString lang = options.lang == QLatin1String("zh") ? QStringLiteral("zh") : QStringLiteral("en");
    Report r;
    r.m_fontFamily = options.fontFamily;
    Html h(lang);
    const QString standardId = cov.value(QStringLiteral("standard")).toString(fire.value(QStringLiteral("standard")).toString(QStringLiteral("shanghai")));
    StandardsProfile standard = StandardsProfile::load(standardId);
    standard.applyOverrides(project.analysis.value(QStringLiteral("standard_overrides")).toObject());

    r.m_title = h.t("title") + QStringLiteral(" — ") + project.title;
    h.h1(h.t("title"));
    h.p(project.title, QStringLiteral("subtitle"));
    const QString date = options.date.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : options.date;
    h.table({h.t("parameter"), h.t("value")},
            {{h.t("project"), QFileInfo(project.filePath()).fileName()},
             {h.t("software"), QStringLiteral("Refuge %1").arg(QStringLiteral(REFUGE_VERSION))},
             {h.t("generated"), date},
             {h.t("crs"), project.crs.label()},
             {h.t("standard"), lang == QLatin1String("zh") ? standard.nameZh() : standard.name()}});

    // Headline figures.
    h.h2(h.t("kpis"));
    std::vector<QStringList> kpis;
    if (!cov.isEmpty()) {
        const QJsonObject check = cov.value(QStringLiteral("checks")).toObject().value(QStringLiteral("district_supply")).toObject();
        kpis.push_back({h.t("total_population"), num(cov.value(QStringLiteral("total_population")).toDouble()), QString()});
        kpis.push_back({h.t("covered_population"), num(cov.value(QStringLiteral("covered_population")).toDouble()),
                        pct(cov.value(QStringLiteral("covered_share")).toDouble())});
        kpis.push_back({h.t("assigned_population"), num(cov.value(QStringLiteral("assigned_population")).toDouble()), QString()});
        kpis.push_back({h.t("unassigned_population"), num(cov.value(QStringLiteral("unassigned_population")).toDouble()),
                        QStringLiteral("%1 %2 · %3 %4").arg(h.t("unassigned_no_reach"), num(cov.value(QStringLiteral("unassigned_no_shelter_in_reach")).toDouble()),
                                                           h.t("unassigned_full"), num(cov.value(QStringLiteral("unassigned_shelters_full")).toDouble()))});
        const QJsonValue perResident = cov.value(QStringLiteral("shelter_area_per_resident"));
        kpis.push_back({h.t("shelter_area_per_resident"), perResident.isDouble() ? num(perResident.toDouble(), 2) : QStringLiteral("—"),
                        h.checkText(check.value(QStringLiteral("pass"))) + QStringLiteral(" (%1 %2; %3)").arg(check.value(QStringLiteral("compare")).toString(), num(check.value(QStringLiteral("limit")).toDouble(), 2), check.value(QStringLiteral("clause")).toString())});
    }
    if (!fire.isEmpty()) {
        kpis.push_back({h.t("reached_population"), num(fire.value(QStringLiteral("reached_population")).toDouble()),
                        pct(fire.value(QStringLiteral("reached_share")).toDouble())});
        if (!fire.value(QStringLiteral("study_area")).isNull()) // null: no study area was given, no area ratio
            kpis.push_back({h.t("reached_area"), num(fire.value(QStringLiteral("reached_area_km2")).toDouble(), 2),
                            QStringLiteral("/ %1 km²").arg(num(fire.value(QStringLiteral("study_area_km2")).toDouble(), 2))});
        if (fire.contains(QStringLiteral("agreement_area_share"))) {
            kpis.push_back({h.t("agreement_area"), pct(fire.value(QStringLiteral("agreement_area_share")).toDouble()), QString()});
            kpis.push_back({h.t("agreement_population"), pct(fire.value(QStringLiteral("agreement_population_share")).toDouble()), QString()});
        }
    }
    h.table({h.t("parameter"), h.t("value"), QString()}, kpis, {1}, 38);

    // Maps and charts.
    const QSize mapSize(1600, 1200);
    if (options.maps) {
        h.h2(h.t("maps"), true);
        if (!cov.isEmpty()) {
            const QString gpkg = QDir(covDir).filePath(QStringLiteral("coverage.gpkg"));
            const bool perUnit = QFile::exists(gpkg) && VectorLayer::layerNames(gpkg).contains(QStringLiteral("uncovered"));
            const QImage m = ReportMaps::coverageMap(project, gpkg, perUnit, mapSize, feedback);
            if (!m.isNull()) {
                r.m_images.push_back({QStringLiteral("map_coverage.png"), m});
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
        }
        if (!fire.isEmpty()) {
            const QImage m = ReportMaps::fireMap(project, QDir(fireDir).filePath(QStringLiteral("fire.gpkg")), mapSize, feedback);
            if (!m.isNull()) {
                r.m_images.push_back({QStringLiteral("map_fire.png"), m});
                h.image(QStringLiteral("map_fire.png"), 620, h.t("map_fire"));
                h.legend({{QColor(203, 24, 29), h.t("station")}, {QColor(150, 0, 0), h.t("differs")}, {QColor(0, 0, 0), h.t("official")}});
            }
        }
    }

    // Coverage tables + charts.
    if (!cov.isEmpty()) {
        h.h2(h.t("coverage"));
        const QString limit = QStringLiteral("%1 %2").arg(cov.value(QStringLiteral("limit_user")).toDouble(cov.value(QStringLiteral("limit")).toDouble()))
                                  .arg(cov.value(QStringLiteral("limit_user_unit")).toString(cov.value(QStringLiteral("unit")).toString()));
        h.p(QStringLiteral("%1: %2 · %3: %4 · %5: %6").arg(h.t("limit"), limit, h.t("method"), cov.value(QStringLiteral("method")).toString(),
                                                       h.t("assignment"), cov.value(QStringLiteral("assignment")).toString()));
        const std::vector<Row> areas = readCsv(QDir(covDir).filePath(QStringLiteral("areas.csv")));
        if (areas.size() > 1) {
            const Row &head = areas.front();
            auto col = [&](const char *n) { return int(head.indexOf(QString::fromLatin1(n))); };
            std::vector<QStringList> rows;
            std::vector<BarItem> bars;
            for (std::size_t i = 1; i < areas.size(); ++i) {
                const Row &a = areas[i];
                const QString name = a.value(col("area")) == QLatin1String("(outside areas)") ? h.t("outside") : a.value(col("area"));
                rows.push_back({name, num(a.value(col("population")).toDouble()), num(a.value(col("covered_population")).toDouble()),
                                pct(a.value(col("covered_share")).toDouble()), num(a.value(col("assigned_population")).toDouble()),
                                num(a.value(col("unassigned_population")).toDouble()),
                                a.value(col("shelter_area_per_resident")).isEmpty() ? QStringLiteral("—") : num(a.value(col("shelter_area_per_resident")).toDouble(), 2),
                                h.checkText(a.value(col("pass")))});
                bars.push_back({name, a.value(col("covered_share")).toDouble()});
            }
            h.h3(h.t("by_area"));
            h.table({h.t("area"), h.t("population"), h.t("covered"), h.t("share"), h.t("assigned"), h.t("unassigned"), h.t("per_resident"), h.t("check")},
                    rows, {1, 2, 3, 4, 5, 6}, 24);
            const QString clause = areas[1].value(col("clause"));
            h.p(QStringLiteral("%1: %2 %3 m² — %4").arg(h.t("check"), standard.value(QStringLiteral("shelter.district_supply_m2_per_resident")).compare,
                                                        num(standard.number(QStringLiteral("shelter.district_supply_m2_per_resident")), 2), clause),
                QStringLiteral("note"));
            std::sort(bars.begin(), bars.end(), [](const BarItem &a, const BarItem &b) { return a.value > b.value; });
            r.m_images.push_back({QStringLiteral("chart_coverage.png"), ReportCharts::bars(h.t("chart_coverage"), bars, 1.0, true, 0, 1400, options.fontFamily)});
            h.image(QStringLiteral("chart_coverage.png"), 600, h.t("chart_coverage"));
        }
        const std::vector<Row> fac = readCsv(QDir(covDir).filePath(QStringLiteral("facilities.csv")));
        if (fac.size() > 1) {
            const Row &head = fac.front();
            auto col = [&](const char *n) { return int(head.indexOf(QString::fromLatin1(n))); };
            std::vector<QStringList> rows;
            std::vector<BarItem> bars;
            for (std::size_t i = 1; i < fac.size(); ++i) {
                const Row &a = fac[i];
                rows.push_back({a.value(col("name")), num(a.value(col("capacity")).toDouble()), num(a.value(col("population_in_reach")).toDouble()),
                                num(a.value(col("assigned_population")).toDouble()), pct(a.value(col("load_ratio")).toDouble()),
                                a.value(col("capacity_basis"))});
                bars.push_back({a.value(col("name")), a.value(col("load_ratio")).toDouble()});
            }
            h.h3(h.t("by_shelter"));
            h.table({h.t("shelter"), h.t("capacity"), h.t("in_reach"), h.t("assigned"), h.t("load"), h.t("source")}, rows, {1, 2, 3, 4}, 36);
            r.m_images.push_back({QStringLiteral("chart_load.png"), ReportCharts::bars(h.t("chart_load"), bars, 1.0, true, 1.0, 1400, options.fontFamily)});
            h.image(QStringLiteral("chart_load.png"), 600, h.t("chart_load"));
        }
    }

    // Fire tables.
    if (!fire.isEmpty()) {
        h.h2(h.t("fire"));
        h.p(QStringLiteral("%1: %2 s (%3 %4 s) · %5: %6").arg(h.t("response_limit"), num(fire.value(QStringLiteral("response_limit_s")).toDouble()),
                                                            QStringLiteral("turnout"), num(fire.value(QStringLiteral("turnout_s")).toDouble()),
                                                            h.t("method"), fire.value(QStringLiteral("method")).toString()));
        const std::vector<Row> zones = readCsv(QDir(fireDir).filePath(QStringLiteral("zones.csv")));
        if (zones.size() > 1) {
            const Row &head = zones.front();
            auto col = [&](const char *n) { return int(head.indexOf(QString::fromLatin1(n))); };
            std::vector<QStringList> rows;
            QStringList clauses;
            for (std::size_t i = 1; i < zones.size(); ++i) {
                const Row &z = zones[i];
                if (!clauses.contains(z.value(col("clause"))))
                    clauses << z.value(col("clause"));
                rows.push_back({z.value(col("station")), z.value(col("name")), num(z.value(col("zone_area_km2")).toDouble(), 2),
                                num(z.value(col("limit_km2")).toDouble(), 0), h.passFail(z.value(col("pass")) == QLatin1String("true")),
                                num(z.value(col("population")).toDouble()), num(z.value(col("population_reached")).toDouble())});
            }
            h.h3(h.t("by_station"));
            h.table({h.t("station"), h.t("name"), h.t("zone_area"), h.t("area_limit"), h.t("check"), h.t("population"), h.t("reached_population")},
                    rows, {2, 3, 5, 6}, 14);
            h.p(h.t("clause") + QStringLiteral(": ") + clauses.join(QStringLiteral("; ")), QStringLiteral("note"));
        }
    }

    // Inputs.
    h.h2(h.t("inputs"));
    std::vector<QStringList> inputs;
    QHash<QString, QString> hashes;
    for (const ProjectLayer &l : project.layers) {
        const QString path = project.resolvedPath(l);
        const bool database = isConnectionString(path); // no file to hash; never show its password
        if (!database && !hashes.contains(path)) {
            QFile f(path);
            QCryptographicHash sha(QCryptographicHash::Sha256);
            hashes.insert(path, f.open(QIODevice::ReadOnly) && sha.addData(&f) ? QString::fromLatin1(sha.result().toHex()) : QStringLiteral("—"));
        }
        QString count = QStringLiteral("—");
        try {
            LoadOptions o;
            o.targetCrs = project.crs;
            count = num(VectorLayer::load(project.dataSource(l), o).featureCount());
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

    // Parameters and profile.
    h.h2(h.t("standard") + QStringLiteral(": ") + (lang == QLatin1String("zh") ? standard.nameZh() : standard.name()));
    std::vector<QStringList> values;
    for (const StandardValue &v : standard.values())
        values.push_back({lang == QLatin1String("zh") ? v.labelZh : v.label, QStringLiteral("%1 %2").arg(v.value).arg(v.unit), v.source, v.clause,
                          statusText(v, lang)});
    h.table({h.t("parameter"), h.t("value"), h.t("source"), h.t("clause"), h.t("status")}, values, {1}, 30);
    h.p(h.t("status_note"), QStringLiteral("note"));

    // Notes.
    QStringList notes;
    for (const QJsonObject &s : {cov, fire})
        for (const QJsonValue &w : s.value(QStringLiteral("warnings")).toArray())
            if (!notes.contains(w.toString()))
                notes << w.toString();
    for (const QString &w : feedback.warnings())
        if (!notes.contains(w))
            notes << w;
    h.h2(h.t("notes"));
    if (notes.isEmpty())
        h.p(h.t("none"));
    for (const QString &n : notes)
        h.p(QStringLiteral("• ") + n);

    const QString css = QStringLiteral(
        "body { font-family: %1, sans-serif; font-size: 10pt; color: #222; }"
        "h1 { font-size: 18pt; color: #08306b; } h2 { font-size: 14pt; color: #08306b; margin-top: 14px; } h3 { font-size: 11pt; }"
        "table { border-collapse: collapse; border-color: #bbb; } th { background-color: #deebf7; }"
        ".subtitle { font-size: 12pt; } .note { font-size: 8pt; color: #555; } .caption { font-size: 8pt; color: #555; }").arg(cssFamilies(options.fontFamily));
    r.m_html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"/><title>%2</title><style>%3</style></head><body>\n%4</body></html>\n")
                   .arg(lang == QLatin1String("zh") ? QStringLiteral("zh-CN") : QStringLiteral("en"), esc(r.m_title), css, h.text());
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
