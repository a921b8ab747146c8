// Bookmarks: named extents in the project file (see the header).
#include "model/Bookmarks.h"

#include "crs/Crs.h"
#include "model/Project.h"
#include "util/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <cmath>

namespace refuge {

namespace {

const QString kKey = QStringLiteral("bookmarks");

[[noreturn]] void fail(const Project &project, int index, const QString &problem)
{
    throw InvalidInput(QStringLiteral("%1: bookmarks: bookmark %2 %3").arg(project.filePath()).arg(index + 1).arg(problem));
}

void check(const Project &project, const std::vector<Bookmark> &bookmarks)
{
    QSet<QString> names;
    for (int i = 0; i < int(bookmarks.size()); ++i) {
        const Bookmark &b = bookmarks[std::size_t(i)];
        if (b.name.trimmed().isEmpty())
            fail(project, i, QStringLiteral("has no \"name\""));
        if (names.contains(b.name))
            fail(project, i, QStringLiteral("'%1': two bookmarks have this name").arg(b.name));
        names.insert(b.name);
        const QRectF &e = b.extent;
        if (!std::isfinite(e.left()) || !std::isfinite(e.top()) || !std::isfinite(e.right()) || !std::isfinite(e.bottom())
            || !(e.width() > 0) || !(e.height() > 0))
            fail(project, i, QStringLiteral("'%1': the extent must be [xmin, ymin, xmax, ymax] with xmin < xmax and ymin < ymax").arg(b.name));
        try {
            if (!Crs::fromUserInput(b.crs).isValid())
                fail(project, i, QStringLiteral("'%1': no CRS").arg(b.name));
        } catch (const CrsError &e) {
            fail(project, i, QStringLiteral("'%1': crs: %2").arg(b.name, e.message()));
        }
    }
}

} // namespace

std::vector<Bookmark> Bookmarks::read(const Project &project)
{
    const QJsonObject json = project.toJson();
    const QJsonValue value = json.value(kKey);
    if (value.isUndefined())
        return {};
    if (!value.isArray())
        throw InvalidInput(QStringLiteral("%1: bookmarks must be a list of bookmarks").arg(project.filePath()));
    std::vector<Bookmark> out;
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            fail(project, i, QStringLiteral("is not an object"));
        const QJsonObject o = array.at(i).toObject();
        Bookmark b;
        b.name = o.value(QStringLiteral("name")).toString();
        b.crs = o.value(QStringLiteral("crs")).toString();
        const QJsonArray e = o.value(QStringLiteral("extent")).toArray();
        if (e.size() != 4 || !e.at(0).isDouble() || !e.at(1).isDouble() || !e.at(2).isDouble() || !e.at(3).isDouble())
            fail(project, i, QStringLiteral("'%1': the extent must be [xmin, ymin, xmax, ymax]").arg(b.name));
        b.extent = QRectF(QPointF(e.at(0).toDouble(), e.at(1).toDouble()), QPointF(e.at(2).toDouble(), e.at(3).toDouble()));
        out.push_back(std::move(b));
    }
    check(project, out);
    return out;
}

void Bookmarks::store(Project &project, const std::vector<Bookmark> &bookmarks)
{
    check(project, bookmarks);
    QJsonObject json = project.toJson();
    QJsonArray array;
    for (const Bookmark &b : bookmarks) {
        const QRectF &e = b.extent;
        array.append(QJsonObject{{QStringLiteral("name"), b.name},
                                 {QStringLiteral("crs"), b.crs},
                                 {QStringLiteral("extent"), QJsonArray{e.left(), e.top(), e.right(), e.bottom()}}});
    }
    if (array.isEmpty())
        json.remove(kKey);
    else
        json.insert(kKey, array);
    std::vector<ProjectLayer> layers = std::move(project.layers); // the JSON form drops connection passwords: keep the live ones
    project = Project::fromJson(json, project.filePath());
    project.layers = std::move(layers);
}

} // namespace refuge
