// refuge-cli atlas: one page of a print layout per feature of a coverage layer
// (communities, streets, districts), as one multi-page PDF or one file per feature —
// or, without --coverage, the batch the project's "atlas" section configures
// (AtlasConfig: district / street / community levels, a layout each, one folder each).
// Community pages get their assigned shelters, routes and covered share from a coverage
// run, hazardous-site pages (一张图一张表) their sites from an exposure run (--results,
// else the project's results/). Every check (layout, coverage layer,
// fields, output paths, writable folder) runs for every level before anything is written.
#include "Cli.h"
#include "PrintOptions.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "model/Project.h"
#include "print/Atlas.h"
#include "print/AtlasConfig.h"
#include "print/CommunityPages.h"
#include "print/SitePages.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonObject>

namespace refuge::cli {

namespace {

// The nearest existing folder at or above `dir`.
QFileInfo existingAncestor(const QString &dir)
{
    QFileInfo info(QDir::cleanPath(QDir(dir).absolutePath()));
    while (!info.exists() && !info.absoluteFilePath().isEmpty() && !info.isRoot())
        info = QFileInfo(info.absolutePath());
    return info;
}

void checkOutputs(const QString &outDir, const QStringList &files, const Project &project, const QString &layoutFile)
{
    const QFileInfo outInfo(outDir);
    if (outInfo.exists() && !outInfo.isDir())
        throw UsageError(QStringLiteral("atlas: --out %1: is a file, not a folder").arg(outDir));
    const QFileInfo ancestor = existingAncestor(outDir);
    if (!ancestor.isDir() || !ancestor.isWritable())
        throw UsageError(QStringLiteral("atlas: --out %1: folder %2 cannot be written").arg(outDir, ancestor.absoluteFilePath()));
    QStringList inputs{QFileInfo(project.filePath()).absoluteFilePath()};
    if (!layoutFile.isEmpty())
        inputs << QFileInfo(layoutFile).absoluteFilePath();
    for (const ProjectLayer &layer : project.layers)
        inputs << QFileInfo(project.resolvedPath(layer)).absoluteFilePath();
    for (const QString &file : files) {
        const QString abs = QFileInfo(file).absoluteFilePath();
        if (inputs.contains(abs, Qt::CaseInsensitive))
            throw UsageError(QStringLiteral("atlas: %1: would overwrite an input").arg(file));
    }
}

// What the command line asks for, beside the levels.
struct Request {
    AtlasConfig config;          // levels to run + lang, single file, format, dpi
    QString outDir;
    QString title;
    QString results;             // --results; empty: the project's results/ when present
    bool subfolders = false;     // one folder per level
};

// One level, planned (nothing written yet).
struct PlannedLevel {
    AtlasLevel level;
    PrintLayout layout;
    AtlasOptions options;
    AtlasPlan plan;
};

// The run the pages print (coverage for community pages, exposure for site pages):
// --results, else the project's results folder when it holds one; empty (with a
// warning naming what is left out) when none is found.
QString resultsFolder(const Request &request, const Project &project, Feedback &feedback, QString (*folderOf)(const QString &),
                      const QString &what, const QString &leftOut)
{
    if (!request.results.isEmpty())
        return request.results;
    const QString dir = ProjectJobSettings::resultsDirectory(project);
    if (!dir.isEmpty() && !folderOf(dir).isEmpty())
        return dir;
    feedback.warn(QStringLiteral("atlas: no %1 results (give --results DIR, the folder of refuge-cli run): %2 left out").arg(what, leftOut));
    return {};
}

PlannedLevel planLevel(const Request &request, const AtlasLevel &level, const Project &project, const PrintContext &base, Feedback &feedback)
{
    if (!project.layerById(level.coverage)) {
        QStringList ids;
        for (const ProjectLayer &l : project.layers)
            ids << l.id;
        throw UsageError(QStringLiteral("atlas: --coverage: no layer '%1' in the project (layers: %2)").arg(level.coverage, ids.join(QStringLiteral(", "))));
    }
    PlannedLevel p{level, layoutFor(QStringLiteral("atlas"), level.templateName, request.config.lang, &project), {}, {}};
    AtlasOptions &o = p.options;
    const QString format = request.config.format;
    o.coverageLayerId = level.coverage;
    o.nameField = level.field;
    o.nameTemplate = level.field.isEmpty() ? QStringLiteral("{page}.%1").arg(format) : QStringLiteral("{feature.%1}.%2").arg(level.field, format);
    o.singleFile = request.config.singleFile;
    o.dpi = request.config.dpi;
    o.marginPercent = level.marginPercent;
    o.fixedScale = level.fixedScale;
    o.levelField = level.levelField;
    o.levelValue = level.levelValue;
    o.outDir = request.subfolders ? QDir(request.outDir).filePath(level.level) : request.outDir;
    p.plan = Atlas::plan(p.layout, base, o);
    if (CommunityPages::wanted(p.layout)) {
        const QString results = resultsFolder(request, project, feedback, &CoverageResults::coverageFolder, QStringLiteral("coverage"),
                                              QStringLiteral("assigned shelters, routes and the covered share are"));
        if (!results.isEmpty())
            CommunityPages::fillFromProject(p.plan, project, base.map, o.coverageLayerId, o.nameField, results, feedback);
    }
    if (SitePages::wanted(p.layout)) {
        const QString results = resultsFolder(request, project, feedback, &SiteResults::exposureFolder, QStringLiteral("exposure"),
                                              QStringLiteral("hazardous sites are"));
        if (!results.isEmpty())
            SitePages::fillFromResults(p.plan, base.map, o.coverageLayerId, results, feedback);
    }
    const QString layoutFile = level.templateName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? level.templateName : QString();
    checkOutputs(o.outDir, p.plan.files, project, layoutFile);
    return p;
}

// Writes one planned level; prints its files and failures. Returns its exit code.
int writeLevel(const PlannedLevel &p, Feedback &feedback, bool named)
{
    if (!QDir().mkpath(p.options.outDir))
        throw UsageError(QStringLiteral("atlas: --out %1: folder cannot be created").arg(p.options.outDir));
    const AtlasResult result = Atlas::write(p.layout, p.plan, p.options, &feedback);
    for (const AtlasFailure &f : result.failures)
        printError(QStringLiteral("atlas: %1%2").arg(named ? p.level.level + QStringLiteral(": ") : QString(), f.message));
    for (const QString &file : result.files)
        out() << file << Qt::endl;
    out() << (named ? p.level.level + QStringLiteral(": ") : QString())
          << QStringLiteral("%1 pages exported, %2 failed").arg(result.pages).arg(result.failures.size()) << Qt::endl;
    return result.failures.empty() && result.pages > 0 ? Ok : ProblemsFound;
}

// The project's "atlas" section, restricted to --level when given.
AtlasConfig projectConfig(const Project &project, const QString &onlyLevel)
{
    const QJsonObject section = project.toJson().value(QStringLiteral("atlas")).toObject();
    if (section.isEmpty())
        throw UsageError(QStringLiteral("atlas: %1: no --coverage and no \"atlas\" section in the project").arg(project.filePath()));
    AtlasConfig config = AtlasConfig::fromJson(section, project.filePath());
    if (!onlyLevel.isEmpty()) {
        std::erase_if(config.levels, [&](const AtlasLevel &l) { return l.level.compare(onlyLevel, Qt::CaseInsensitive) != 0; });
        if (config.levels.empty())
            throw UsageError(QStringLiteral("atlas: --level %1: not a level of the project's atlas section").arg(onlyLevel));
    }
    return config;
}

} // namespace

int runAtlas(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file (*.refuge)."));
    const QCommandLineOption layoutOpt({QStringLiteral("layout"), QStringLiteral("template")},
                                       QStringLiteral("Layout saved in the project (\"layouts\"), layout file (*.json), template name (resources/templates) or standard-a4|a3|a2[-landscape]."), QStringLiteral("name"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("Template language: en (default) or zh_CN (the template's -zh_CN version)."), QStringLiteral("en|zh_CN"));
    const QCommandLineOption resultsOpt(QStringLiteral("results"),
                                        QStringLiteral("Folder of a run (refuge-cli run --out DIR) for the assigned shelters, routes and {covered_share} (coverage) and the hazardous sites (exposure); default: the project's results/."),
                                        QStringLiteral("dir"));
    const QCommandLineOption coverageOpt(QStringLiteral("coverage"), QStringLiteral("Id of the project layer with one feature per page; without it: the project's \"atlas\" section (every level)."), QStringLiteral("layer"));
    const QCommandLineOption fieldOpt(QStringLiteral("field"), QStringLiteral("Field naming each file ({feature.FIELD}.pdf); default: the page number."), QStringLiteral("name"));
    const QCommandLineOption levelOpt(QStringLiteral("level"), QStringLiteral("district|street|community: with --coverage, only the features whose --level-field (default: the layer's \"level\" mapping) has this value; without, that level of the project's atlas section."), QStringLiteral("level"));
    const QCommandLineOption levelFieldOpt(QStringLiteral("level-field"), QStringLiteral("Field holding each feature's level (with --level)."), QStringLiteral("name"));
    const QCommandLineOption singleOpt(QStringLiteral("single-file"), QStringLiteral("One multi-page PDF (atlas.pdf) instead of one file per feature."));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QStringLiteral("pdf (default), svg, png or tif: the page format, one file per feature for all but pdf."), QStringLiteral("pdf|svg|png|tif"));
    const QCommandLineOption dpiOpt(QStringLiteral("dpi"), QStringLiteral("PNG resolution (default 150)."), QStringLiteral("n"));
    const QCommandLineOption marginOpt(QStringLiteral("margin"), QStringLiteral("Margin around each feature, % of its size (default 10)."), QStringLiteral("percent"));
    const QCommandLineOption scaleOpt(QStringLiteral("scale"), QStringLiteral("Fixed scale 1:N around each feature instead of fitting it."), QStringLiteral("n"));
    const QCommandLineOption titleOpt(QStringLiteral("title"), QStringLiteral("Title (default: the project's)."), QStringLiteral("text"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output folder (default: atlas); a batch writes one subfolder per level."), QStringLiteral("dir"));
    parser.addOptions({layoutOpt, langOpt, resultsOpt, coverageOpt, fieldOpt, levelOpt, levelFieldOpt, singleOpt, formatOpt, dpiOpt, marginOpt,
                       scaleOpt, titleOpt, outOpt});
    parseOrThrow(parser, args, QStringLiteral("One page of a print layout per feature of a coverage layer (PDF or PNG), or the project's atlas batch."));
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("atlas: expected one PROJECT (see refuge-cli atlas --help)"));
    if (parser.isSet(coverageOpt) != parser.isSet(layoutOpt))
        throw UsageError(QStringLiteral("atlas: --layout and --coverage go together (without both: the project's atlas section)"));
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw UsageError(QStringLiteral("atlas: needs a GUI application object for fonts"));

    const Project project = loadProject(parser.positionalArguments().at(0));
    Request request;
    if (parser.isSet(coverageOpt)) {
        AtlasLevel level;
        level.level = parser.isSet(levelOpt) ? parser.value(levelOpt) : QStringLiteral("atlas");
        level.templateName = parser.value(layoutOpt);
        level.coverage = parser.value(coverageOpt);
        level.field = parser.value(fieldOpt);
        if (parser.isSet(levelOpt)) {
            const ProjectLayer *l = project.layerById(level.coverage);
            level.levelField = parser.isSet(levelFieldOpt) ? parser.value(levelFieldOpt) : (l ? l->field(QStringLiteral("level")) : QString());
            level.levelValue = parser.value(levelOpt);
            if (level.levelField.isEmpty())
                throw UsageError(QStringLiteral("atlas: --level needs --level-field (layer '%1' maps no \"level\" field)").arg(level.coverage));
        }
        level.marginPercent = numberOption(parser, QStringLiteral("margin"), 10);
        level.fixedScale = numberOption(parser, QStringLiteral("scale"), 0);
        request.config.levels = {level};
        request.config.singleFile = false;
    } else {
        request.config = projectConfig(project, parser.value(levelOpt));
        const std::vector<AtlasLevel> &levels = request.config.levels; // a section without "levels" writes straight into --out
        request.subfolders = levels.size() > 1 || levels.front().level != QLatin1String("atlas");
    }
    AtlasConfig &config = request.config;
    if (parser.isSet(langOpt))
        config.lang = parser.value(langOpt);
    if (parser.isSet(singleOpt))
        config.singleFile = true;
    if (parser.isSet(formatOpt))
        config.format = parser.value(formatOpt).toLower();
    if (!PrintRenderer::pageSuffixes().contains(config.format))
        throw UsageError(QStringLiteral("atlas: --format must be pdf, svg, png or tif (got '%1')").arg(config.format));
    if (parser.isSet(formatOpt) && config.format != QLatin1String("pdf") && parser.isSet(singleOpt))
        throw UsageError(QStringLiteral("atlas: --single-file writes a PDF; drop --format %1").arg(config.format));
    if (config.format != QLatin1String("pdf"))
        config.singleFile = false;
    bool ok = true;
    if (parser.isSet(dpiOpt))
        config.dpi = parser.value(dpiOpt).toInt(&ok);
    if (!ok || config.dpi < 30 || config.dpi > 1200)
        throw UsageError(QStringLiteral("atlas: --dpi must be an integer between 30 and 1200"));
    request.outDir = parser.isSet(outOpt) ? parser.value(outOpt) : QStringLiteral("atlas");
    if (request.outDir.isEmpty())
        throw UsageError(QStringLiteral("atlas: --out must name a folder"));
    request.results = parser.value(resultsOpt);

    Feedback feedback;
    PrintContext base = projectContext(QStringLiteral("atlas"), project, &feedback);
    if (parser.isSet(titleOpt))
        base.title = parser.value(titleOpt);
    base.lang = config.lang;
    std::vector<PlannedLevel> planned;
    for (const AtlasLevel &level : config.levels)
        planned.push_back(planLevel(request, level, project, base, feedback));
    int code = Ok;
    for (const PlannedLevel &p : planned)
        code = std::max(code, writeLevel(p, feedback, request.subfolders));
    for (const QString &w : feedback.warnings())
        err() << "warning: " << w << Qt::endl;
    return code;
}

static const bool registered = registerCommand({QStringLiteral("atlas"),
                                                QStringLiteral("One layout page per feature of a coverage layer, or the project's atlas batch (PDF/PNG)"), runAtlas, true});

} // namespace refuge::cli
