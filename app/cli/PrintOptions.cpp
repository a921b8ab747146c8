#include "PrintOptions.h"

#include "Cli.h"
#include "model/Project.h"
#include "print/PrintCredits.h"
#include "print/ProjectLayouts.h"
#include "render/ProjectLayers.h"
#include "util/Error.h"
#include "util/Feedback.h"
#include "util/Resources.h"

#include <QDir>
#include <QFileInfo>

namespace refuge::cli {

PrintLayout layoutFor(const QString &command, const QString &value, const QString &lang, const Project *project)
{
    if (project)
        if (std::optional<PrintLayout> saved = ProjectLayouts::find(*project, value))
            return *saved;
    const QString l = lang.toLower();
    if (!l.isEmpty() && l != QLatin1String("en") && l != QLatin1String("zh") && l != QLatin1String("zh_cn"))
        throw UsageError(QStringLiteral("%1: --lang must be en or zh_CN (got '%2')").arg(command, lang));
    const bool zh = l.startsWith(QLatin1String("zh"));
    if (value.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return PrintLayout::load(value);
    const QStringList parts = value.toLower().split(QLatin1Char('-'));
    if (parts.size() >= 2 && parts.size() <= 3 && parts[0] == QLatin1String("standard") &&
        QStringList({QStringLiteral("a4"), QStringLiteral("a3"), QStringLiteral("a2")}).contains(parts[1]) &&
        (parts.size() == 2 || parts[2] == QLatin1String("landscape") || parts[2] == QLatin1String("portrait"))) {
        const bool landscape = parts.size() == 3 && parts[2] == QLatin1String("landscape");
        return PrintLayout::standard(parts[1].toUpper(), landscape ? PrintLayout::Orientation::Landscape : PrintLayout::Orientation::Portrait);
    }
    const QString name = zh && !value.endsWith(QLatin1String("-zh_CN")) ? value + QStringLiteral("-zh_CN") : value;
    const QString templ = resourcePath(QStringLiteral("templates/%1.json").arg(name));
    if (!value.contains(QLatin1Char('/')) && !value.contains(QLatin1Char('\\')) && QFileInfo::exists(templ))
        return PrintLayout::load(templ);
    const QStringList names = QDir(resourcePath(QStringLiteral("templates"))).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QStringList templates;
    for (const QString &n : names)
        templates << QFileInfo(n).completeBaseName();
    throw UsageError(QStringLiteral("%1: --layout: '%2' is neither a layout file (.json), a template (%3) nor standard-a4|a3|a2[-landscape]")
                         .arg(command, name, templates.join(QStringLiteral(", "))));
}

PrintContext projectContext(const QString &command, const Project &project, Feedback *feedback)
{
    PrintContext context;
    context.map = ProjectLayers::mapSettings(project, ProjectLayers::load(project, feedback), QSize(1000, 1000));
    if (context.map.extent.isEmpty()) {
        const QStringList warnings = feedback ? feedback->warnings() : QStringList();
        throw InvalidInput(QStringLiteral("%1: nothing to draw (no visible layer with an extent)%2")
                               .arg(command, warnings.isEmpty() ? QString() : QStringLiteral("; ") + warnings.front()));
    }
    context.title = project.title;
    context.credits = PrintCredits::forProject(project, context.map.layers).join(QStringLiteral(" · "));
    return context;
}

} // namespace refuge::cli
