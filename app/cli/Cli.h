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
};

// All commands, sorted by name. Each command file registers itself:
//   static const bool registered = registerCommand({"info", "summary", runInfo});
const std::vector<Command> &commands();
bool registerCommand(Command command);

// Parses args (args[0] = command name); handles --help; throws UsageError.
void parseOrThrow(QCommandLineParser &parser, const QStringList &args, const QString &description);

QTextStream &out();
QTextStream &err();
// "refuge-cli: <message>" on stderr.
void printError(const QString &message);

} // namespace refuge::cli
