#pragma once
// Gives child refuge-cli processes a private XDG_RUNTIME_DIR when the test runs
// without one (CI, cron, root shells). refuge-cli builds a QGuiApplication, and Qt
// then prints "QStandardPaths: XDG_RUNTIME_DIR not set..." on stderr, which is not
// one of refuge-cli's own one-line messages. Call once from initTestCase(); the
// folder lives as long as the returned object.
#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>
#include <memory>

namespace refuge::test {

inline std::unique_ptr<QTemporaryDir> ensureXdgRuntimeDir()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return nullptr;
    auto dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid())
        return nullptr;
    QFile::setPermissions(dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir->path()));
    return dir;
}

} // namespace refuge::test
