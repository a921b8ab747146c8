#include "dialogs/RoleDialog.h"

#include "app/RoleNames.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>

namespace refuge::desktop {

RoleDialog::RoleDialog(const QString &layerName, Role guess, QWidget *parent) : QDialog(parent), m_combo(new QComboBox(this))
{
    setWindowTitle(tr("Layer role"));
    for (Role r : RoleNames::all())
        m_combo->addItem(RoleNames::displayName(r), int(r));
    m_combo->setCurrentIndex(m_combo->findData(int(guess)));
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("What is <b>%1</b>? The role tells the analyses how to use the layer.").arg(layerName.toHtmlEscaped()), this);
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("Role:"), m_combo);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

Role RoleDialog::role() const { return Role(m_combo->currentData().toInt()); }

std::optional<Role> RoleDialog::ask(QWidget *parent, const QString &layerName)
{
    RoleDialog dialog(layerName, guessRole(layerName), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.role();
}

} // namespace refuge::desktop
