#include "model/DataSource.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace refuge {

namespace {

// libpq's "password=VALUE" keyword (VALUE bare or single-quoted), also as a URI parameter.
const QRegularExpression &passwordKeyword()
{
    static const QRegularExpression re(QStringLiteral(R"re(password\s*=\s*('(?:[^'\\]|\\.)*'|[^\s|&']+))re"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// The password part of "postgresql://user:PASSWORD@host".
const QRegularExpression &uriPassword()
{
    static const QRegularExpression re(QStringLiteral(R"re(^((?:PG:)?postgres(?:ql)?://[^:/@]*):[^@]*@)re"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

bool isUri(const QString &source)
{
    static const QRegularExpression re(QStringLiteral("^(PG:)?postgres(ql)?://"), QRegularExpression::CaseInsensitiveOption);
    return re.match(source).hasMatch();
}

} // namespace

bool isConnectionString(const QString &source)
{
    return source.startsWith(QLatin1String("PG:"), Qt::CaseInsensitive)
        || source.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive);
}

bool isTileUrl(const QString &source)
{
    if (source.startsWith(QLatin1String("WMTS:"), Qt::CaseInsensitive))
        return true;
    static const QRegularExpression scheme(QStringLiteral("^(https?|file)://"), QRegularExpression::CaseInsensitiveOption);
    return scheme.match(source).hasMatch() && source.contains(QLatin1String("{z}")) && source.contains(QLatin1String("{x}"))
        && source.contains(QLatin1String("{y}"));
}

QString redactedTileUrl(const QString &source)
{
    static const QRegularExpression key(QStringLiteral(R"re(([?&](?:tk|key|apikey|api_key|access_token|token)=)[^&\s{]+)re"),
                                        QRegularExpression::CaseInsensitiveOption);
    QString out = source;
    out.replace(key, QStringLiteral("\\1***"));
    return out;
}

QString redactedSource(const QString &source)
{
    if (isTileUrl(source))
        return redactedTileUrl(source);
    if (!isConnectionString(source))
        return source;
    QString out = source;
    out.replace(passwordKeyword(), QStringLiteral("password=***"));
    out.replace(uriPassword(), QStringLiteral("\\1:***@"));
    return out;
}

QString withoutPassword(const QString &source)
{
    if (!isConnectionString(source))
        return source;
    QString out = source;
    out.replace(uriPassword(), QStringLiteral("\\1@"));
    if (isUri(out)) { // "?password=x&a=b", "?a=b&password=x"
        static const QRegularExpression param(QStringLiteral(R"re(([?&])password=[^&\s|]*&?)re"), QRegularExpression::CaseInsensitiveOption);
        out.replace(param, QStringLiteral("\\1"));
        while (out.endsWith(QLatin1Char('&')) || out.endsWith(QLatin1Char('?')))
            out.chop(1);
        return out;
    }
    // Also libpq's sslpassword (the passphrase of the client key).
    static const QRegularExpression keyword(QStringLiteral(R"re(\s*\b(?:ssl)?password\s*=\s*('(?:[^'\\]|\\.)*'|[^\s|']+))re"),
                                            QRegularExpression::CaseInsensitiveOption);
    out.replace(keyword, QString());
    static const QRegularExpression prefix(QStringLiteral(R"re(^PG:\s+)re"), QRegularExpression::CaseInsensitiveOption);
    out.replace(prefix, QStringLiteral("PG:"));
    return out.trimmed();
}

bool hasPassword(const QString &source) { return withoutPassword(source) != source; }

QString withPassword(const QString &source, const QString &password)
{
    const QString base = withoutPassword(source);
    if (!isConnectionString(base) || password.isEmpty())
        return base;
    if (isUri(base))
        return base + (base.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + QStringLiteral("password=")
            + QString::fromLatin1(QUrl::toPercentEncoding(password));
    QString quoted = password;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return base + QStringLiteral(" password='%1'").arg(quoted);
}

DataSource DataSource::parse(const QString &text)
{
    DataSource src;
    const int bar = text.indexOf(QLatin1String("|layername="));
    if (bar >= 0) {
        src.path = text.left(bar);
        src.layer = text.mid(bar + int(qstrlen("|layername=")));
        return src;
    }
    if (isConnectionString(text)) {
        src.path = text;
        return src;
    }
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    // A colon at index 1 is a drive letter ("C:\..."); a path ending in ":LAYER" splits
    // only when the part before it exists as a file and the whole text does not.
    if (colon > 1 && !QFileInfo::exists(text) && QFileInfo::exists(text.left(colon))) {
        src.path = text.left(colon);
        src.layer = text.mid(colon + 1);
    } else {
        src.path = text;
    }
    return src;
}

QString DataSource::toString() const
{
    if (layer.isEmpty())
        return path;
    if (isConnectionString(path))
        return path + QStringLiteral("|layername=") + layer;
    return path + QLatin1Char(':') + layer;
}

QString DataSource::redacted() const { return redactedSource(toString()); }

QString DataSource::displayName() const
{
    if (isTileUrl(path))
        return redactedTileUrl(path);
    if (isConnectionString(path))
        return layer.isEmpty() ? QStringLiteral("PostGIS") : QStringLiteral("PostGIS:%1").arg(layer);
    return toString();
}

} // namespace refuge
