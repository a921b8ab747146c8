// Finds the resources folder at run time relative to the executable (see Resources.h).
#include "util/Resources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace refuge {

namespace {

bool isResourceDir(const QString &dir) { return QFileInfo(dir + QStringLiteral("/profiles")).isDir(); }

// The build tree's pointer: the first line of <appDir>/refuge-resources.path.
QString pointedDir(const QDir &appDir)
{
    QFile file(appDir.filePath(QStringLiteral("refuge-resources.path")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QString dir = QString::fromUtf8(file.readLine()).trimmed();
    return dir.isEmpty() ? QString() : QDir::cleanPath(appDir.filePath(dir));
}

} // namespace

QString resourceDir()
{
    const QString env = qEnvironmentVariable("REFUGE_RESOURCE_DIR");
    if (!env.isEmpty())
        return env;
    if (!QCoreApplication::instance())
        return QStringLiteral("resources");
    const QDir appDir(QCoreApplication::applicationDirPath());
    const QString installed = QDir::cleanPath(appDir.filePath(QStringLiteral("../share/refuge/resources")));
    for (const QString &candidate : {QDir::cleanPath(appDir.filePath(QStringLiteral("resources"))), installed})
        if (isResourceDir(candidate))
            return candidate;
    const QString pointed = pointedDir(appDir);
    return pointed.isEmpty() ? installed : pointed;
}

QString resourcePath(const QString &relative) { return QDir(resourceDir()).filePath(relative); }

} // namespace refuge
