#include "dialogs/SettingsDialog.h"

#include "app/Language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>

namespace refuge::desktop {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent), m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    m_language->addItem(tr("System language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(Language::stored())));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Language:"), m_language);
    auto *note = new QLabel(tr("A new language applies after Refuge is restarted."), this);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SettingsDialog::accept()
{
    const QString choice = m_language->currentData().toString();
    if (choice != Language::stored()) {
        Language::store(choice);
        QMessageBox::information(this, tr("Language"), tr("Restart Refuge to use the new language."));
    }
    QDialog::accept();
}

} // namespace refuge::desktop
