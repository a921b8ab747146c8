#include "io/OutputGuard.h"
#include "io/OutputFile.h"
#include "model/Project.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <filesystem>
#include <system_error>

namespace refuge {

namespace {

#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
constexpr Qt::CaseSensitivity pathCase = Qt::CaseInsensitive;
#else
constexpr Qt::CaseSensitivity pathCase = Qt::CaseSensitive;
#endif

// The canonical form of a path that may not exist yet: the nearest existing folder
// canonical (links resolved), the rest appended as written.
QString canonicalOf(const QString &path)
{
    QFileInfo info(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    if (info.exists())
        return info.canonicalFilePath();
    QStringList rest{info.fileName()};
    QDir dir = info.dir();
    while (!dir.exists() && !dir.isRoot()) {
        rest.prepend(dir.dirName());
        if (!dir.cdUp())
            break;
    }
    const QString base = dir.exists() ? dir.canonicalPath() : dir.absolutePath();
    return QDir::cleanPath(base + QLatin1Char('/') + rest.join(QLatin1Char('/')));
}

// The files GDAL reads or writes beside an input file.
QStringList sideFiles(const QString &canonical)
{
    const QFileInfo info(canonical);
    QStringList out{canonical + QStringLiteral("-journal"), canonical + QStringLiteral("-wal"), canonical + QStringLiteral("-shm"),
                    canonical + QStringLiteral(".aux.xml"), canonical + QStringLiteral(".ovr")};
    static const QStringList shapefile{QStringLiteral("shp"), QStringLiteral("shx"), QStringLiteral("dbf"), QStringLiteral("prj"),
                                       QStringLiteral("cpg"), QStringLiteral("qix"), QStringLiteral("sbn"), QStringLiteral("sbx"),
                                       QStringLiteral("qpj")};
    if (shapefile.contains(info.suffix(), Qt::CaseInsensitive))
        for (const QString &s : shapefile)
            out << info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + s;
    return out;
}


} // namespace

void OutputGuard::addInput(const QString &given)
{
    if (given.isEmpty() || isConnectionString(given))
        return;
    QString path = given;
    const qsizetype bar = path.indexOf(QLatin1Char('|'));
    if (bar > 0)
        path.truncate(bar);
    const QString canonical = canonicalOf(path);
    m_inputs.push_back({path, canonical});
    for (const QString &side : sideFiles(canonical))
        m_inputs.push_back({path, side});
}

void OutputGuard::addProject(const Project &project)
{
    addInput(project.filePath());
    for (const ProjectLayer &layer : project.layers)
        addInput(project.dataSource(layer));
}

const OutputGuard::Input *OutputGuard::find(const QString &output) const
{
    const QString canonical = canonicalOf(output);
    const bool exists = QFileInfo::exists(output);
    for (const Input &in : m_inputs) {
        if (in.canonical.compare(canonical, pathCase) == 0)
            return &in;
        if (exists && QFileInfo::exists(in.canonical)) {
            std::error_code ec;
            if (std::filesystem::equivalent(nativePath(output), nativePath(in.canonical), ec) && !ec)
                return &in;
        }
    }
    return nullptr;
}

void OutputGuard::checkFile(const QString &output) const
{
    if (QFileInfo(output).isDir())
        throw InvalidInput(fileMessage(output, QStringLiteral("is a folder, not an output file")));
    if (const Input *in = find(output)) {
        const bool same = QFileInfo(in->given).absoluteFilePath() == QFileInfo(output).absoluteFilePath();
        throw InvalidInput(fileMessage(output, same ? QStringLiteral("is an input of this run; refusing to write over it (choose another output)")
                                                    : QStringLiteral("would write over %1, an input of this run (choose another output)").arg(in->given)));
    }
}

void OutputGuard::checkFolder(const QString &dir, const QStringList &fileNames) const
{
    if (dir.isEmpty())
        throw InvalidInput(QStringLiteral("no output folder given"));
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        throw InvalidInput(fileMessage(dir, QStringLiteral("is a file, not an output folder")));
    if (find(dir))
        throw InvalidInput(fileMessage(dir, QStringLiteral("is an input of this run, not an output folder")));
    for (const QString &name : fileNames) {
        const QString path = QDir(dir).filePath(name);
        checkFile(path);
        checkFile(OutputFile::tempPathFor(path)); // written first, then renamed
    }
}

std::filesystem::path OutputGuard::nativePath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

} // namespace refuge
