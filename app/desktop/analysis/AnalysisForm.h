#pragma once
// AnalysisForm: the form generated from an Analysis's declarations — one row per
// parameter (label, editor from ParameterEditors, and under it the validate() message
// about that parameter, hidden while there is none), grouped in sections by the
// declaration's group; advanced parameters in a section folded away until opened.
// values() gives the ParameterValues the analysis runs with; setValues() takes those a
// project supplies. The form does not validate: its dialog calls Analysis::validate and
// hands the issues to showIssues(). A disabled editor (the barrier factor while no
// barriers are chosen) gives no value. GUI thread only.
#include "analysis/framework/Analysis.h"

#include <QWidget>
#include <map>
#include <memory>

class QFormLayout;
class QLabel;
class QToolButton;

namespace refuge::desktop {

class ParameterEditor;
class ProjectDocument;

class AnalysisForm : public QWidget {
    Q_OBJECT
public:
    AnalysisForm(const Analysis &analysis, ProjectDocument *doc, QWidget *parent = nullptr);
    ~AnalysisForm() override;

    // "en" or "zh": the language of the installed translation (declarations carry both).
    static QString language();

    const Analysis &analysis() const { return m_analysis; }
    ParameterValues values() const;
    // Sets the editors of the parameters in `values`; the others keep what they show
    // (their declared default, a field the project maps for their layer's role).
    void setValues(const ParameterValues &values);
    ParameterEditor *editor(const QString &name) const;
    // The label under `name`'s editor showing its issue (hidden when none).
    QLabel *issueLabel(const QString &name) const;
    // Shows each issue under its parameter (issues about no declared parameter at the
    // top) and opens the advanced section when one is there. Clears earlier ones.
    void showIssues(const ValidationIssues &issues);
    // An issue's text for the UI: each {name} written as the parameter's label.
    QString issueText(const ValidationIssue &issue) const;
    void setAdvancedVisible(bool visible);

Q_SIGNALS:
    void changed();

private:
    struct Row {
        std::unique_ptr<ParameterEditor> editor;
        QLabel *issue = nullptr;
        bool advanced = false;
    };
    QFormLayout *section(const QString &group, bool advanced);
    void addRow(const Parameter &p);
    QString groupTitle(const QString &group) const;
    void linkBarrierFactor();
    void linkAlternatives();

    const Analysis &m_analysis;
    ProjectDocument *m_doc;
    QString m_language;
    QLabel *m_generalIssue;
    QWidget *m_main;
    QWidget *m_advanced;
    QToolButton *m_advancedToggle;
    std::map<QString, QFormLayout *> m_sections;
    std::map<QString, Row> m_rows;
};

} // namespace refuge::desktop
