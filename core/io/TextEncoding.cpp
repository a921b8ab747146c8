// Text encodings: what a Shapefile declares (.cpg, DBF language driver byte), a guess
// for undeclared bytes, decoding with Qt (ICU) or GDAL's iconv, and the check that an
// encoding a user names is one either can decode.
#include "io/TextEncoding.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>

namespace refuge {

namespace {

bool validUtf8(const QByteArray &bytes)
{
    QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // decode() is lazy: only converting its result runs the decoder and sets hasError().
    const QString text = dec.decode(bytes);
    return !dec.hasError();
}

// Byte structure of GBK/GB18030 text: ASCII, or a lead byte 0x81-0xFE followed by a
// trail byte 0x40-0xFE (not 0x7F), or a GB18030 four-byte sequence.
bool structurallyGbk(const QByteArray &bytes)
{
    const auto n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const quint8 c = quint8(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c == 0x80 || c == 0xFF || i + 1 >= n)
            return false;
        const quint8 t = quint8(bytes[i + 1]);
        if (t >= 0x30 && t <= 0x39) {
            if (i + 3 >= n || quint8(bytes[i + 2]) < 0x81 || quint8(bytes[i + 2]) > 0xFE || quint8(bytes[i + 3]) < 0x30
                || quint8(bytes[i + 3]) > 0x39)
                return false;
            i += 4;
            continue;
        }
        if (t < 0x40 || t == 0x7F || t == 0xFF)
            return false;
        i += 2;
    }
    return true;
}

} // namespace

QString decodeText(const QByteArray &bytes, const QString &encoding)
{
    if (encoding == QLatin1String("UTF-8"))
        return QString::fromUtf8(bytes);
    QStringDecoder dec(encoding.toLatin1().constData());
    if (dec.isValid())
        return dec.decode(bytes);
    // Qt without ICU: fall back to GDAL's iconv-based recoder.
    char *utf8 = CPLRecode(bytes.constData(), encoding.toLatin1().constData(), CPL_ENC_UTF8);
    QString out = QString::fromUtf8(utf8);
    CPLFree(utf8);
    return out;
}

QString siblingFile(const QString &path, const QString &suffix)
{
    const QFileInfo fi(path);
    const QDir dir = fi.absoluteDir();
    for (const QString &name : dir.entryList(QDir::Files)) {
        const QFileInfo cand(name);
        if (cand.completeBaseName() == fi.completeBaseName() && cand.suffix().compare(suffix, Qt::CaseInsensitive) == 0)
            return dir.filePath(name);
    }
    return {};
}


QString declaredShapefileEncoding(const QString &shpPath)
{
    const QString cpg = siblingFile(shpPath, QStringLiteral("cpg"));
    if (!cpg.isEmpty()) {
        QFile f(cpg);
        if (f.open(QIODevice::ReadOnly)) {
            const QString text = QString::fromLatin1(f.readAll()).trimmed();
            if (!text.isEmpty())
                return text;
        }
    }
    const QString dbf = siblingFile(shpPath, QStringLiteral("dbf"));
    if (!dbf.isEmpty()) {
        QFile f(dbf);
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray head = f.read(32);
            if (head.size() >= 30 && quint8(head[29]) != 0)
                return QStringLiteral("LDID/%1").arg(quint8(head[29]));
        }
    }
    return {};
}

QString guessEncoding(const std::vector<QByteArray> &samples)
{
    bool anyNonAscii = false, allUtf8 = true;
    for (const QByteArray &s : samples) {
        for (char c : s)
            anyNonAscii = anyNonAscii || (quint8(c) >= 0x80);
        allUtf8 = allUtf8 && validUtf8(s);
    }
    if (!anyNonAscii || allUtf8)
        return QStringLiteral("UTF-8");
    bool gbk = true;
    for (const QByteArray &s : samples)
        gbk = gbk && structurallyGbk(s);
    // Where Qt has a GB18030 codec (ICU), it must also decode every value cleanly.
    if (gbk && QStringDecoder("GB18030").isValid()) {
        for (const QByteArray &s : samples) {
            QStringDecoder d("GB18030");
            const QString text = d.decode(s);
            gbk = gbk && !d.hasError() && !text.contains(QChar(0xFFFD));
        }
    }
    if (gbk)
        return QStringLiteral("GBK");
    return QStringLiteral("ISO-8859-1");
}

void checkEncoding(const QString &encoding, const QString &label)
{
    const QByteArray name = encoding.trimmed().toLatin1();
    if (!name.isEmpty() && QStringDecoder(name.constData()).isValid())
        return;
    bool known = false;
    if (!name.isEmpty()) {
        // GDAL decodes shapefile text with iconv; an encoding iconv cannot open makes
        // CPLRecode warn and copy the bytes unchanged.
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
        char *out = CPLRecode("a", name.constData(), CPL_ENC_UTF8);
        known = CPLGetLastErrorType() == CE_None;
        CPLFree(out);
        CPLPopErrorHandler();
    }
    if (!known)
        throw InvalidInput(QStringLiteral("%1: unknown text encoding '%2' (e.g. UTF-8, GBK, GB18030, Big5, CP1252)").arg(label, encoding));
}

} // namespace refuge
