#pragma once
// ValidationIssue: one problem validate() found with the values of an analysis — the
// parameter it belongs to (the dialog shows the message next to that field) and one
// line of text. The CLI prints line("--"): "--max-minutes: must be a number > 0 and
// ≤ 1440 min (got 'five')"; a message about a file already starts with the file
// ("<file>: areas must be polygons, not points") and keeps that form. Plain value.
#include <QString>
#include <vector>

namespace refuge {

struct ValidationIssue {
    QString parameter;      // a declared parameter name ("max-minutes"); for a rule over two, the first
    QString message;        // without the parameter name: "must be a number > 0 ... (got 'five')"; another
                            // parameter is written {name}: "goes together with {official-field}"
    bool namesFile = false; // message starts with a file name: shown as is (the parameter follows)

    // The message with each {name} written <prefix>name ("--official-field" for the CLI).
    QString text(const QString &prefix = QString()) const;
    // One line naming the parameter: "<prefix><parameter>: <text>", or for a file
    // message "<text> (<prefix><parameter>)".
    QString line(const QString &prefix = QString()) const;
};

using ValidationIssues = std::vector<ValidationIssue>;

} // namespace refuge
