#pragma once
// AnalysisFormDialog: the dialog of any registered Analysis — its generated form
// (AnalysisForm) prefilled from the project (Analysis::projectValues), revalidated on
// every change: the validate() issues appear under their fields and Run stays disabled
// until there are none. Run hands the values, with a fresh results folder as "out", to
// Analysis::run on the worker thread; the AnalysisResult goes to
// AnalysisController::applyResult on the GUI thread. GUI thread only (except the job).
#include "analysis/AnalysisDialog.h"
#include "analysis/framework/Analysis.h"

#include <QTimer>
#include <memory>

namespace refuge::desktop {

class AnalysisController;
class AnalysisForm;
class ProjectDocument;

class AnalysisFormDialog : public AnalysisDialog {
    Q_OBJECT
public:
    // Throws InvalidInput when the project's settings for the analysis are unusable.
    AnalysisFormDialog(const Analysis &analysis, ProjectDocument *doc, AnalysisController *controller, QWidget *parent = nullptr);
    ~AnalysisFormDialog() override;

    const Analysis &analysis() const { return m_analysis; }
    AnalysisForm *form() const { return m_form; }
    // The values Run would use (the output folder shown, not yet created).
    ParameterValues values() const;
    // Validates `values` now, shows the issues under their fields and enables Run only
    // when there are none; returns the issues. revalidate() does it for the form's values.
    ValidationIssues showValidation(const ParameterValues &values);
    ValidationIssues revalidate();

protected:
    QString validate() const override;
    std::function<void(Feedback &)> makeJob() override;
    void finish() override;

private:
    const Analysis &m_analysis;
    ProjectDocument *m_doc;
    AnalysisController *m_controller;
    AnalysisForm *m_form;
    QTimer m_revalidate;
    ParameterValues m_running;
    std::shared_ptr<AnalysisResult> m_result;
};

} // namespace refuge::desktop
