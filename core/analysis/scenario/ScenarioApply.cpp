// ScenarioApply: a named scenario written out as a derived project (edited facility
// layers and hazard closures in scenario.gpkg, scenario.refuge, scenario.json).
#include "analysis/scenario/ScenarioApply.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/FacilityTable.h"
#include "analysis/hazard/HazardJobs.h"
#include "analysis/scenario/ScenarioEdits.h"
#include "io/OutputGuard.h"
#include "io/VectorWriter.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace refuge {

namespace {

QString projectName(const Project &p) { return p.filePath().isEmpty() ? QStringLiteral("project") : p.filePath(); }

// The travel profiles the project's analyses use (plus walk and drive).
QStringList profilesOf(const Project &project)
{
    QStringList out{QStringLiteral("walk"), QStringLiteral("drive")};
    for (auto it = project.analysis.begin(); it != project.analysis.end(); ++it) {
        const QString p = it.value().toObject().value(QStringLiteral("profile")).toString();
        if (!p.isEmpty() && !out.contains(p))
            out << p;
    }
    return out;
}

FacilityFields fieldsOf(const EditedLayer &e)
{
    FacilityFields f;
    f.id = e.idField;
    f.name = e.derived.field(QStringLiteral("name"));
    f.capacity = e.derived.field(QStringLiteral("capacity"));
    f.area = e.derived.field(QStringLiteral("area"));
    return f;
}

// The shelters standing in the hazard, taken out of the (edited) shelters layer.
std::vector<UnsuitableShelter> removeUnsuitable(EditedLayer &shelters, const HazardZones &zones, const ScenarioRules &rules, QJsonArray &changes)
{
    const FacilityTable table = FacilityTable::fromLayer(shelters.layer, fieldsOf(shelters));
    std::vector<UnsuitableShelter> out = HazardScenario::unsuitableShelters(table, zones, rules);
    std::vector<char> drop(std::size_t(shelters.layer.featureCount()), 0);
    for (const UnsuitableShelter &u : out) {
        drop[std::size_t(u.facility)] = 1;
        changes.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("unsuitable")}, {QStringLiteral("id"), u.id},
                                   {QStringLiteral("hazard_layer"), u.hazardLayer}, {QStringLiteral("level"), u.level}});
    }
    shelters.removeRows(drop);
    return out;
}

// Every layer path absolute (the derived project lives in another folder).
Project derivedProject(const Project &project, const Scenario &s)
{
    Project d = project;
    for (ProjectLayer &l : d.layers)
        l.path = project.resolvedPath(l);
    d.metadata.insert(QStringLiteral("scenario"), s.name);
    return d;
}

void pointAt(Project &d, const EditedLayer &e, const QString &gpkg)
{
    for (ProjectLayer &l : d.layers)
        if (l.id == e.derived.id) {
            l = e.derived;
            l.path = gpkg;
            l.layer = e.gpkgLayer;
            l.crs.clear();
            l.encoding.clear();
        }
}

} // namespace

QStringList ScenarioApply::fileNames()
{
    return {QStringLiteral("scenario.gpkg"), QStringLiteral("scenario.refuge"), QStringLiteral("scenario.json")};
}

ScenarioRules ScenarioApply::rulesOf(const Project &project, const Scenario &s)
{
    QJsonObject merged = project.analysis.value(QStringLiteral("hazard")).toObject();
    for (auto it = s.hazard->begin(); it != s.hazard->end(); ++it)
        merged.insert(it.key(), it.value());
    merged.insert(QStringLiteral("name"), s.name);
    return ScenarioRules::fromJson(merged, projectName(project) + QStringLiteral(": ") + s.key + QStringLiteral(".hazard"));
}

