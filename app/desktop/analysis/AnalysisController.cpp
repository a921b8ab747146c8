#include "analysis/AnalysisController.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/CoverageDialog.h"
#include "analysis/FireDialog.h"
#include "analysis/ResultLayersCommand.h"
#include "analysis/ResultStyles.h"
#include "analysis/ServiceAreaDialog.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "document/ProjectDocument.h"
#include "geom/Geometry.h"
#include "io/OutputFile.h"
#include "io/OutputGuard.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QUndoStack>
#include <QWidget>

namespace refuge::desktop {

AnalysisController::AnalysisController(ProjectDocument *doc, QWidget *window) : QObject(window), m_doc(doc), m_window(window)
{
    const QString texts[] = {tr("&Service Area…"), tr("Nearest-Facility &Zones…"), tr("Shelter &Coverage && Capacity…"),
                             tr("&Fire Response…")};
    const QString tips[] = {tr("Areas reachable from each facility along the streets within each break"),
                            tr("Non-overlapping zones served by the nearest facility along the streets"),
                            tr("Who is within reach of a shelter, who gets a place, and shelter load"),
                            tr("Fire response times, first-due zones and agreement with the official districts")};
    for (int i = 0; i < 4; ++i) {
        m_actions[i] = new QAction(texts[i], this);
        m_actions[i]->setStatusTip(tips[i]);
        const Kind kind = Kind(i);
        connect(m_actions[i], &QAction::triggered, this, [this, kind] { openDialog(kind); });
    }
}

AnalysisController::~AnalysisController() = default;

QAction *AnalysisController::action(Kind kind) const
{
    return m_actions[int(kind)];
}

void AnalysisController::addTo(QMenu *menu) const
{
    menu->addAction(m_actions[int(Kind::ServiceArea)]);
    menu->addAction(m_actions[int(Kind::Zones)]);
    menu->addSeparator();
    menu->addAction(m_actions[int(Kind::Coverage)]);
    menu->addAction(m_actions[int(Kind::Fire)]);
}

AnalysisDialog *AnalysisController::openDialog(Kind kind)
{
    if (m_dialog) {
        if (m_dialog->isRunning()) {
            m_dialog->raise();
            return m_dialog;
        }
        delete m_dialog.data();
    }
    AnalysisDialog *d = nullptr;
    try { // the dialogs prefill from the project's analysis settings, which may be out of range
        switch (kind) {
        case Kind::ServiceArea: d = new ServiceAreaDialog(m_doc, this, ServiceAreaDialog::Mode::ServiceArea, m_window); break;
        case Kind::Zones: d = new ServiceAreaDialog(m_doc, this, ServiceAreaDialog::Mode::Zones, m_window); break;
        case Kind::Coverage: d = new CoverageDialog(m_doc, this, m_window); break;
        case Kind::Fire: d = new FireDialog(m_doc, this, m_window); break;
        }
    } catch (const Error &e) {
        QMessageBox::warning(m_window, tr("Analysis settings"), e.message());
        return nullptr;
    }
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setWindowModality(Qt::WindowModal);
    m_dialog = d;
    d->show();
    return d;
}

QString AnalysisController::resultsRoot()
{
    const QString root = ProjectJobSettings::resultsDirectory(m_doc->project());
    if (!root.isEmpty())
        return root;
    if (!m_tempResults) {
        m_tempResults = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("refuge-results-XXXXXX")));
        // Kept after exit: a project saved later still finds its result layers there.
        m_tempResults->setAutoRemove(false);
    }
    if (!m_tempResults->isValid())
        throw IoError(fileMessage(QDir::tempPath(), tr("cannot create a folder for the results: %1").arg(m_tempResults->errorString())));
    return m_tempResults->path();
}

