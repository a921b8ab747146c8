#include "io/OutputFile.h"
#include "io/OutputGuard.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace refuge {

namespace {


struct Fault {
    Fault()
    {
        const QList<QByteArray> parts = qgetenv("REFUGE_TEST_FAULT").split(':');
        if (parts.size() < 2)
            return;
        site = parts[0];
        action = parts[1];
        at = parts.size() > 2 ? std::max(1LL, parts[2].toLongLong()) : 1;
        active = true;
    }
    QByteArray site, action;
    long long at = 1;
    std::atomic<long long> seen{0};
    bool active = false;
};

Fault &fault()
{
    static Fault f;
    return f;
}

} // namespace

OutputFile::OutputFile(const QString &finalPath) : m_final(finalPath), m_temp(tempPathFor(finalPath))
{
    const QString dir = QFileInfo(finalPath).absolutePath();
    if (!QDir().mkpath(dir))
        throw IoError(fileMessage(dir, QStringLiteral("cannot create the folder")));
    removeWithSideFiles(m_temp); // a temporary left by a killed process
}

OutputFile::~OutputFile()
{
    if (!m_committed)
        removeWithSideFiles(m_temp);
}

QString OutputFile::tempPathFor(const QString &finalPath)
{
    const QFileInfo target(finalPath);
    return target.absolutePath() + QStringLiteral("/.") + target.completeBaseName() + QStringLiteral(".tmp.") + target.suffix();
}

bool OutputFile::removeWithSideFiles(const QString &path)
{
    bool ok = true;
    for (const char *side : {"", "-journal", "-wal", "-shm"}) {
        const QString p = path + QLatin1String(side);
        if (QFileInfo::exists(p) && !QFile::remove(p))
            ok = false;
    }
    return ok;
}

void OutputFile::commit()
{
    faultPoint("commit", m_final);
    if (!QFileInfo::exists(m_temp))
        throw IoError(fileMessage(m_final, QStringLiteral("cannot be written (no output was produced)")));
    // std::filesystem::rename replaces an existing target in one step (rename(2);
    // MoveFileEx with MOVEFILE_REPLACE_EXISTING on Windows).
    std::error_code ec;
    std::filesystem::rename(OutputGuard::nativePath(m_temp), OutputGuard::nativePath(m_final), ec);
    if (ec)
        throw IoError(fileMessage(m_final, QStringLiteral("cannot replace the file: %1").arg(QString::fromLocal8Bit(ec.message().c_str()))));
    m_committed = true;
}

void OutputFile::faultPoint(const char *site, const QString &file)
{
    Fault &f = fault();
    if (!f.active || f.site != site || ++f.seen != f.at)
        return;
    if (f.action == "kill")
        std::_Exit(137);
    if (f.action == "term")
        std::raise(SIGTERM);
    if (f.action == "fail")
        throw IoError(fileMessage(file, QStringLiteral("simulated write failure (REFUGE_TEST_FAULT)")));
}

} // namespace refuge
