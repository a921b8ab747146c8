// AnalysisController: the Analysis menu from the registry, the results folders and
// the result layers of any analysis (see the header).
#include "analysis/AnalysisController.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/AnalysisForm.h"
#include "analysis/AnalysisFormDialog.h"
#include "analysis/RunSummary.h"
#include "analysis/ResultLayersCommand.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "analysis/framework/LayerSchema.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "document/ProjectDocument.h"
#include "io/OutputFile.h"
#include "io/OutputGuard.h"
#include "io/ResultsFolder.h"
#include "render/ResultStyles.h"
#include "util/Error.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMessageBox>
#include <QUndoStack>
#include <QWidget>

namespace refuge::desktop {

AnalysisController::AnalysisController(ProjectDocument *doc, QWidget *window) : QObject(window), m_doc(doc), m_window(window)
{
    const QString lang = AnalysisForm::language();
    for (const Analysis *a : AnalysisRegistry::all()) {
        auto *action = new QAction(a->title(lang) + QStringLiteral("…"), this);
        action->setObjectName(a->id());
        action->setStatusTip(a->summary().in(lang));
        const QString id = a->id();
        connect(action, &QAction::triggered, this, [this, id] { openDialog(id); });
        m_actions.emplace(id, action);
    }
    connect(m_doc, &ProjectDocument::projectReset, this, &AnalysisController::restoreResults);
    m_openResults = new QAction(tr("Open &Results Folder…"), this);
    m_openResults->setStatusTip(tr("Add the result layers of a results folder (from refuge-cli or an earlier run), styled as the run stored them"));
    connect(m_openResults, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Open results folder"), resultsDirectory());
        if (dir.isEmpty())
            return;
        try {
            QStringList incomplete;
            openResultsFolder(dir, &incomplete);
            if (!incomplete.isEmpty())
                QMessageBox::information(m_window, tr("Open results folder"),
                                         tr("These results are incomplete (the run failed or was stopped): %1").arg(incomplete.join(QStringLiteral(", "))));
        } catch (const Error &e) {
            QMessageBox::warning(m_window, tr("Open results folder"), e.message());
        }
    });
}

AnalysisController::~AnalysisController() = default;

QAction *AnalysisController::action(const QString &id) const
{
    auto it = m_actions.find(id);
    return it == m_actions.end() ? nullptr : it->second;
}

void AnalysisController::addTo(QMenu *menu) const
{
    for (const Analysis *a : AnalysisRegistry::all()) {
        if (a->projectSection() == QLatin1String("coverage"))
            menu->addSeparator(); // the planning analyses after the network tools
        menu->addAction(action(a->id()));
    }
}

