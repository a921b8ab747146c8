// Portability: app/ and core/ stay free of POSIX-only headers and calls, so the Windows
// build (vcpkg + MSVC, README) is not blocked by Linux-only code. Every .cpp/.h is
// scanned for POSIX-only headers (unistd.h, sys/*.h, pthread.h, dlfcn.h ...) and calls
// (fork, mmap, madvise, popen, getpid ...). A use passes only when it sits inside a
// platform #if block (__linux__, Q_OS_UNIX, _WIN32 ... — #else branches included) AND is
// on the allow-list below. The scanner itself is checked on small texts first.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

struct Hit {
    int line = 0;
    QString what;
    bool guarded = false;
};

const QRegularExpression &posixHeader()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^\s*#\s*include\s*<((unistd|pthread|dlfcn|fcntl|dirent|termios|pwd|grp|poll|spawn|syslog|sched|semaphore|libgen|strings)\.h|(sys|netinet|arpa)/[\w/]+\.h)>)"));
    return re;
}

// A call, not a member (x.kill(), p->fork()) nor a qualified name (QThread::usleep);
// a global ::getpid() still counts.
const QRegularExpression &posixCall()
{
    static const QRegularExpression re(QStringLiteral(
        R"((?<![\w.])(?<!->)(?<!\w::)\b(fork|vfork|mmap|munmap|mprotect|madvise|msync|popen|pclose|execv|execvp|execve|execl|execlp|dlopen|dlsym|dlclose|getpid|getppid|getuid|geteuid|sysconf|setenv|unsetenv|realpath|usleep|nanosleep|pipe|symlink|readlink|chown|posix_memalign|posix_fadvise|sigaction|pthread_\w+)\s*\()"));
    return re;
}

bool isPlatformCondition(const QString &condition)
{
    static const QRegularExpression re(QStringLiteral(
        R"(\b(__linux__|__unix__|__APPLE__|__GLIBC__|_WIN32|_WIN64|_MSC_VER|_POSIX_VERSION|Q_OS_\w+|MADV_\w+)\b)"));
    return re.match(condition).hasMatch();
}

// Tracks the #if nesting: is the current line inside a platform-conditional block?
class GuardStack {
public:
    // Returns true when the line was a conditional directive (consumed).
    bool feed(const QString &line)
    {
        static const QRegularExpression directive(QStringLiteral(R"(^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$)"));
        const QRegularExpressionMatch m = directive.match(line);
        if (!m.hasMatch())
            return false;
        const QString kind = m.captured(1), condition = m.captured(2);
        if (kind.startsWith(QLatin1String("if")))
            m_stack.push_back(isPlatformCondition(condition));
        else if (kind == QLatin1String("elif") && !m_stack.isEmpty())
            m_stack.last() = m_stack.last() || isPlatformCondition(condition);
        else if (kind == QLatin1String("endif") && !m_stack.isEmpty())
            m_stack.pop_back();
        return true;
    }
    bool guarded() const { return m_stack.contains(true); }

private:
    QList<bool> m_stack;
};

QString withoutLineComment(const QString &line)
{
    const qsizetype at = line.indexOf(QLatin1String("//"));
    return at < 0 ? line : line.left(at);
}

QList<Hit> scan(const QString &text)
{
    QList<Hit> hits;
    GuardStack guards;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = withoutLineComment(lines[i]);
        if (guards.feed(line))
            continue;
        QRegularExpressionMatch m = posixHeader().match(line);
        if (!m.hasMatch())
            m = posixCall().match(line);
        if (m.hasMatch())
            hits.append({int(i + 1), m.captured(1), guards.guarded()});
    }
    return hits;
}

// Guarded uses that are meant to be there: file (from the source root) -> what.
const QSet<QString> &allowList()
{
    static const QSet<QString> allowed{
        // Transparent huge pages for big allocations, Linux only (util/LargePages.h).
        QStringLiteral("core/util/LargePages.cpp: sys/mman.h"),
        QStringLiteral("core/util/LargePages.cpp: madvise"),
    };
    return allowed;
}

QStringList sourceFiles(const QString &root)
{
    QStringList files;
    for (const char *dir : {"app", "core"}) {
        QDirIterator it(root + QLatin1Char('/') + QLatin1String(dir),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.c")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    files.sort();
    return files;
}

} // namespace

class TstPortability : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scanner_data();
    void scanner();
    void sources();
};

void TstPortability::scanner_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("found"); // "line:what:g" (guarded) or "line:what:-"
    auto row = [](const char *name, const char *text, const QStringList &found) {
        QTest::newRow(name) << QString::fromUtf8(text) << found;
    };
    row("bare unistd", "#include <QString>\n#include <unistd.h>\n", {QStringLiteral("2:unistd.h:-")});
    row("sys header", "#include <sys/stat.h>\n", {QStringLiteral("1:sys/stat.h:-")});
    row("linux guard", "#if defined(__linux__)\n#include <sys/mman.h>\n#endif\nint x = mmap(0);\n",
        {QStringLiteral("2:sys/mman.h:g"), QStringLiteral("4:mmap:-")});
    row("else of a Windows guard", "#ifdef Q_OS_WIN\n#include <windows.h>\n#else\n#include <unistd.h>\n#endif\n",
        {QStringLiteral("4:unistd.h:g")});
    row("nested non-platform guard", "#ifdef Q_OS_UNIX\n#if HAVE_X\n  pid_t p = fork();\n#endif\n#endif\n",
        {QStringLiteral("3:fork:g")});
    row("other guard is no guard", "#ifdef NDEBUG\n  ::getpid();\n#endif\n", {QStringLiteral("2:getpid:-")});
    row("members and qualified names", "process.kill(); p->fork(); QThread::usleep(5); pipeline(2);\n", {});
    row("comment", "// fork() here would be wrong\nint a; // mmap(\n", {});
}

void TstPortability::scanner()
{
    QFETCH(QString, text);
    QFETCH(QStringList, found);
    QStringList got;
    for (const Hit &h : scan(text))
        got << QStringLiteral("%1:%2:%3").arg(h.line).arg(h.what, h.guarded ? QStringLiteral("g") : QStringLiteral("-"));
    QCOMPARE(got, found);
}

void TstPortability::sources()
{
    const QString root = QStringLiteral(REFUGE_SOURCE_DIR);
    const QStringList files = sourceFiles(root);
    QVERIFY2(files.size() > 100, qPrintable(QStringLiteral("only %1 sources under %2").arg(files.size()).arg(root)));
    QStringList problems;
    QSet<QString> used;
    for (const QString &path : files) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QString relative = path.mid(root.size() + 1);
        for (const Hit &h : scan(QString::fromUtf8(file.readAll()))) {
            const QString key = relative + QStringLiteral(": ") + h.what;
            if (!h.guarded)
                problems << QStringLiteral("%1:%2: %3 outside a platform #if").arg(relative).arg(h.line).arg(h.what);
            else if (!allowList().contains(key))
                problems << QStringLiteral("%1:%2: %3 is guarded but not on the allow-list").arg(relative).arg(h.line).arg(h.what);
            used.insert(key);
        }
    }
    for (const QString &entry : allowList())
        if (!used.contains(entry))
            problems << QStringLiteral("allow-list entry no longer used: ") + entry;
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TstPortability)
#include "tst_portability.moc"
