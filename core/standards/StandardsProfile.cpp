#include "standards/StandardsProfile.h"

#include "util/ParameterRanges.h"
#include "util/Resources.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonValue>

namespace refuge {

namespace {

const QString kFormat = QStringLiteral("refuge-standard");

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }

} // namespace

QString StandardValue::statusLabel() const
{
    if (status == QLatin1String("U"))
        return QStringLiteral("unverified");
    if (status == QLatin1String("user"))
        return QStringLiteral("user (default %1)").arg(defaultValue);
    return status;
}

namespace {

// "source clause", or the source alone when there is no clause ("—").
QString cite(const QString &source, const QString &clause)
{
    return clause.isEmpty() || clause == QStringLiteral("—") ? source : source + QLatin1Char(' ') + clause;
}

} // namespace

QString StandardValue::citation() const { return cite(source, clause); }

QString StandardValue::citationZh() const { return cite(sourceZh.isEmpty() ? source : sourceZh, clauseZh.isEmpty() ? clause : clauseZh); }

bool StandardValue::passes(double measured) const
{
    if (compare == QLatin1String(">"))
        return measured > value;
    if (compare == QLatin1String(">="))
        return measured >= value;
    if (compare == QLatin1String("<"))
        return measured < value;
    if (compare == QLatin1String("<="))
        return measured <= value;
    return true;
}

QJsonObject CheckResult::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},           {QStringLiteral("measured"), measured},
                  {QStringLiteral("limit"), limit},       {QStringLiteral("compare"), compare},
                  {QStringLiteral("pass"), pass},         {QStringLiteral("clause"), citation},
                  {QStringLiteral("status"), status}};
    if (!citationZh.isEmpty() && citationZh != citation)
        o.insert(QStringLiteral("clause_zh"), citationZh);
    if (!evaluated) {
        o.insert(QStringLiteral("pass"), QJsonValue());
        o.insert(QStringLiteral("evaluated"), false);
        o.insert(QStringLiteral("note"), note);
    }
    return o;
}

QString StandardsProfile::directory()
{
    const QByteArray env = qgetenv("REFUGE_STANDARDS_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return resourcePath(QStringLiteral("standards"));
}

QStringList StandardsProfile::available()
{
    QStringList ids;
    for (const QString &f : QDir(directory()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        ids << f.chopped(5);
    return ids;
}

StandardsProfile StandardsProfile::load(const QString &id)
{
    const QString path = QDir(directory()).filePath(id + QStringLiteral(".json"));
    if (id.isEmpty() || id.contains(QLatin1Char('/')) || id.contains(QLatin1Char('\\')) || !QFile::exists(path))
        throw InvalidInput(QStringLiteral("unknown standard '%1' (known: %2)").arg(id, available().join(QStringLiteral(", "))));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw IoError(fileMessage(path, QStringLiteral("cannot be read")));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject())
        throw InvalidInput(fileMessage(path, QStringLiteral("not a JSON object (%1)").arg(pe.errorString())));
    return fromJson(doc.object(), path);
}

StandardsProfile StandardsProfile::fromJson(const QJsonObject &json, const QString &origin)
{
    if (str(json, "format") != kFormat)
        throw InvalidInput(fileMessage(origin, QStringLiteral("not a standards profile (format must be '%1')").arg(kFormat)));
    StandardsProfile p;
    p.m_id = str(json, "id");
    p.m_name = str(json, "name");
    p.m_nameZh = str(json, "name_zh");
    p.m_description = str(json, "description");
    if (p.m_id.isEmpty())
        throw InvalidInput(fileMessage(origin, QStringLiteral("profile has no id")));
    const QJsonObject values = json.value(QLatin1String("values")).toObject();
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        StandardValue v;
        v.key = it.key();
        if (!o.value(QLatin1String("value")).isDouble())
            throw InvalidInput(fileMessage(origin, QStringLiteral("value '%1' is not a number").arg(v.key)));
        v.value = v.defaultValue = o.value(QLatin1String("value")).toDouble();
        v.unit = str(o, "unit");
        v.label = str(o, "label");
        v.labelZh = str(o, "label_zh");
        v.source = str(o, "source");
        v.clause = str(o, "clause");
        v.sourceZh = str(o, "source_zh");
        v.clauseZh = str(o, "clause_zh");
        v.status = str(o, "status");
        v.compare = str(o, "compare");
        v.note = str(o, "note");
        if (v.source.isEmpty() || v.clause.isEmpty())
            throw InvalidInput(fileMessage(origin, QStringLiteral("value '%1' has no source or clause").arg(v.key)));
        if (v.status != QLatin1String("V") && v.status != QLatin1String("S") && v.status != QLatin1String("U"))
            throw InvalidInput(fileMessage(origin, QStringLiteral("value '%1' has status '%2' (expected V, S or U)").arg(v.key, v.status)));
        static const QStringList comparisons = {QString(), QStringLiteral(">"), QStringLiteral(">="), QStringLiteral("<"), QStringLiteral("<=")};
        if (!comparisons.contains(v.compare))
            throw InvalidInput(fileMessage(origin, QStringLiteral("value '%1' has an unknown comparison '%2'").arg(v.key, v.compare)));
        p.m_values.insert(v.key, v);
    }
    return p;
}

void StandardsProfile::applyOverrides(const QJsonObject &overrides)
{
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        auto v = m_values.find(it.key());
        if (v == m_values.end())
            throw InvalidInput(QStringLiteral("standard '%1' has no value '%2' to override (values: %3)")
                                   .arg(m_id, it.key(), keys().join(QStringLiteral(", "))));
        ParameterRanges::fromJson(ParameterRanges::standardValue(v->unit), it.value(), it.key());
        if (it.value().toDouble() == v->defaultValue)
            continue;
        v->value = it.value().toDouble();
        v->status = QStringLiteral("user");
        v->source = QStringLiteral("project override of ") + v->source;
    }
}

