// AnalysisForm: sections, rows and issue labels of the generated analysis form.
#include "analysis/AnalysisForm.h"
#include "analysis/ParameterEditors.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace refuge::desktop {

AnalysisForm::AnalysisForm(const Analysis &analysis, ProjectDocument *doc, QWidget *parent)
    : QWidget(parent), m_analysis(analysis), m_doc(doc), m_language(language()), m_generalIssue(new QLabel(this)), m_main(new QWidget(this)),
      m_advanced(new QWidget(this)), m_advancedToggle(new QToolButton(this))
{
    setObjectName(QStringLiteral("AnalysisForm"));
    m_generalIssue->setObjectName(QStringLiteral("issue"));
    m_generalIssue->setWordWrap(true);
    m_generalIssue->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_generalIssue->hide();
    auto *mainLayout = new QVBoxLayout(m_main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    auto *advancedLayout = new QVBoxLayout(m_advanced);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    m_advancedToggle->setText(tr("Advanced settings"));
    m_advancedToggle->setObjectName(QStringLiteral("advancedToggle"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setAutoRaise(true);
    connect(m_advancedToggle, &QToolButton::toggled, this, &AnalysisForm::setAdvancedVisible);

    for (const Parameter &p : analysis.parameters())
        addRow(p);
    linkBarrierFactor();
    linkAlternatives();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_generalIssue);
    layout->addWidget(m_main);
    layout->addWidget(m_advancedToggle);
    layout->addWidget(m_advanced);
    m_advancedToggle->setVisible(!m_advanced->findChildren<QFormLayout *>().isEmpty());
    setAdvancedVisible(false);
}

AnalysisForm::~AnalysisForm() = default;

QString AnalysisForm::language()
{
    // The zh_CN translation translates this marker to "zh"; without one it stays "en".
    return QCoreApplication::translate("refuge::desktop::AnalysisForm", "en", "language code of this translation: zh for Chinese");
}

QString AnalysisForm::groupTitle(const QString &group) const
{
    if (group == QLatin1String("network"))
        return tr("Road network");
    if (group == QLatin1String("inputs"))
        return tr("Inputs");
    if (group == QLatin1String("limits"))
        return tr("Limits");
    if (group == QLatin1String("output"))
        return tr("Output");
    if (group == QLatin1String("standard"))
        return tr("Standard");
    if (group == QLatin1String("scenario"))
        return tr("Scenario");
    return group.isEmpty() ? tr("Other settings") : group;
}

QFormLayout *AnalysisForm::section(const QString &group, bool advanced)
{
    const QString key = (advanced ? QStringLiteral("advanced/") : QString()) + group;
    if (auto it = m_sections.find(key); it != m_sections.end())
        return it->second;
    QWidget *host = advanced ? m_advanced : m_main;
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(groupTitle(group).toHtmlEscaped()), host);
    auto *body = new QWidget(host);
    auto *form = new QFormLayout(body);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setContentsMargins(0, 0, 0, 6);
    static_cast<QVBoxLayout *>(host->layout())->addWidget(title);
    static_cast<QVBoxLayout *>(host->layout())->addWidget(body);
    m_sections.emplace(key, form);
    return form;
}

void AnalysisForm::addRow(const Parameter &p)
{
    QFormLayout *form = section(p.group, p.advanced);
    QWidget *host = form->parentWidget();
    EditorContext context{m_doc, m_language, [this](const QString &name) { return editor(name); }};
    Row row;
    row.editor = makeParameterEditor(p, context, host);
    row.advanced = p.advanced;
    row.issue = new QLabel(host);
    row.issue->setObjectName(p.name + QStringLiteral("Issue"));
    row.issue->setWordWrap(true);
    row.issue->setStyleSheet(QStringLiteral("color: #b00020;"));
    row.issue->hide();
    auto *cell = new QWidget(host);
    auto *box = new QVBoxLayout(cell);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    box->addWidget(row.editor->widget());
    box->addWidget(row.issue);
    const bool flag = p.type == ParameterType::Flag; // the check box carries the label
    auto *label = new QLabel(flag ? QString() : p.label.in(m_language) + tr(":"), host);
    label->setToolTip(p.helpText(m_language));
    label->setBuddy(row.editor->widget());
    form->addRow(label, cell);
    connect(row.editor.get(), &ParameterEditor::changed, this, &AnalysisForm::changed);
    m_rows.emplace(p.name, std::move(row));
}

void AnalysisForm::linkBarrierFactor()
{
    // The barriers' custom part: the factor applies only once barriers are chosen.
    ParameterEditor *barriers = editor(QStringLiteral("barriers"));
    ParameterEditor *factor = editor(QStringLiteral("barrier-factor"));
    if (!barriers || !factor)
        return;
    auto update = [barriers, factor] { factor->widget()->setEnabled(barriers->value().isValid()); };
    connect(barriers, &ParameterEditor::changed, factor, update);
    update();
}

void AnalysisForm::linkAlternatives()
{
    // A value chosen for one of a parameter's alternatives empties it (the candidate
    // points replace the prefilled grid; a time limit the distance limit), as on the CLI.
    for (const Parameter &p : m_analysis.parameters())
        for (const QString &name : p.alternatives) {
            ParameterEditor *chosen = editor(name);
            ParameterEditor *replaced = editor(p.name);
            if (!chosen || !replaced)
                continue;
            connect(chosen, &ParameterEditor::changed, replaced, [chosen, replaced] {
                if (chosen->value().isValid() && replaced->value().isValid())
                    replaced->setValue(QVariant());
            });
        }
}

ParameterEditor *AnalysisForm::editor(const QString &name) const
{
    auto it = m_rows.find(name);
    return it == m_rows.end() ? nullptr : it->second.editor.get();
}

QLabel *AnalysisForm::issueLabel(const QString &name) const
{
    auto it = m_rows.find(name);
    return it == m_rows.end() ? nullptr : it->second.issue;
}

ParameterValues AnalysisForm::values() const
{
    ParameterValues values;
    for (const Parameter &p : m_analysis.parameters())
        if (ParameterEditor *e = editor(p.name); e->widget()->isEnabledTo(this))
            if (const QVariant v = e->value(); v.isValid())
                values.set(p.name, v);
    return values;
}

void AnalysisForm::setValues(const ParameterValues &values)
{
    // Layers first: a field editor refills when its layer changes.
    for (int pass = 0; pass < 2; ++pass)
        for (const Parameter &p : m_analysis.parameters())
            if ((p.type == ParameterType::Layer) == (pass == 0) && values.has(p.name))
                editor(p.name)->setValue(values.raw(p.name));
}

QString AnalysisForm::issueText(const ValidationIssue &issue) const
{
    QString text = issue.message;
    static const QRegularExpression name(QStringLiteral("\\{([a-z0-9-]+)\\}"));
    QRegularExpressionMatch m;
    while ((m = name.match(text)).hasMatch()) {
        const Parameter *p = m_analysis.parameter(m.captured(1));
        text.replace(m.capturedStart(), m.capturedLength(), tr("“%1”").arg(p ? p->label.in(m_language) : m.captured(1)));
    }
    return text;
}

void AnalysisForm::showIssues(const ValidationIssues &issues)
{
    QStringList general;
    std::map<QString, QStringList> byParameter;
    for (const ValidationIssue &issue : issues) {
        if (m_rows.count(issue.parameter))
            byParameter[issue.parameter] << issueText(issue);
        else
            general << QStringLiteral("%1: %2").arg(issue.parameter, issueText(issue));
    }
    bool advanced = false;
    for (auto &[name, row] : m_rows) {
        auto it = byParameter.find(name);
        row.issue->setText(it == byParameter.end() ? QString() : it->second.join(QLatin1Char('\n')));
        row.issue->setVisible(it != byParameter.end());
        advanced = advanced || (row.advanced && it != byParameter.end());
    }
    m_generalIssue->setText(general.join(QLatin1Char('\n')));
    m_generalIssue->setVisible(!general.isEmpty());
    if (advanced)
        setAdvancedVisible(true);
}

void AnalysisForm::setAdvancedVisible(bool visible)
{
    m_advanced->setVisible(visible);
    QSignalBlocker block(m_advancedToggle);
    m_advancedToggle->setChecked(visible);
    m_advancedToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
}

} // namespace refuge::desktop
