#include "model/Project.h"
#include "model/JsonKeyOrder.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace refuge {

namespace {

const QStringList kRootKeys = {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("title"),
                               QStringLiteral("crs"), QStringLiteral("metadata"), QStringLiteral("analysis"),
                               QStringLiteral("layers")};
const QStringList kLayerKeys = {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("source"),
                                QStringLiteral("layer"), QStringLiteral("role"), QStringLiteral("fields"),
                                QStringLiteral("visible"), QStringLiteral("opacity"), QStringLiteral("crs"),
                                QStringLiteral("encoding"), QStringLiteral("style")};

// Typed access that names the key path in its error.
class Reader {
public:
    explicit Reader(QString file) : m_file(std::move(file)) {}
    [[noreturn]] void fail(const QString &where, const QString &what) const
    {
        throw InvalidInput(fileMessage(m_file, QStringLiteral("%1: %2").arg(where, what)));
    }
    QString string(const QJsonObject &o, const QString &key, const QString &where, bool required = false) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(where + QLatin1Char('.') + key, QStringLiteral("missing"));
            return {};
        }
        if (!v.isString())
            fail(where + QLatin1Char('.') + key, QStringLiteral("expected a string"));
        return v.toString();
    }
    QJsonObject object(const QJsonObject &o, const QString &key, const QString &where) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(where + QLatin1Char('.') + key, QStringLiteral("expected an object"));
        return v.toObject();
    }
    bool boolean(const QJsonObject &o, const QString &key, const QString &where, bool def) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return def;
        if (!v.isBool())
            fail(where + QLatin1Char('.') + key, QStringLiteral("expected true or false"));
        return v.toBool();
    }
    double number(const QJsonObject &o, const QString &key, const QString &where, double def) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return def;
        if (!v.isDouble())
            fail(where + QLatin1Char('.') + key, QStringLiteral("expected a number"));
        return v.toDouble();
    }

private:
    QString m_file;
};

QJsonObject extraKeys(const QJsonObject &o, const QStringList &known)
{
    QJsonObject extra;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            extra.insert(it.key(), it.value());
    return extra;
}

} // namespace

Project Project::load(const QString &filePath)
{
    const QFileInfo info(filePath);
    if (!info.exists())
        throw IoError(fileMessage(filePath, QStringLiteral("no such file")));
    if (info.isDir())
        throw IoError(fileMessage(filePath, QStringLiteral("is a directory, not a project file")));
    QFile f(filePath);
    if (!f.open(QIODevice::ReadOnly))
        throw IoError(fileMessage(filePath, QStringLiteral("cannot be read (%1)").arg(f.errorString())));
    const QByteArray bytes = f.readAll();
    if (bytes.trimmed().isEmpty())
        throw InvalidInput(fileMessage(filePath, QStringLiteral("is empty, not a project file")));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError) {
        const int line = int(bytes.left(err.offset).count('\n')) + 1;
        throw InvalidInput(fileMessage(filePath, QStringLiteral("JSON syntax error at line %1: %2").arg(line).arg(err.errorString())));
    }
    if (!doc.isObject())
        throw InvalidInput(fileMessage(filePath, QStringLiteral("expected a JSON object at the top level")));
    return fromJson(doc.object(), QFileInfo(filePath).absoluteFilePath());
}

