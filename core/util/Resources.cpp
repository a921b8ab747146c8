#include "util/Resources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace refuge {

QString resourceDir()
{
    const QString env = qEnvironmentVariable("REFUGE_RESOURCE_DIR");
    if (!env.isEmpty())
        return env;
    if (QCoreApplication::instance()) {
        const QDir appDir(QCoreApplication::applicationDirPath());
        for (const QString &candidate : {QStringLiteral("resources"), QStringLiteral("../share/refuge/resources")})
            if (QFileInfo(appDir.filePath(candidate) + QStringLiteral("/profiles")).isDir())
                return QDir::cleanPath(appDir.filePath(candidate));
    }
    return QStringLiteral(REFUGE_RESOURCE_DIR);
}

QString resourcePath(const QString &relative) { return QDir(resourceDir()).filePath(relative); }

} // namespace refuge
