// refuge-cli: the command-line front end of Refuge (links refuge_core only).
#include "AnalysisCommand.h"
#include "Cli.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "analysis/ParameterRanges.h"
#include "model/Project.h"
#include "network/GraphCache.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QGuiApplication>
#include <QSet>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <algorithm>
#include <memory>
#ifdef Q_OS_WIN
#define NOMINMAX
#include <windows.h>
#endif

using namespace refuge::cli;

namespace refuge::cli {

static std::vector<Command> &registry()
{
    static std::vector<Command> list;
    return list;
}

const std::vector<Command> &commands() { return registry(); }

bool registerCommand(Command command)
{
    auto &list = registry();
    const auto pos = std::lower_bound(list.begin(), list.end(), command.name,
                                      [](const Command &c, const QString &name) { return c.name < name; });
    list.insert(pos, std::move(command));
    return true;
}

QCommandLineOption option(const char *name, const char *help, const char *value)
{
    return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help), QString::fromLatin1(value))
                 : QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help));
}

QCommandLineOption rangedOption(const char *name, const char *valueName)
{
    const QString n = QString::fromLatin1(name);
    return QCommandLineOption(n, refuge::ParameterRanges::spec(n).helpText(), QString::fromLatin1(valueName));
}

double numberOption(const QCommandLineParser &parser, const QString &name, double fallback)
{
    if (!parser.isSet(name))
        return fallback;
    try {
        return refuge::ParameterRanges::parse(name, parser.value(name), QStringLiteral("--") + name);
    } catch (const refuge::InvalidInput &e) {
        throw UsageError(e.message());
    }
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void printError(const QString &message) { err() << "refuge-cli: " << message << Qt::endl; }

Project loadProject(const QString &path)
{
    Project project = Project::load(path);
    static QSet<QString> warned; // `run` loads the project again for its report
    if (!warned.contains(project.filePath())) {
        warned.insert(project.filePath());
        for (const QString &w : project.warnings())
            printError(w);
    }
    return project;
}

void parseOrThrow(QCommandLineParser &parser, const QStringList &args, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!parser.parse(args))
        throw UsageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the program by its full path as invoked; show the command instead.
        QString help = parser.helpText();
        help.replace(QCoreApplication::arguments().value(0), QStringLiteral("refuge-cli ") + args.value(0));
        out() << help;
        out().flush();
        std::exit(0);
    }
}

} // namespace refuge::cli

// The commands, then the analyses of the registry (titles in `lang`: en or zh).
static void printUsage(const QString &lang)
{
    const bool zh = lang == QLatin1String("zh");
    auto isAnalysis = [](const QString &name) { return refuge::AnalysisRegistry::find(name) != nullptr; };
    out() << "Usage: refuge-cli COMMAND [options]\n\nCommands:\n";
    for (const Command &c : commands())
        if (!isAnalysis(c.name))
            out() << "  " << c.name.leftJustified(16) << c.summary << "\n";
    out() << (zh ? "\nAnalyses (refuge-cli ANALYSIS --help --lang zh):\n" : "\nAnalyses:\n");
    for (const refuge::Analysis *a : refuge::AnalysisRegistry::all())
        out() << "  " << a->id().leftJustified(16) << a->summary().in(lang) << "\n";
    out() << "\nrefuge-cli COMMAND --help shows a command's options (--lang zh: in Chinese).\n"
          << "Exit codes: 0 ok, 1 problems found, 2 bad input or usage.\n";
    out().flush();
}

// Qt's own diagnostics (e.g. "QStandardPaths: XDG_RUNTIME_DIR not set" under cron/CI,
// offscreen-platform notes) would break the one-line-per-problem contract on stderr:
// they are shown only when REFUGE_DEBUG is set. Fatal messages always pass.
static void cliMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    static const bool debug = !qEnvironmentVariableIsEmpty("REFUGE_DEBUG");
    if (debug || type == QtFatalMsg || type == QtCriticalMsg)
        fprintf(stderr, "%s\n", qPrintable(message));
}

// SIGINT/SIGTERM (and closing the console on Windows) cancel the running job through
// Feedback, as the desktop's Cancel button does: it unwinds at its next poll, removes
// its temporary files, leaves every final output as it was, and main() prints one line
// and exits non-zero. A second signal ends the process at once.
extern "C" void onStopSignal(int sig)
{
    refuge::Feedback::requestCancelAll();
    std::signal(sig, SIG_DFL);
}

#ifdef Q_OS_WIN
static BOOL WINAPI onConsoleEvent(DWORD event)
{
    refuge::Feedback::requestCancelAll();
    // On close/logoff/shutdown Windows ends the process when the handler returns: wait
    // here while main() unwinds (the system's own timeout still applies).
    if (event == CTRL_CLOSE_EVENT || event == CTRL_LOGOFF_EVENT || event == CTRL_SHUTDOWN_EVENT)
        Sleep(INFINITE);
    return TRUE;
}
#endif

static void installStopHandlers()
{
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#endif
}

int main(int argc, char **argv)
{
    qInstallMessageHandler(cliMessageHandler);
    installStopHandlers();
    // Drawing commands get a QGuiApplication (fonts), headless when there is no display.
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    const QString commandName = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    // An option first (Qt's own, e.g. -platform, which only QGuiApplication takes out of
    // the arguments; or --help / --version, which need no GUI either way).
    const bool qtOptionFirst = commandName.startsWith(QLatin1Char('-')) && commandName != QLatin1String("--help")
        && commandName != QLatin1String("-h") && commandName != QLatin1String("--version");
    const bool gui = qtOptionFirst || std::any_of(commands().begin(), commands().end(), [&](const Command &c) {
                         return c.needsGui && c.name == commandName;
                     });
    std::unique_ptr<QCoreApplication> app(gui ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    // Graph cache files still being written are finished before the application goes.
    struct FinishSaves {
        ~FinishSaves() { refuge::GraphCache::finishAllSaves(); }
    } finishSaves;
    QCoreApplication::setApplicationName(QStringLiteral("refuge-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REFUGE_VERSION));
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args[0] == QLatin1String("--help") || args[0] == QLatin1String("-h") || args[0] == QLatin1String("help")) {
        printUsage(languageOf(args));
        return args.isEmpty() ? BadInput : Ok;
    }
    if (args[0] == QLatin1String("--version")) {
        out() << "refuge-cli " << REFUGE_VERSION << Qt::endl;
        return Ok;
    }
    for (const Command &c : commands()) {
        if (c.name != args[0])
            continue;
        try {
            const int code = c.run(args);
            out().flush();
            return code;
        } catch (const UsageError &e) {
            printError(e.message);
            return BadInput;
        } catch (const refuge::Error &e) {
            printError(e.message());
            return BadInput;
        } catch (const refuge::Canceled &) {
            printError(refuge::Feedback::cancelAllRequested()
                           ? QStringLiteral("%1: stopped by a signal; unfinished outputs removed").arg(c.name)
                           : QStringLiteral("%1: canceled").arg(c.name));
            return BadInput;
        } catch (const std::exception &e) {
            printError(QStringLiteral("internal error: %1").arg(QString::fromUtf8(e.what())));
            return BadInput;
        }
    }
    printError(QStringLiteral("unknown command '%1' (try refuge-cli --help)").arg(args[0]));
    return BadInput;
}