Project Project::fromJson(const QJsonObject &json, const QString &filePath)
{
    const Reader r(filePath);
    Project p;
    p.m_filePath = filePath;
    const QString format = r.string(json, QStringLiteral("format"), QStringLiteral("project"));
    if (!format.isEmpty() && format != QLatin1String("refuge-project"))
        r.fail(QStringLiteral("format"), QStringLiteral("not a Refuge project ('%1')").arg(format));
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (!version.isUndefined() && !version.isDouble())
        r.fail(QStringLiteral("version"), QStringLiteral("expected a number"));
    const double v = version.toDouble(kFormatVersion); // 1.5 is newer than 1 too
    if (!(v >= 1))
        r.fail(QStringLiteral("version"), QStringLiteral("must be 1 or more (got %1)").arg(v));
    if (v > kFormatVersion)
        throw InvalidInput(fileMessage(filePath, QStringLiteral("written by a newer Refuge (project format %1; this version reads up to %2)")
                                                     .arg(v).arg(kFormatVersion)));
    p.title = r.string(json, QStringLiteral("title"), QStringLiteral("project"));
    const QString crs = r.string(json, QStringLiteral("crs"), QStringLiteral("project"), true);
    try {
        p.crs = Crs::fromUserInput(crs);
    } catch (const CrsError &e) {
        throw CrsError(fileMessage(filePath, QStringLiteral("crs: %1").arg(e.message())));
    }
    p.metadata = r.object(json, QStringLiteral("metadata"), QStringLiteral("project"));
    p.analysis = r.object(json, QStringLiteral("analysis"), QStringLiteral("project"));
    const QJsonValue layers = json.value(QStringLiteral("layers"));
    if (!layers.isUndefined() && !layers.isArray())
        r.fail(QStringLiteral("layers"), QStringLiteral("expected an array"));
    const QJsonArray arr = layers.toArray();
    QStringList withPasswords;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString where = QStringLiteral("layers[%1]").arg(i);
        if (!arr[i].isObject())
            r.fail(where, QStringLiteral("expected an object"));
        const QJsonObject o = arr[i].toObject();
        ProjectLayer l;
        l.path = r.string(o, QStringLiteral("source"), where, true);
        l.layer = r.string(o, QStringLiteral("layer"), where);
        l.name = r.string(o, QStringLiteral("name"), where);
        if (l.name.isEmpty())
            l.name = l.layer.isEmpty() ? QFileInfo(l.path).completeBaseName() : l.layer;
        l.id = r.string(o, QStringLiteral("id"), where);
        if (l.id.isEmpty())
            l.id = p.uniqueLayerId(l.name);
        else if (p.layerById(l.id))
            r.fail(where + QStringLiteral(".id"), QStringLiteral("duplicate id '%1'").arg(l.id));
        const QString role = r.string(o, QStringLiteral("role"), where);
        if (!role.isEmpty()) {
            const auto parsed = roleFromName(role);
            if (!parsed)
                r.fail(where + QStringLiteral(".role"),
                       QStringLiteral("unknown role '%1' (one of: %2)").arg(role, allRoleNames().join(QStringLiteral(", "))));
            l.role = *parsed;
        }
        const QJsonObject fields = r.object(o, QStringLiteral("fields"), where);
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (!it.value().isString())
                r.fail(where + QStringLiteral(".fields.") + it.key(), QStringLiteral("expected a field name (string)"));
            l.fields.insert(it.key(), it.value().toString());
        }
        l.visible = r.boolean(o, QStringLiteral("visible"), where, true);
        l.opacity = r.number(o, QStringLiteral("opacity"), where, 1.0);
        if (l.opacity < 0 || l.opacity > 1)
            r.fail(where + QStringLiteral(".opacity"), QStringLiteral("must be between 0 and 1"));
        l.crs = r.string(o, QStringLiteral("crs"), where);
        l.encoding = r.string(o, QStringLiteral("encoding"), where);
        l.style = r.object(o, QStringLiteral("style"), where);
        l.extra = extraKeys(o, kLayerKeys);
        if (hasPassword(l.path))
            withPasswords << l.id;
        p.layers.push_back(std::move(l));
    }
    p.m_extra = extraKeys(json, kRootKeys);
    // Checked last, so a file that is not a project at all (GeoJSON...) is named by what it lacks first.
    if (format.isEmpty())
        r.fail(QStringLiteral("format"), QStringLiteral("missing (a project file starts with \"format\": \"refuge-project\")"));
    // A password found in the file is used (kept in memory) but never written again.
    if (!withPasswords.isEmpty())
        p.m_warnings << fileMessage(filePath, QStringLiteral("warning: the file stores a database password (layer %1); it is used for "
                                                             "this session only and never saved again: keep it in ~/.pgpass or "
                                                             "a PGSERVICE instead")
                                                  .arg(withPasswords.join(QStringLiteral(", "))));
    return p;
}

