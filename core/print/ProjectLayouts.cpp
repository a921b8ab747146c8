#include "print/ProjectLayouts.h"

#include "model/Project.h"
#include "util/Error.h"

#include <QJsonArray>
#include <QSet>

namespace refuge {
namespace {

void checkNames(const std::vector<PrintLayout> &layouts, const QString &where)
{
    QSet<QString> names;
    for (const PrintLayout &l : layouts) {
        if (l.name.trimmed().isEmpty())
            throw InvalidInput(QStringLiteral("%1: layouts: a layout without a \"name\"").arg(where));
        if (names.contains(l.name))
            throw InvalidInput(QStringLiteral("%1: layouts: two layouts named '%2'").arg(where, l.name));
        names.insert(l.name);
    }
}

} // namespace

std::vector<PrintLayout> ProjectLayouts::read(const Project &project)
{
    const QJsonValue value = project.toJson().value(QStringLiteral("layouts"));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        throw InvalidInput(QStringLiteral("%1: layouts must be a list of layouts").arg(project.filePath()));
    std::vector<PrintLayout> layouts;
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!array[i].isObject())
            throw InvalidInput(QStringLiteral("%1: layouts: item %2 is not a layout object").arg(project.filePath()).arg(i + 1));
        try {
            layouts.push_back(PrintLayout::fromJson(array[i].toObject()));
        } catch (const InvalidInput &e) {
            throw InvalidInput(QStringLiteral("%1: layouts: %2").arg(project.filePath(), e.message()));
        }
    }
    checkNames(layouts, project.filePath());
    return layouts;
}

std::optional<PrintLayout> ProjectLayouts::find(const Project &project, const QString &name)
{
    for (PrintLayout &l : read(project))
        if (l.name == name)
            return std::move(l);
    return std::nullopt;
}

void ProjectLayouts::store(Project &project, const std::vector<PrintLayout> &layouts)
{
    checkNames(layouts, project.filePath());
    QJsonObject json = project.toJson();
    QJsonArray array;
    for (const PrintLayout &l : layouts)
        array.append(l.toJson());
    if (array.isEmpty())
        json.remove(QStringLiteral("layouts"));
    else
        json.insert(QStringLiteral("layouts"), array);
    std::vector<ProjectLayer> layers = std::move(project.layers); // the JSON form drops connection passwords: keep the live ones
    project = Project::fromJson(json, project.filePath());
    project.layers = std::move(layers);
}

} // namespace refuge
