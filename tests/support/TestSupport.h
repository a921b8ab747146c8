#pragma once
// Helpers shared by the QtTest executables: fixture paths, running refuge-cli,
// checksums. Header-only so each test stays one file.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace refuge::test {

inline QString sourcePath(const QString &rel) { return QDir(QStringLiteral(REFUGE_SOURCE_DIR)).filePath(rel); }
inline QString dataPath(const QString &rel) { return sourcePath(QStringLiteral("tests/data/") + rel); }
inline QString sharedData(const QString &rel) { return QDir(QStringLiteral(REFUGE_SHARED_DATA)).filePath(rel); }
inline bool haveSharedData() { return QDir(QStringLiteral(REFUGE_SHARED_DATA)).exists(); }

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

inline CliResult runCli(const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(REFUGE_CLI_PATH), args);
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timeout");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace refuge::test
