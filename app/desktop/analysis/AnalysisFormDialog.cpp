// AnalysisFormDialog: a registered analysis's generated dialog (see the header).
#include "analysis/AnalysisFormDialog.h"
#include "render/ResultStyleFiles.h"
#include "analysis/AnalysisController.h"
#include "analysis/AnalysisForm.h"
#include "analysis/ParameterEditors.h"
#include "document/ProjectDocument.h"

#include <QFormLayout>

namespace refuge::desktop {

namespace {
const QString kOut = QStringLiteral("out");
}

AnalysisFormDialog::AnalysisFormDialog(const Analysis &analysis, ProjectDocument *doc, AnalysisController *controller, QWidget *parent)
    : AnalysisDialog(parent), m_analysis(analysis), m_doc(doc), m_controller(controller), m_form(new AnalysisForm(analysis, doc, this))
{
    setWindowTitle(analysis.title(AnalysisForm::language()));
    setObjectName(analysis.id());
    AnalysisDialog::form()->addRow(m_form);
    m_form->setValues(analysis.projectValues(doc->project()));
    if (ParameterEditor *out = m_form->editor(kOut))
        out->setValue(m_controller->latestDirectory(analysis));
    m_revalidate.setSingleShot(true);
    m_revalidate.setInterval(150);
    connect(&m_revalidate, &QTimer::timeout, this, &AnalysisFormDialog::revalidate);
    connect(m_form, &AnalysisForm::changed, &m_revalidate, qOverload<>(&QTimer::start));
    // Layers still loading: their geometry and fields become known later.
    connect(doc, &ProjectDocument::layerDataChanged, &m_revalidate, qOverload<>(&QTimer::start));
    revalidate();
    resize(600, sizeHint().height());
}

AnalysisFormDialog::~AnalysisFormDialog() = default;

ParameterValues AnalysisFormDialog::values() const
{
    return m_form->values();
}

ValidationIssues AnalysisFormDialog::showValidation(const ParameterValues &values)
{
    const ValidationIssues issues = m_analysis.validate(values);
    m_form->showIssues(issues);
    setRunAllowed(issues.empty());
    return issues;
}

ValidationIssues AnalysisFormDialog::revalidate()
{
    m_revalidate.stop();
    return showValidation(values());
}

QString AnalysisFormDialog::validate() const
{
    const ValidationIssues issues = m_analysis.validate(values());
    if (issues.empty())
        return {};
    const Parameter *p = m_analysis.parameter(issues.front().parameter);
    const QString text = m_form->issueText(issues.front());
    return p ? tr("%1: %2").arg(p->label.in(AnalysisForm::language()), text) : text;
}

std::function<void(Feedback &)> AnalysisFormDialog::makeJob()
{
    m_running = values();
    const QString dir = m_controller->newRunDirectory(m_analysis);
    m_running.set(kOut, dir);
    setRunDirectory(dir);
    auto result = std::make_shared<AnalysisResult>();
    m_result = result;
    const Analysis *analysis = &m_analysis; // registry entries live for the process
    const ParameterValues values = m_running;
    const QString lang = AnalysisForm::language();
    return [analysis, values, result, lang](Feedback &feedback) {
        *result = analysis->run(values, feedback);
        result->warnings << ResultStyleFiles::write(*result, lang); // the GeoPackages open styled anywhere
    };
}

void AnalysisFormDialog::finish()
{
    if (m_result)
        m_controller->applyResult(m_analysis, *m_result);
}

} // namespace refuge::desktop