void StandardsProfile::applyOverrides(const QStringList &keyValues)
{
    QJsonObject o;
    for (const QString &kv : keyValues) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        bool ok = false;
        const double v = eq > 0 ? kv.mid(eq + 1).toDouble(&ok) : 0.0;
        if (eq <= 0 || !ok)
            throw InvalidInput(QStringLiteral("standard override '%1' is not KEY=NUMBER").arg(kv));
        o.insert(kv.left(eq).trimmed(), v);
    }
    applyOverrides(o);
}

StandardsProfile StandardsProfile::fromAnalysisSettings(const QJsonObject &analysis, const QString &fallbackId)
{
    const QString id = analysis.value(QLatin1String("standard")).toString(fallbackId);
    StandardsProfile p = load(id.isEmpty() ? fallbackId : id);
    p.applyOverrides(analysis.value(QLatin1String("standard_overrides")).toObject());
    return p;
}

const StandardValue &StandardsProfile::value(const QString &key) const
{
    auto it = m_values.constFind(key);
    if (it == m_values.cend())
        throw InvalidInput(QStringLiteral("standard '%1' has no value '%2'").arg(m_id, key));
    return *it;
}

double StandardsProfile::number(const QString &key, double fallback) const
{
    auto it = m_values.constFind(key);
    return it == m_values.cend() ? fallback : it->value;
}

QJsonObject StandardsProfile::overrides() const
{
    QJsonObject o;
    for (const StandardValue &v : m_values)
        if (v.isOverridden())
            o.insert(v.key, v.value);
    return o;
}

QString StandardsProfile::citationIn(const QString &citation, const QString &lang)
{
    if (!lang.startsWith(QLatin1String("zh")) || citation.isEmpty())
        return citation;
    static const QHash<QString, QString> zh = [] {
        QHash<QString, QString> out;
        for (const QString &id : available()) {
            try {
                const StandardsProfile profile = load(id);
                for (const StandardValue &v : profile.values())
                    if (v.citationZh() != v.citation())
                        out.insert(v.citation(), v.citationZh());
            } catch (const Error &) {
                // a profile that does not load has no citations to offer
            }
        }
        return out;
    }();
    return zh.value(citation, citation);
}

CheckResult StandardsProfile::check(const QString &key, double measured) const
{
    const StandardValue &v = value(key);
    CheckResult r;
    r.key = key;
    r.measured = measured;
    r.limit = v.value;
    r.compare = v.compare;
    r.pass = v.passes(measured);
    r.citation = v.citation();
    r.citationZh = v.citationZh();
    r.status = v.status;
    return r;
}

QJsonObject StandardsProfile::toJson() const
{
    QJsonObject values;
    for (const StandardValue &v : m_values) {
        QJsonObject o{{QStringLiteral("value"), v.value},   {QStringLiteral("unit"), v.unit},
                      {QStringLiteral("label"), v.label},   {QStringLiteral("label_zh"), v.labelZh},
                      {QStringLiteral("source"), v.source}, {QStringLiteral("clause"), v.clause},
                      {QStringLiteral("status"), v.status}};
        if (!v.compare.isEmpty())
            o.insert(QStringLiteral("compare"), v.compare);
        if (!v.sourceZh.isEmpty())
            o.insert(QStringLiteral("source_zh"), v.sourceZh);
        if (!v.clauseZh.isEmpty())
            o.insert(QStringLiteral("clause_zh"), v.clauseZh);
        if (v.isOverridden())
            o.insert(QStringLiteral("default"), v.defaultValue);
        values.insert(v.key, o);
    }
    return QJsonObject{{QStringLiteral("format"), kFormat}, {QStringLiteral("version"), 1},
                       {QStringLiteral("id"), m_id},         {QStringLiteral("name"), m_name},
                       {QStringLiteral("name_zh"), m_nameZh}, {QStringLiteral("description"), m_description},
                       {QStringLiteral("values"), values}};
}

} // namespace refuge