QString AnalysisController::newRunDirectory(const QString &analysis)
{
    const QDir history(QDir(resultsRoot()).filePath(QStringLiteral("history")));
    const QString stem = QStringLiteral("%1-%2").arg(analysis, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString dir = history.filePath(stem);
    for (int n = 2; QFileInfo::exists(dir); ++n)
        dir = history.filePath(QStringLiteral("%1-%2").arg(stem).arg(n));
    if (!QDir().mkpath(dir))
        throw IoError(fileMessage(dir, tr("cannot create the results folder")));
    return dir;
}

void AnalysisController::publish(const QString &runDir, const QString &analysis)
{
    // The run's files replace the previous ones of the same names — only those, never the
    // folder (it may hold the user's own files) and never an input of the project —,
    // the previous summary.json (the completion mark) removed first, the new one copied
    // last, each copy under a temporary name and renamed.
    const QString latest = QDir(resultsRoot()).filePath(analysis);
    QStringList files = QDir(runDir).entryList(QDir::Files);
    files.removeAll(QStringLiteral("summary.json"));
    OutputGuard guard;
    guard.addProject(m_doc->project());
    AnalysisFiles::prepareOutputFolder(latest, files, guard);
    files << QStringLiteral("summary.json");
    for (const QString &name : files) {
        const QString from = QDir(runDir).filePath(name);
        if (!QFileInfo::exists(from))
            continue;
        OutputFile to(QDir(latest).filePath(name));
        if (!QFile::copy(from, to.tempPath()))
            throw IoError(fileMessage(to.finalPath(), tr("cannot be written")));
        to.commit();
    }
}

ProjectLayer AnalysisController::resultLayer(const QString &analysis, const QString &group, const QString &gpkg, const QString &layer,
                                             const QString &name, const QJsonObject &style) const
{
    const Project &project = m_doc->project();
    ProjectLayer l;
    l.id = project.uniqueLayerId(analysis + QLatin1Char('_') + layer);
    l.name = name;
    l.path = project.filePath().isEmpty() ? QDir::cleanPath(gpkg) : project.storedPath(gpkg);
    l.layer = layer;
    l.role = Role::Other;
    l.style = style;
    l.extra.insert(ResultLayersCommand::kAnalysisKey, analysis);
    l.extra.insert(QStringLiteral("group"), group);
    return l;
}

void AnalysisController::finishRun(const QString &analysis, const std::vector<ProjectLayer> &layers, const QString &text,
                                   const QString &dir)
{
    publish(dir, analysis);
    // Ids must not collide within one run either.
    std::vector<ProjectLayer> unique = layers;
    for (std::size_t i = 1; i < unique.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (unique[i].id == unique[j].id)
                unique[i].id += QStringLiteral("_%1").arg(i);
    // Polygons go just above the topmost polygon layer that stays (under the streets
    // and the facilities, which remain readable); points go on top.
    const QStringList old = ResultLayersCommand::resultLayerIds(m_doc->project(), analysis);
    int position = 0, abovePolygons = 0;
    for (const ProjectLayer &l : m_doc->project().layers) {
        if (old.contains(l.id))
            continue;
        ++position;
        const LayerData data = m_doc->layerData(l.id);
        if (data.vector && dimension(data.vector->geometryType()) == 2)
            abovePolygons = position;
    }
    std::vector<int> indices;
    for (const ProjectLayer &l : unique) {
        const bool points = l.layer == QLatin1String("demand") || l.layer == QLatin1String("facilities");
        indices.push_back(points ? -1 : abovePolygons++);
    }
    m_doc->undoStack()->push(new ResultLayersCommand(m_doc, analysis, unique, indices, text));
    m_lastResults = resultsRoot();
    Q_EMIT resultsDirectoryChanged(m_lastResults);
}

void AnalysisController::applyServiceArea(const ServiceAreaJobResult &r, const ServiceAreaSettings &s)
{
    const QString analysis = QStringLiteral("service_area");
    std::vector<double> breaks = s.network.effectiveBreaks();
    QStringList labels;
    for (double b : breaks)
        labels << QString::number(b);
    const QString unit = s.network.unit == CostUnit::Meters ? tr("m") : tr("min");
    const QString name = tr("Service areas (%1 %2)").arg(labels.join(QStringLiteral(", ")), unit);
    const QString group = tr("Service areas");
    finishRun(analysis,
              {resultLayer(analysis, group, r.outputPath, QStringLiteral("service_areas"), name, ResultStyles::serviceAreas(breaks, unit))},
              tr("Service areas"), QFileInfo(r.outputPath).absolutePath());
}

void AnalysisController::applyZones(const ZonesJobResult &r)
{
    const QString analysis = QStringLiteral("zones");
    QStringList ids;
    const int idField = r.zones.fieldIndex(QStringLiteral("facility_id"));
    for (int i = 0; i < r.zones.featureCount(); ++i)
        ids << r.zones.attribute(i, idField).toString();
    ids.removeDuplicates(); // a zone's parts within and beyond the access distance
    finishRun(analysis,
              {resultLayer(analysis, tr("Nearest-facility zones"), r.outputPath, QStringLiteral("zones"), tr("Nearest-facility zones"),
                           ResultStyles::zones(ids))},
              tr("Nearest-facility zones"), QFileInfo(r.outputPath).absolutePath());
}

void AnalysisController::applyCoverage(const CoverageJobResult &r)
{
    const QString analysis = QStringLiteral("coverage");
    const QString gpkg = QDir(r.outDir).filePath(QStringLiteral("coverage.gpkg"));
    const QString group = tr("Shelter coverage");
    ProjectLayer areas = resultLayer(analysis, group, gpkg, QStringLiteral("service_areas"), tr("Shelter service areas"),
                                     ResultStyles::outline(QStringLiteral("#1a9850")));
    std::vector<ProjectLayer> layers{areas};
    if (r.layers.contains(QStringLiteral("demand"))) // written unless the project says analysis.coverage.demand_layer: false
        layers.push_back(resultLayer(analysis, group, gpkg, QStringLiteral("demand"), tr("Population covered / not covered"),
                                     ResultStyles::coveredDemand(tr("Within reach of a shelter"), tr("Not within reach"))));
    layers.push_back(resultLayer(analysis, group, gpkg, QStringLiteral("facilities"), tr("Shelter load (assigned ÷ capacity)"),
                                 ResultStyles::shelterLoad()));
    finishRun(analysis, layers, tr("Shelter coverage"), r.outDir);
    Q_EMIT coverageFinished(r.request, r.outcome);
}

void AnalysisController::applyFire(const FireJobResult &r)
{
    const QString analysis = QStringLiteral("fire");
    const QString gpkg = QDir(r.outDir).filePath(QStringLiteral("fire.gpkg"));
    const QString group = tr("Fire response");
    std::vector<ProjectLayer> layers;
    layers.push_back(resultLayer(analysis, group, gpkg, QStringLiteral("zones"), tr("First-due zones"),
                                 ResultStyles::zones(r.request.stations.ids, QStringLiteral("station"))));
    layers.push_back(resultLayer(analysis, group, gpkg, QStringLiteral("unreached"), tr("Not reached within the response time"),
                                 ResultStyles::unreached()));
    if (r.outcome.hasOfficial)
        layers.push_back(resultLayer(analysis, group, gpkg, QStringLiteral("differences"), tr("Differences from the official districts"),
                                     ResultStyles::differences()));
    finishRun(analysis, layers, tr("Fire response"), r.outDir);
    Q_EMIT fireFinished(r.request, r.outcome);
}

} // namespace refuge::desktop
