#pragma once
// Analysis: one analysis of Refuge, in the spirit of a QGIS processing algorithm but
// smaller. It declares its parameters (Parameter), holds its rules in validate() — the
// one place a rule lives: refuge-cli prints the issues as one line each (exit 2), the
// desktop shows them next to the fields —, fills its values from a project (roles,
// field mappings, analysis settings), and runs: run(values, Feedback&) → AnalysisResult.
// Every Analysis is listed by AnalysisRegistry; refuge-cli's commands and options, the
// desktop's dialogs and `refuge-cli run` are generated from or iterate over it.
// Implementations are stateless: const methods, any thread (run() is synchronous, polls
// Feedback, throws refuge::Error / Canceled).
#include "analysis/framework/AnalysisResult.h"
#include "analysis/framework/Parameter.h"
#include "analysis/framework/ParameterValues.h"
#include "analysis/framework/ValidationIssue.h"

#include <QString>
#include <vector>

namespace refuge {

class Feedback;
class Project;

class Analysis {
public:
    virtual ~Analysis() = default;

    // "service-area": the refuge-cli command and the results folder's name.
    virtual QString id() const = 0;
    virtual LocalText title() const = 0;   // "Service areas" / "服务区"
    virtual LocalText summary() const = 0; // one line for `refuge-cli --help` and the Analysis menu's tooltip
    virtual LocalText help() const = 0;    // a paragraph: what it does and what it writes
    QString title(QStringView lang) const { return title().in(lang); }
    QString help(QStringView lang) const { return help().in(lang); }

    // The declarations, in form order. Names are unique.
    virtual const std::vector<Parameter> &parameters() const = 0;
    const Parameter *parameter(QStringView name) const; // nullptr when not declared

    // Every problem with `values`: values of an undeclared name, required ones missing,
    // wrong types, numbers out of range, unknown choices, layers of the wrong geometry or
    // role, fields the layer lacks (layers are opened to see), then the analysis's own
    // rules (parameters that go together, limits of one unit...). Empty: run() may go.
    // Never throws for bad values (a layer that cannot be opened is an issue naming it).
    ValidationIssues validate(const ParameterValues &values) const;

    // Validates (throws InvalidInput with the first issue's line), then runs. With an
    // "out" folder the outputs are written there (temporary names, renamed at the end).
    virtual AnalysisResult run(const ParameterValues &values, Feedback &feedback) const = 0;

    // The project's `analysis` section this analysis reads ("coverage", "fire"...);
    // `refuge-cli run` runs it when the project has that section. Empty: never from `run`.
    virtual QString projectSection() const { return {}; }
    // The files a run writes into its "out" folder (summary.json included): `refuge-cli
    // run` clears them before a run and refuses a folder where one is an input.
    virtual QStringList outputFiles() const { return {QStringLiteral("summary.json")}; }
    // The values a project supplies (layers by role, field mappings, analysis settings),
    // for `refuge-cli run` and to prefill a dialog. Throws InvalidInput "<project>:
    // analysis.<section>.<key>: ..." for a setting of the wrong type or out of range.
    virtual ParameterValues projectValues(const Project &project) const = 0;

    // `given` (the user's values) over `supplied` (a project's): where the user gave a
    // value for one of a parameter's alternatives, the project's value for that parameter
    // is dropped (a time limit given replaces the project's distance limit).
    ParameterValues overlay(ParameterValues supplied, const ParameterValues &given) const;

protected:
    // The analysis's own rules, after the declared checks passed for the values involved.
    virtual void checkRules(const ParameterValues &values, ValidationIssues &issues) const;
    // Throws InvalidInput with the first issue of validate(values) (for run()). A required
    // parameter named in `notRequiredHere` may be missing (a job run without an output
    // folder writes nothing).
    void requireValid(const ParameterValues &values, const QStringList &notRequiredHere = {}) const;
};

} // namespace refuge
