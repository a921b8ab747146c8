#include "mainwindow/ReportExportDialog.h"
#include "analysis/AnalysisFiles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace refuge::desktop {

namespace {
QWidget *folderRow(QLineEdit *edit, QPushButton *browse, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(edit, 1);
    h->addWidget(browse);
    return w;
}
} // namespace

ReportExportDialog::ReportExportDialog(QWidget *parent)
    : QDialog(parent), m_results(new QLineEdit(this)), m_output(new QLineEdit(this)), m_language(new QComboBox(this)),
      m_maps(new QCheckBox(tr("Include maps"), this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Report"));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh"));
    setLanguage(QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en"));
    m_maps->setChecked(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    auto *browseResults = new QPushButton(tr("Browse…"), this);
    auto *browseOutput = new QPushButton(tr("Browse…"), this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Results folder:"), folderRow(m_results, browseResults, this));
    form->addRow(tr("Report folder:"), folderRow(m_output, browseOutput, this));
    form->addRow(tr("Language:"), m_language);
    form->addRow(QString(), m_maps);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    m_results->setMinimumWidth(380);

    connect(browseResults, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Results folder"), m_results->text());
        if (!d.isEmpty())
            setResultsFolder(d);
    });
    connect(browseOutput, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Report folder"), m_output->text());
        if (!d.isEmpty())
            setOutputFolder(d);
    });
    connect(m_results, &QLineEdit::textEdited, this, [this](const QString &d) { setResultsFolder(d); });
    connect(m_output, &QLineEdit::textEdited, this, [this] {
        m_outputEdited = true;
        update();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReportExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReportExportDialog::reject);
    update();
}

void ReportExportDialog::setResultsFolder(const QString &dir)
{
    if (m_results->text() != dir)
        m_results->setText(QDir::toNativeSeparators(dir));
    if (!m_outputEdited && !dir.isEmpty()) // the CLI's layout: RESULTS/report
        m_output->setText(QDir::toNativeSeparators(QDir(QDir::fromNativeSeparators(dir)).filePath(QStringLiteral("report"))));
    update();
}

void ReportExportDialog::setOutputFolder(const QString &dir)
{
    m_output->setText(QDir::toNativeSeparators(dir));
    m_outputEdited = true;
    update();
}

void ReportExportDialog::setLanguage(const QString &lang)
{
    const int i = m_language->findData(lang);
    if (i >= 0)
        m_language->setCurrentIndex(i);
}

QString ReportExportDialog::resultsFolder() const { return QDir::fromNativeSeparators(m_results->text().trimmed()); }
QString ReportExportDialog::outputFolder() const { return QDir::fromNativeSeparators(m_output->text().trimmed()); }
QString ReportExportDialog::language() const { return m_language->currentData().toString(); }
bool ReportExportDialog::includeMaps() const { return m_maps->isChecked(); }

QString ReportExportDialog::checkResultsFolder(const QString &dir)
{
    if (dir.isEmpty())
        return tr("Choose the folder with the analysis results.");
    const QDir d(dir);
    if (!d.exists())
        return tr("%1: the folder does not exist").arg(QDir::toNativeSeparators(dir));
    // Only complete results count (summary.json marked complete, written last by a run).
    if (AnalysisFiles::completeSummary(d.filePath(QStringLiteral("coverage"))).isEmpty()
        && AnalysisFiles::completeSummary(d.filePath(QStringLiteral("fire"))).isEmpty())
        return tr("%1: no complete analysis results (expected coverage/summary.json or fire/summary.json from a finished run)")
            .arg(QDir::toNativeSeparators(dir));
    return {};
}

void ReportExportDialog::update()
{
    const QString problem = m_results->text().isEmpty() ? QString() : checkResultsFolder(resultsFolder());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_results->text().trimmed().isEmpty() && !m_output->text().trimmed().isEmpty()
                                                        && problem.isEmpty());
}

void ReportExportDialog::accept()
{
    const QString problem = checkResultsFolder(resultsFolder());
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace refuge::desktop
