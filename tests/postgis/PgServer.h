#pragma once
// PgServer: a throwaway PostgreSQL + PostGIS server for one test process. initdb into
// a temporary folder, pg_ctl start on a free loopback port with the unix socket in the
// same folder, trust authentication for the "postgres" role — or, with a password given
// to start(), that password required (scram-sha-256) on TCP connections while the unix
// socket stays trusted; stop() (also run by the
// destructor) stops the server and the folder is removed. initdb refuses to run as
// root, so when uid is 0 the server programs run as the "postgres" system user via
// runuser. Linux only; owned and used by the test's main thread.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

namespace refuge::test {

class PgServer {
public:
    PgServer() = default;
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;
    ~PgServer() { stop(); }

    // Why a server cannot be run here ("" when it can): missing packages or user.
    static QString missingReason()
    {
        const QString bin = binDir();
        if (bin.isEmpty())
            return QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in /usr/lib/postgresql/*/bin or PATH; "
                                  "install postgresql-15 (scripts/setup.sh REFUGE_TEST_PACKAGES)");
        if (!QFileInfo::exists(extensionDir(bin) + QStringLiteral("/postgis.control")))
            return QStringLiteral("PostGIS extension not installed for %1 (no %2/postgis.control); install postgresql-15-postgis-3")
                .arg(bin, extensionDir(bin));
        if (QStandardPaths::findExecutable(QStringLiteral("psql"), {bin}).isEmpty()
            && QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty())
            return QStringLiteral("psql not found; install postgresql-client-15");
        if (QStandardPaths::findExecutable(QStringLiteral("ogr2ogr")).isEmpty())
            return QStringLiteral("ogr2ogr not found; install gdal-bin");
        if (::geteuid() == 0) {
            if (!::getpwnam("postgres"))
                return QStringLiteral("running as root and there is no 'postgres' system user to run the server as (initdb refuses root)");
            if (runuser().isEmpty())
                return QStringLiteral("running as root and runuser is not available to run the server as 'postgres' (initdb refuses root)");
        }
        return {};
    }

    // Starts the server; false with *error set on failure. With a password, TCP
    // connections (conninfo()) must give it.
    bool start(QString *error, const QString &password = {})
    {
        m_password = password;
        m_bin = binDir();
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral(REFUGE_PG_WORK_DIR "/pg-XXXXXX"));
        // Unix socket paths are limited to 107 bytes: fall back to the system temp folder.
        if (!m_dir->isValid() || m_dir->path().size() > 80)
            m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/refuge-pg-XXXXXX"));
        if (!m_dir->isValid())
            return fail(error, QStringLiteral("cannot create a temporary folder: %1").arg(m_dir->errorString()));
        if (::geteuid() == 0) {
            const passwd *pw = ::getpwnam("postgres");
            if (!pw || ::chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0)
                return fail(error, QStringLiteral("cannot give %1 to the postgres user").arg(m_dir->path()));
        }
        m_port = freePort();
        if (m_port <= 0)
            return fail(error, QStringLiteral("no free loopback port"));
        const QString data = m_dir->filePath(QStringLiteral("data"));
        QString out;
        QStringList initdb{QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"),
                           QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync")};
        if (password.isEmpty()) {
            initdb << QStringLiteral("-A") << QStringLiteral("trust");
        } else {
            QFile pw(m_dir->filePath(QStringLiteral("pwfile")));
            if (!pw.open(QIODevice::WriteOnly) || pw.write(password.toUtf8() + '\n') <= 0)
                return fail(error, QStringLiteral("cannot write %1").arg(pw.fileName()));
            pw.close();
            initdb << QStringLiteral("--auth-local=trust") << QStringLiteral("--auth-host=scram-sha-256")
                   << QStringLiteral("--pwfile=") + pw.fileName();
        }
        if (!runServerTool(QStringLiteral("initdb"), initdb, &out))
            return fail(error, QStringLiteral("initdb failed: ") + out);
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -F -c shared_buffers=16MB -c max_connections=20")
                                    .arg(m_port)
                                    .arg(m_dir->path());
        if (!runServerTool(QStringLiteral("pg_ctl"),
                           {QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                            QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                            QStringLiteral("start")},
                           &out)) {
            QFile log(m_dir->filePath(QStringLiteral("server.log")));
            log.open(QIODevice::ReadOnly);
            return fail(error, QStringLiteral("pg_ctl start failed: %1\n%2").arg(out, QString::fromUtf8(log.readAll())));
        }
        m_running = true;
        return true;
    }

    void stop()
    {
        if (m_running) {
            QString out;
            runServerTool(QStringLiteral("pg_ctl"),
                          {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
                           QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
                          &out);
            m_running = false;
        }
        m_dir.reset(); // removes the folder
    }

    int port() const { return m_port; }
    QString socketDir() const { return m_dir ? m_dir->path() : QString(); }
    // libpq keywords for a database on this server (TCP on loopback).
    QString conninfo(const QString &db) const
    {
        const QString base = QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=postgres").arg(m_port).arg(db);
        return m_password.isEmpty() ? base : base + QStringLiteral(" password=") + m_password;
    }

    // Runs SQL with psql (ON_ERROR_STOP); false with *error set on failure.
    bool sql(const QString &db, const QString &statement, QString *error) const
    {
        QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"), {m_bin});
        if (psql.isEmpty())
            psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
        QString out;
        if (!runProgram(psql,
                        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                         QStringLiteral("-d"), conninfo(db), QStringLiteral("-c"), statement},
                        &out))
            return fail(error, QStringLiteral("psql '%1' failed: %2").arg(statement, out));
        return true;
    }

    // ogr2ogr into the database; extra are further ogr2ogr options.
    bool load(const QString &db, const QString &source, const QStringList &extra, QString *error) const
    {
        QString out;
        QStringList args{QStringLiteral("-f"), QStringLiteral("PostgreSQL"), QStringLiteral("PG:") + conninfo(db), source};
        args << extra;
        if (!runProgram(QStandardPaths::findExecutable(QStringLiteral("ogr2ogr")), args, &out))
            return fail(error, QStringLiteral("ogr2ogr %1 failed: %2").arg(source, out));
        return true;
    }

private:
    static bool fail(QString *error, const QString &message)
    {
        if (error)
            *error = message;
        return false;
    }

    static QString binDir()
    {
        // Debian keeps server programs out of PATH, one folder per major version; prefer 15.
        QStringList candidates{QStringLiteral("/usr/lib/postgresql/15/bin")};
        QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &v : versions)
            candidates << QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
        for (const QString &dir : candidates)
            if (QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() && QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable()
                && QFileInfo(dir + QStringLiteral("/postgres")).isExecutable())
                return dir;
        const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
        return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
    }

    static QString extensionDir(const QString &bin)
    {
        // /usr/lib/postgresql/15/bin -> /usr/share/postgresql/15/extension; else ask pg_config.
        const QString version = QFileInfo(QFileInfo(bin).absolutePath()).fileName();
        const QString debian = QStringLiteral("/usr/share/postgresql/%1/extension").arg(version);
        if (QFileInfo::exists(debian))
            return debian;
        QProcess p;
        p.start(QFileInfo::exists(bin + QStringLiteral("/pg_config")) ? bin + QStringLiteral("/pg_config") : QStringLiteral("pg_config"),
                {QStringLiteral("--sharedir")});
        p.waitForFinished(10000);
        return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed() + QStringLiteral("/extension");
    }

    static QString runuser()
    {
        const QStringList sbin{QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/bin")};
        QString r = QStandardPaths::findExecutable(QStringLiteral("runuser"), sbin);
        if (r.isEmpty())
            r = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        return r;
    }

    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        socklen_t len = sizeof(addr);
        int port = -1;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            port = ntohs(addr.sin_port);
        ::close(fd);
        return port;
    }

    static bool runProgram(const QString &program, const QStringList &args, QString *output, const QString &workDir = {},
                           int timeoutMs = 60000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (!workDir.isEmpty())
            p.setWorkingDirectory(workDir); // the postgres user may not enter the caller's folder
        p.start(program, args);
        const bool finished = p.waitForFinished(timeoutMs);
        *output = QString::fromLocal8Bit(p.readAll()).trimmed();
        if (!finished) {
            p.kill();
            p.waitForFinished();
            *output += QStringLiteral(" (timed out)");
            return false;
        }
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    // Server programs run as the postgres user when we are root.
    bool runServerTool(const QString &tool, const QStringList &args, QString *output) const
    {
        const QString program = m_bin + QLatin1Char('/') + tool;
        if (::geteuid() != 0)
            return runProgram(program, args, output, m_dir->path());
        QStringList wrapped{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program};
        wrapped << args;
        return runProgram(runuser(), wrapped, output, m_dir->path());
    }

    QString m_bin;
    QString m_password;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = -1;
    bool m_running = false;
};

} // namespace refuge::test