QJsonObject Project::toJson() const
{
    QJsonObject o = m_extra;
    o.insert(QStringLiteral("format"), QStringLiteral("refuge-project"));
    o.insert(QStringLiteral("version"), kFormatVersion);
    o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("crs"), crs.authId().isEmpty() ? crs.wkt() : crs.authId());
    o.insert(QStringLiteral("metadata"), metadata);
    o.insert(QStringLiteral("analysis"), analysis);
    QJsonArray arr;
    for (const ProjectLayer &l : layers) {
        QJsonObject lo = l.extra;
        lo.insert(QStringLiteral("id"), l.id);
        lo.insert(QStringLiteral("name"), l.name);
        lo.insert(QStringLiteral("source"), withoutPassword(l.path)); // a password stays in memory only
        if (!l.layer.isEmpty())
            lo.insert(QStringLiteral("layer"), l.layer);
        lo.insert(QStringLiteral("role"), roleName(l.role));
        QJsonObject fields;
        for (auto it = l.fields.begin(); it != l.fields.end(); ++it)
            fields.insert(it.key(), it.value());
        lo.insert(QStringLiteral("fields"), fields);
        lo.insert(QStringLiteral("visible"), l.visible);
        lo.insert(QStringLiteral("opacity"), l.opacity);
        if (!l.crs.isEmpty())
            lo.insert(QStringLiteral("crs"), l.crs);
        if (!l.encoding.isEmpty())
            lo.insert(QStringLiteral("encoding"), l.encoding);
        if (!l.style.isEmpty())
            lo.insert(QStringLiteral("style"), l.style);
        arr.append(lo);
    }
    o.insert(QStringLiteral("layers"), arr);
    return o;
}

void Project::save(const QString &filePath)
{
    QSaveFile f(filePath);
    if (!f.open(QIODevice::WriteOnly))
        throw IoError(fileMessage(filePath, QStringLiteral("cannot be written (%1)").arg(f.errorString())));
    // Work on a copy: this project keeps its path and layer paths unless the write succeeds.
    Project saved = *this;
    const QString oldDir = directory();
    saved.m_filePath = QFileInfo(filePath).absoluteFilePath();
    // Re-anchor relative paths when saving elsewhere.
    if (!oldDir.isEmpty() && oldDir != saved.directory()) {
        for (ProjectLayer &l : saved.layers)
            if (!isConnectionString(l.path) && QFileInfo(l.path).isRelative())
                l.path = saved.storedPath(QDir(oldDir).absoluteFilePath(l.path));
    }
    // Keys in the order of the file being replaced, else of the file this project was
    // read from (JsonKeyOrder): a person's order survives a save.
    QByteArray earlier;
    for (const QString &path : {filePath, m_filePath}) {
        QFile before(path);
        if (!path.isEmpty() && before.open(QIODevice::ReadOnly)) {
            earlier = before.readAll();
            break;
        }
    }
    f.write(JsonKeyOrder::indented(saved.toJson(), earlier));
    if (!f.commit())
        throw IoError(fileMessage(filePath, QStringLiteral("cannot be written (%1)").arg(f.errorString())));
    *this = std::move(saved);
}

QString Project::directory() const { return m_filePath.isEmpty() ? QString() : QFileInfo(m_filePath).absolutePath(); }

QString Project::resolvedPath(const ProjectLayer &layer) const
{
    if (isConnectionString(layer.path) || isTileUrl(layer.path) || QFileInfo(layer.path).isAbsolute() || m_filePath.isEmpty())
        return layer.path;
    return QDir::cleanPath(QDir(directory()).absoluteFilePath(layer.path));
}

DataSource Project::dataSource(const ProjectLayer &layer) const { return {resolvedPath(layer), layer.layer}; }

QString Project::storedPath(const QString &absolutePath) const
{
    if (m_filePath.isEmpty() || isConnectionString(absolutePath) || isTileUrl(absolutePath))
        return absolutePath;
    return QDir(directory()).relativeFilePath(absolutePath);
}

const ProjectLayer *Project::layerWithRole(Role role) const
{
    for (const ProjectLayer &l : layers)
        if (l.role == role)
            return &l;
    return nullptr;
}

const ProjectLayer *Project::layerById(const QString &id) const
{
    for (const ProjectLayer &l : layers)
        if (l.id == id)
            return &l;
    return nullptr;
}

QString Project::uniqueLayerId(const QString &base) const
{
    QString stem = base.toLower();
    // Unicode-aware \w: Chinese names keep their characters ("人民广场避难场所", not "_").
    stem.replace(QRegularExpression(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption), QStringLiteral("_"));
    if (stem.isEmpty())
        stem = QStringLiteral("layer");
    QString id = stem;
    for (int n = 2; layerById(id); ++n)
        id = QStringLiteral("%1_%2").arg(stem).arg(n);
    return id;
}

QStringList Project::credits() const
{
    QStringList out;
    for (const QJsonValue &v : metadata.value(QStringLiteral("credits")).toArray())
        out << v.toString();
    return out;
}

} // namespace refuge