AnalysisFormDialog *AnalysisController::openDialog(const QString &id)
{
    const Analysis *analysis = AnalysisRegistry::find(id);
    if (!analysis)
        return nullptr;
    if (m_dialog) {
        if (m_dialog->isRunning()) {
            m_dialog->raise();
            return qobject_cast<AnalysisFormDialog *>(m_dialog.data());
        }
        delete m_dialog.data();
    }
    AnalysisFormDialog *d = nullptr;
    try { // the dialogs prefill from the project's analysis settings, which may be out of range
        d = new AnalysisFormDialog(*analysis, m_doc, this, m_window);
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

QString AnalysisController::resultsKey(const Analysis &analysis)
{
    const QString section = analysis.projectSection();
    return section.isEmpty() ? QString(analysis.id()).replace(QLatin1Char('-'), QLatin1Char('_')) : section;
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

QString AnalysisController::latestDirectory(const Analysis &analysis)
{
    return QDir(resultsRoot()).filePath(resultsKey(analysis));
}

QString AnalysisController::newRunDirectory(const Analysis &analysis)
{
    const QDir history(QDir(resultsRoot()).filePath(QStringLiteral("history")));
    const QString stem = QStringLiteral("%1-%2").arg(resultsKey(analysis), QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString dir = history.filePath(stem);
    for (int n = 2; QFileInfo::exists(dir); ++n)
        dir = history.filePath(QStringLiteral("%1-%2").arg(stem).arg(n));
    if (!QDir().mkpath(dir))
        throw IoError(fileMessage(dir, tr("cannot create the results folder")));
    return dir;
}

void AnalysisController::publish(const QString &runDir, const QString &key)
{
    // The run's files replace the previous ones of the same names — only those, never the
    // folder (it may hold the user's own files) and never an input of the project —,
    // the previous summary.json (the completion mark) removed first, the new one copied
    // last, each copy under a temporary name and renamed.
    const QString latest = QDir(resultsRoot()).filePath(key);
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

ProjectLayer AnalysisController::resultLayer(const QString &key, const QString &group, const OutputLayer &output) const
{
    const Project &project = m_doc->project();
    ProjectLayer l;
    l.id = project.uniqueLayerId(key + QLatin1Char('_') + output.id);
    l.name = output.title.in(AnalysisForm::language());
    l.path = project.filePath().isEmpty() ? QDir::cleanPath(output.file) : project.storedPath(output.file);
    l.layer = output.id;
    l.role = Role::Other;
    l.extra.insert(ResultLayersCommand::kAnalysisKey, key);
    l.extra.insert(QStringLiteral("group"), group);
    return l;
}

void AnalysisController::finishRun(const QString &key, std::vector<ResultLayer> layers, const QString &text, const QString &dir)
{
    publish(dir, key);
    addResultLayers(key, std::move(layers), text);
    m_lastResults = resultsRoot();
    Q_EMIT resultsDirectoryChanged(m_lastResults);
}

int AnalysisController::openResultsFolder(const QString &dir, QStringList *incompleteGroups)
{
    const std::vector<ResultsFolderLayer> found = ResultsFolder::layers(dir);
    const Project &project = m_doc->project();
    const QString lang = AnalysisForm::language();
    // One group per analysis folder, titled by its analysis when the folder is named
    // after one (coverage, fire, service_area...).
    std::map<QString, std::vector<ResultLayer>> groups;
    QStringList incomplete;
    for (const ResultsFolderLayer &f : found) {
        const QString folder = QFileInfo(f.file).absolutePath();
        QString group = f.group;
        for (const Analysis *a : AnalysisRegistry::all())
            if (resultsKey(*a) == f.group)
                group = a->title(lang);
        if (!f.complete && !incomplete.contains(f.group))
            incomplete << f.group;
        const QString key = QStringLiteral("folder:") + (project.filePath().isEmpty() ? folder : project.storedPath(folder));
        ProjectLayer l;
        l.id = project.uniqueLayerId(f.group + QLatin1Char('_') + f.layer);
        l.name = f.title;
        l.path = project.filePath().isEmpty() ? QDir::cleanPath(f.file) : project.storedPath(f.file);
        l.layer = f.layer;
        l.role = Role::Other;
        l.visible = !f.detail; // per-unit points stay hidden until asked
        l.extra.insert(ResultLayersCommand::kAnalysisKey, key);
        l.extra.insert(QStringLiteral("group"), group);
        groups[key].push_back({l, f.dimension == 2});
    }
    m_doc->undoStack()->beginMacro(tr("Open results folder"));
    int added = 0;
    for (auto &[key, layers] : groups) {
        added += int(layers.size());
        addResultLayers(key, std::move(layers), tr("Open results folder"));
    }
    m_doc->undoStack()->endMacro();
    if (incompleteGroups)
        *incompleteGroups = incomplete;
    return added;
}

void AnalysisController::restoreResults()
{
    const QString root = ProjectJobSettings::resultsDirectory(m_doc->project());
    if (root.isEmpty())
        return;
    auto summaryOf = [&root](const QString &key, QString *path) {
        QFile file(QDir(root).filePath(key + QStringLiteral("/summary.json")));
        *path = file.fileName();
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
    };
    bool restored = false;
    QString path;
    // Old or unreadable results: the dock stays empty for them until the next run.
    // Comparison, siting and fire first: the coverage tab, shown last, is the one in front.
    if (const QJsonObject s = summaryOf(QStringLiteral("compare"), &path); !s.isEmpty()) {
        try {
            Q_EMIT compareFinished(RunSummary::compare(s, path));
            restored = true;
        } catch (const Error &) {
        }
    }
    if (const QJsonObject s = summaryOf(QStringLiteral("site"), &path); !s.isEmpty()) {
        try {
            Q_EMIT sitingFinished(RunSummary::siting(s, path));
            restored = true;
        } catch (const Error &) {
        }
    }
    if (const QJsonObject s = summaryOf(QStringLiteral("fire"), &path); !s.isEmpty()) {
        try {
            const FireOutcome outcome = RunSummary::fire(s, path, QDir(root).filePath(QStringLiteral("fire/fire.gpkg")));
            FireRequest request;
            request.responseLimitSeconds = s.value(QStringLiteral("response_limit_s")).toDouble();
            request.turnoutSeconds = s.value(QStringLiteral("turnout_s")).toDouble();
            request.suburban = s.value(QStringLiteral("suburban")).toBool();
            request.method = s.value(QStringLiteral("method")).toString();
            Q_EMIT fireFinished(request, outcome);
            restored = true;
        } catch (const Error &) {
        }
    }
    if (const QJsonObject s = summaryOf(QStringLiteral("coverage"), &path); !s.isEmpty()) {
        try {
            const CoverageOutcome outcome = RunSummary::coverage(s, path);
            // What the dock needs of the request: the standard's names, and the places a
            // table row zooms to (the run's areas and shelters, as written).
            CoverageRequest request;
            request.standard = StandardsProfile::fromAnalysisSettings(m_doc->project().analysis);
            const QString gpkg = QDir(root).filePath(QStringLiteral("coverage/coverage.gpkg"));
            const VectorLayer areas = VectorLayer::load(DataSource{gpkg, QStringLiteral("areas")});
            request.areas.crs = areas.crs();
            request.areas.polygons = areas.geometries();
            const VectorLayer shelters = VectorLayer::load(DataSource{gpkg, QStringLiteral("facilities")});
            request.facilities.crs = shelters.crs();
            for (const Geometry &g : shelters.geometries())
                request.facilities.points.push_back(g.isEmpty() ? QPointF(qQNaN(), qQNaN()) : g.bounds().center());
            Q_EMIT coverageFinished(request, outcome);
            restored = true;
        } catch (const Error &) {
        }
    }
    if (restored) {
        m_lastResults = root;
        Q_EMIT resultsDirectoryChanged(root);
    }
}

void AnalysisController::addResultLayers(const QString &key, std::vector<ResultLayer> layers, const QString &text)
{
    // Ids must not collide within one run either.
    for (std::size_t i = 1; i < layers.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (layers[i].layer.id == layers[j].layer.id)
                layers[i].layer.id += QStringLiteral("_%1").arg(i);
    // Polygons go just above the topmost polygon layer that stays (under the streets
    // and the facilities, which remain readable); points and lines go on top.
    const QStringList old = ResultLayersCommand::resultLayerIds(m_doc->project(), key);
    int position = 0, abovePolygons = 0;
    for (const ProjectLayer &l : m_doc->project().layers) {
        if (old.contains(l.id))
            continue;
        ++position;
        const LayerData data = m_doc->layerData(l.id);
        if (data.vector && dimension(data.vector->geometryType()) == 2)
            abovePolygons = position;
    }
    std::vector<ProjectLayer> added;
    std::vector<int> indices;
    for (const ResultLayer &l : layers) {
        added.push_back(l.layer);
        indices.push_back(l.polygons ? abovePolygons++ : -1);
    }
    m_doc->undoStack()->push(new ResultLayersCommand(m_doc, key, added, indices, text));
}

void AnalysisController::applyResult(const Analysis &analysis, const AnalysisResult &result)
{
    const QString key = resultsKey(analysis);
    const QString group = analysis.title(AnalysisForm::language());
    std::vector<ResultLayer> layers;
    for (const OutputLayer &output : result.layers) {
        if (output.file.isEmpty())
            continue; // nothing written
        // The layers the run wrote (an optional one, such as coverage's per-unit demand,
        // may be absent); the probe reads no features.
        LayerSchema schema;
        try {
            schema = LayerSchema::of(DataSource{output.file, output.id});
        } catch (const Error &) {
            continue;
        }
        ProjectLayer layer = resultLayer(key, group, output);
        layer.style = ResultStyles::forOutput(output, AnalysisForm::language()).toJson();
        layer.visible = !output.detail; // per-unit points stay hidden until asked
        if (const QJsonArray breaks = output.styleOptions.value(QStringLiteral("breaks")).toArray(); !breaks.isEmpty()) {
            QStringList labels; // "Service areas (400, 800 m)"
            for (const QJsonValue &b : breaks)
                labels << QString::number(b.toDouble());
            const bool meters = output.styleOptions.value(QStringLiteral("unit")).toString() == QLatin1String("m");
            layer.name = tr("%1 (%2 %3)").arg(layer.name, labels.join(QStringLiteral(", ")), meters ? tr("m") : tr("min"));
        }
        layers.push_back({layer, schema.dimension == 2});
    }
    finishRun(key, std::move(layers), group, result.outDir);
    emitDetails(result);
}

void AnalysisController::emitDetails(const AnalysisResult &result)
{
    if (const auto *coverage = std::any_cast<CoverageJobResult>(&result.detail))
        Q_EMIT coverageFinished(coverage->request, coverage->outcome);
    else if (const auto *fire = std::any_cast<FireJobResult>(&result.detail))
        Q_EMIT fireFinished(fire->request, fire->outcome);
    else if (const auto *compare = std::any_cast<CompareResult>(&result.detail))
        Q_EMIT compareFinished(*compare);
    else if (const auto *siting = std::any_cast<SitingJobResult>(&result.detail))
        Q_EMIT sitingFinished(*siting);
}

} // namespace refuge::desktop
