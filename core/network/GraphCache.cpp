#include "network/GraphCache.h"
#include "network/RoadGraphBuilder.h"
#include "util/Error.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <cstring>

namespace refuge {

namespace {

constexpr char kMagic[8] = {'R', 'F', 'G', 'R', 'A', 'P', 'H', '\0'};
constexpr quint32 kByteOrderMark = 0x01020304u;

void hashFile(QCryptographicHash &h, const QString &path)
{
    const QFileInfo fi(path);
    h.addData(QFileInfo(path).absoluteFilePath().toUtf8());
    h.addData(QByteArray::number(fi.size()));
    h.addData(QByteArray::number(fi.lastModified().toMSecsSinceEpoch()));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    constexpr qint64 chunk = 1 << 20;
    h.addData(f.read(chunk));
    if (f.size() > chunk) {
        f.seek(std::max(chunk, f.size() - chunk));
        h.addData(f.read(chunk));
    }
}

template <typename T>
void writeArray(QSaveFile &f, const std::vector<T> &v)
{
    const quint64 n = v.size();
    f.write(reinterpret_cast<const char *>(&n), sizeof n);
    if (n)
        f.write(reinterpret_cast<const char *>(v.data()), qint64(n * sizeof(T)));
}

template <typename T>
bool readArray(QFile &f, std::vector<T> &v, quint64 maxCount)
{
    quint64 n = 0;
    if (f.read(reinterpret_cast<char *>(&n), sizeof n) != sizeof n || n > maxCount)
        return false;
    v.resize(std::size_t(n));
    if (n == 0)
        return true;
    return f.read(reinterpret_cast<char *>(v.data()), qint64(n * sizeof(T))) == qint64(n * sizeof(T));
}

} // namespace

QByteArray GraphCache::key(const RoadGraphOptions &o)
{
    const QString path = o.source.path;
    if (isConnectionString(path) || !QFileInfo(path).isFile())
        return {};
    // MD5: only to notice changes, and 5× faster than Qt's SHA-256 (49 vs 9 ms for the 2 MiB read).
    QCryptographicHash h(QCryptographicHash::Md5);
    h.addData(QByteArray::number(kVersion));
    hashFile(h, path);
    if (QFileInfo(path).suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0)
        for (const char *side : {"dbf", "prj", "cpg"})
            hashFile(h, QFileInfo(path).path() + QLatin1Char('/') + QFileInfo(path).completeBaseName() + QLatin1Char('.') + QLatin1String(side));
    const QStringList parts = {o.source.layer, o.crs.isValid() ? o.crs.wkt() : QString(),
                               o.assumedCrs.isValid() ? o.assumedCrs.wkt() : QString(),
                               o.onewayField, o.speedField, o.classField, o.fromNodeField, o.toNodeField,
                               QString::number(o.toleranceMeters, 'g', 17),
                               QString::fromUtf8(QJsonDocument(o.profile.toJson()).toJson(QJsonDocument::Compact))};
    for (const QString &p : parts) {
        h.addData(p.toUtf8());
        h.addData(QByteArray(1, '\x1f'));
    }
    return h.result();
}

QString GraphCache::fileFor(const RoadGraphOptions &o, const QByteArray &key)
{
    QString dir = o.cacheDirectory;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/refuge/graphs");
    return QDir(dir).filePath(QFileInfo(o.source.path).completeBaseName() + QLatin1Char('-') + QString::fromLatin1(key.toHex().left(16))
                              + QStringLiteral(".rgraph"));
}

std::optional<RoadGraph> GraphCache::load(const QString &file, const QByteArray &key)
{
    QFile f(file);
    if (key.isEmpty() || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    char magic[8];
    quint32 version = 0, bom = 0;
    if (f.read(magic, 8) != 8 || std::memcmp(magic, kMagic, 8) != 0)
        return std::nullopt;
    if (f.read(reinterpret_cast<char *>(&version), 4) != 4 || version != kVersion)
        return std::nullopt;
    if (f.read(reinterpret_cast<char *>(&bom), 4) != 4 || bom != kByteOrderMark)
        return std::nullopt;
    if (f.read(key.size()) != key)
        return std::nullopt;
    QDataStream meta(f.read(qint64(sizeof(quint32))));
    quint32 metaSize = 0;
    meta.setByteOrder(QDataStream::LittleEndian);
    meta >> metaSize;
    QDataStream ms(f.read(metaSize));
    QString crsWkt, profile;
    double access = 0, snap = 0;
    ms >> crsWkt >> profile >> access >> snap;
    if (ms.status() != QDataStream::Ok)
        return std::nullopt;
    auto data = std::make_shared<RoadGraph::Data>();
    try {
        data->crs = crsWkt.isEmpty() ? Crs() : Crs::fromUserInput(crsWkt);
    } catch (const CrsError &) {
        return std::nullopt;
    }
    data->profileName = profile;
    data->accessMeters = access;
    data->snapSpeed = snap;
    const quint64 max = quint64(f.size());
    const bool ok = readArray(f, data->nodeX, max) && readArray(f, data->nodeY, max) && readArray(f, data->firstArc, max)
        && readArray(f, data->arcTarget, max) && readArray(f, data->arcLink, max) && readArray(f, data->arcSeconds, max)
        && readArray(f, data->arcMeters, max) && readArray(f, data->linkFrom, max) && readArray(f, data->linkTo, max)
        && readArray(f, data->linkMeters, max) && readArray(f, data->linkSecondsForward, max)
        && readArray(f, data->linkSecondsBackward, max) && readArray(f, data->linkFeature, max)
        && readArray(f, data->linkFirstPoint, max) && readArray(f, data->points, max);
    if (!ok)
        return std::nullopt;
    // Consistency, so a damaged file can never index out of bounds.
    const std::size_t nodes = data->nodeX.size(), links = data->linkFrom.size(), arcs = data->arcTarget.size();
    bool consistent = data->nodeY.size() == nodes && data->firstArc.size() == nodes + 1 && data->arcLink.size() == arcs
        && data->arcSeconds.size() == arcs && data->arcMeters.size() == arcs && data->linkTo.size() == links
        && data->linkMeters.size() == links && data->linkSecondsForward.size() == links
        && data->linkSecondsBackward.size() == links && data->linkFeature.size() == links
        && data->linkFirstPoint.size() == links + 1 && data->firstArc.back() == arcs
        && data->linkFirstPoint.back() == data->points.size();
    for (std::size_t i = 0; consistent && i < arcs; ++i)
        consistent = data->arcTarget[i] < nodes && (data->arcLink[i] & RoadGraph::kLinkMask) < links;
    for (std::size_t i = 0; consistent && i < links; ++i)
        consistent = data->linkFrom[i] < nodes && data->linkTo[i] < nodes && data->linkFirstPoint[i] <= data->linkFirstPoint[i + 1];
    for (std::size_t i = 0; consistent && i < nodes; ++i)
        consistent = data->firstArc[i] <= data->firstArc[i + 1];
    if (!consistent)
        return std::nullopt;
    return RoadGraph(std::move(data));
}

void GraphCache::save(const RoadGraph &graph, const QString &file, const QByteArray &key)
{
    if (key.isEmpty())
        return;
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        throw IoError(fileMessage(file, QStringLiteral("cannot create the cache folder")));
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        throw IoError(fileMessage(file, QStringLiteral("cannot write: %1").arg(f.errorString())));
    const RoadGraph::Data &d = graph.data();
    f.write(kMagic, 8);
    const quint32 version = kVersion, bom = kByteOrderMark;
    f.write(reinterpret_cast<const char *>(&version), 4);
    f.write(reinterpret_cast<const char *>(&bom), 4);
    f.write(key);
    QByteArray meta;
    {
        QDataStream ms(&meta, QIODevice::WriteOnly);
        ms << (d.crs.isValid() ? d.crs.wkt() : QString()) << d.profileName << d.accessMeters << d.snapSpeed;
    }
    const quint32 metaSize = quint32(meta.size());
    QByteArray sizeBytes;
    {
        QDataStream s(&sizeBytes, QIODevice::WriteOnly);
        s.setByteOrder(QDataStream::LittleEndian);
        s << metaSize;
    }
    f.write(sizeBytes);
    f.write(meta);
    writeArray(f, d.nodeX);
    writeArray(f, d.nodeY);
    writeArray(f, d.firstArc);
    writeArray(f, d.arcTarget);
    writeArray(f, d.arcLink);
    writeArray(f, d.arcSeconds);
    writeArray(f, d.arcMeters);
    writeArray(f, d.linkFrom);
    writeArray(f, d.linkTo);
    writeArray(f, d.linkMeters);
    writeArray(f, d.linkSecondsForward);
    writeArray(f, d.linkSecondsBackward);
    writeArray(f, d.linkFeature);
    writeArray(f, d.linkFirstPoint);
    writeArray(f, d.points);
    if (!f.commit())
        throw IoError(fileMessage(file, QStringLiteral("cannot write: %1").arg(f.errorString())));
}

} // namespace refuge
