#pragma once
// Shared plumbing for refuge-cli commands: the command table, the usage error type
// and output helpers. Every command is `int run(const QStringList &args)` where
// args[0] is the command name; exit codes 0 ok, 1 problems found, 2 bad input/usage.
#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <stdexcept>

namespace refuge {
class Project;
}

namespace refuge::cli {

enum ExitCode { Ok = 0, ProblemsFound = 1, BadInput = 2 };

// Wrong arguments: printed as "refuge-cli: <message>" with exit code 2.
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const QString &m) : std::runtime_error(m.toStdString()), message(m) {}
    QString message;
};

struct Command {
    QString name;
    QString summary;
    std::function<int(const QStringList &)> run;
    // Draws (fonts, images, PDF): runs under a QGuiApplication. The others get a
    // QCoreApplication, which starts ~15 ms faster (no platform plugin, no fontconfig).
    bool needsGui = false;
};

// All commands, sorted by name. Each command file registers itself:
//   static const bool registered = registerCommand({"info", "summary", runInfo});
const std::vector<Command> &commands();
bool registerCommand(Command command);

// Parses args (args[0] = command name); handles --help; throws UsageError.
void parseOrThrow(QCommandLineParser &parser, const QStringList &args, const QString &description);

// A command-line option from UTF-8 literals; with `value` it takes an argument.
QCommandLineOption option(const char *name, const char *help, const char *value = nullptr);
// A numeric option declared in core's ParameterRanges table: its help line states the
// range and default ("... (> 0 and ≤ 1440 min).").
QCommandLineOption rangedOption(const char *name, const char *valueName);
// The value of a numeric option, or `fallback` when it is not set. The range is the
// option's in ParameterRanges; throws UsageError "--NAME: must be a number from 0 to
// 3600 s (got 'x')" for text, NaN, inf or a value out of range.
double numberOption(const QCommandLineParser &parser, const QString &name, double fallback);

QTextStream &out();
QTextStream &err();
// "refuge-cli: <message>" on stderr.
void printError(const QString &message);

// Project::load, its warnings (a stored password...) on stderr, once per file and process.
Project loadProject(const QString &path);

} // namespace refuge::cli