AppliedScenario ScenarioApply::apply(const Project &project, const QString &name, const QString &outDir, Feedback &feedback)
{
    AppliedScenario a;
    a.scenario = Scenario::named(project, name);
    a.project = project;
    if (a.scenario.isBaseline())
        return a;
    const Scenario &s = a.scenario;
    // Everything the scenario references is checked before anything is written.
    if (s.hazard) {
        a.rules = rulesOf(project, s);
        a.roadFactor = a.rules->roadFactor;
        HazardInputs::check(project, a.rules->layers);
    }
    if (outDir.isEmpty())
        throw InvalidInput(fileMessage(projectName(project), QStringLiteral("%1: no folder given for the scenario's layers").arg(s.key)));
    std::vector<EditedLayer> edited;
    for (const FacilityEdits &e : s.edits)
        edited.push_back(ScenarioEdits::apply(project, e));
    OutputGuard guard;
    guard.addProject(project);
    const QDir dir = AnalysisFiles::prepareOutputFolder(outDir, fileNames(), guard);
    a.outDir = outDir;
    const QString gpkg = dir.absoluteFilePath(QStringLiteral("scenario.gpkg"));

    QJsonArray changes;
    for (const EditedLayer &e : edited)
        for (const QJsonValue &c : e.changes) {
            QJsonObject o = c.toObject();
            o.insert(QStringLiteral("layer"), e.derived.id);
            changes.append(o);
        }
    std::vector<VectorLayer> closures;
    QStringList closureNames;
    if (a.rules) {
        const HazardInputs hazards = HazardInputs::load(project, project.crs, a.rules->layers, feedback);
        auto shelters = std::find_if(edited.begin(), edited.end(), [](const EditedLayer &e) { return e.gpkgLayer == QLatin1String("shelters"); });
        if (shelters == edited.end() && project.layerWithRole(Role::Shelters)) {
            FacilityEdits none;
            none.role = QStringLiteral("shelters");
            none.key = s.key + QStringLiteral(".hazard");
            edited.push_back(ScenarioEdits::apply(project, none));
            shelters = edited.end() - 1;
        }
        if (shelters != edited.end())
            a.unsuitable = removeUnsuitable(*shelters, hazards.zones, *a.rules, changes);
        for (const QString &profile : profilesOf(project)) {
            VectorLayer c = HazardScenario::closurePolygons(hazards.zones, *a.rules, profile, project.crs);
            if (c.featureCount() == 0)
                continue;
            const QString layer = QStringLiteral("closures_") + QString(profile).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")), QStringLiteral("_"));
            a.barriers.insert(profile, gpkg + QLatin1Char(':') + layer);
            closureNames << layer;
            closures.push_back(std::move(c));
        }
    }
    feedback.throwIfCanceled();
    std::vector<VectorWriter::NamedLayer> layers;
    for (const EditedLayer &e : edited)
        layers.push_back({e.gpkgLayer, &e.layer});
    for (std::size_t i = 0; i < closures.size(); ++i)
        layers.push_back({closureNames[qsizetype(i)], &closures[i]});
    if (!layers.empty())
        VectorWriter::writeAll(layers, gpkg);

    Project d = derivedProject(project, s);
    for (const EditedLayer &e : edited)
        pointAt(d, e, gpkg);
    d.save(dir.absoluteFilePath(QStringLiteral("scenario.refuge")));
    a.project = d;

    QJsonObject barriers;
    for (auto it = a.barriers.begin(); it != a.barriers.end(); ++it)
        barriers.insert(it.key(), it.value());
    a.summary = QJsonObject{{QStringLiteral("scenario"), s.toJson()},
                            {QStringLiteral("project"), project.filePath()},
                            {QStringLiteral("derived_project"), d.filePath()},
                            {QStringLiteral("changes"), changes},
                            {QStringLiteral("unsuitable_shelters"), int(a.unsuitable.size())},
                            {QStringLiteral("barriers"), barriers}};
    if (a.rules)
        a.summary.insert(QStringLiteral("hazard_rules"), a.rules->toJson());
    AnalysisFiles::writeJson(dir.filePath(QStringLiteral("scenario.json")), a.summary);
    return a;
}

void ScenarioApply::stampSummary(const QString &dir, const AppliedScenario &applied)
{
    QJsonObject summary = AnalysisFiles::completeSummary(dir);
    if (summary.isEmpty() || applied.scenario.isBaseline())
        return;
    summary.insert(QStringLiteral("scenario"), applied.scenario.name);
    AnalysisFiles::writeJson(AnalysisFiles::summaryPath(dir), summary);
}

} // namespace refuge
