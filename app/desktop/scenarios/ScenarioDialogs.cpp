// ScenarioDialogs: name/capacity questions of the what-if edit tools.
#include "scenarios/ScenarioDialogs.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>

namespace refuge::desktop {

namespace {

QDoubleSpinBox *capacityBox(QWidget *parent, double value, const QString &suffix)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 1e7);
    box->setDecimals(0);
    box->setSingleStep(50);
    box->setSuffix(suffix);
    box->setValue(value);
    return box;
}

// OK / Cancel as the form's last row; true when the dialog was accepted.
bool accepted(QDialog &d, QFormLayout *form)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    return d.exec() == QDialog::Accepted;
}

} // namespace

std::optional<NewFacility> ScenarioDialogs::askNewFacility(QWidget *parent, const QString &role, bool hasCapacity)
{
    QDialog d(parent);
    const bool shelter = role == QLatin1String("shelters");
    d.setWindowTitle(shelter ? tr("Add shelter") : tr("Add fire station"));
    auto *form = new QFormLayout(&d);
    auto *name = new QLineEdit(shelter ? tr("New shelter") : tr("New fire station"), &d);
    name->selectAll();
    form->addRow(tr("Name:"), name);
    QDoubleSpinBox *capacity = hasCapacity ? capacityBox(&d, 500, tr(" people")) : nullptr;
    if (capacity)
        form->addRow(tr("Capacity:"), capacity);
    if (!accepted(d, form))
        return std::nullopt;
    NewFacility f;
    f.name = name->text().trimmed();
    if (capacity)
        f.capacity = capacity->value();
    return f;
}

std::optional<double> ScenarioDialogs::askCapacity(QWidget *parent, const ScenarioFacility &facility)
{
    QDialog d(parent);
    d.setWindowTitle(tr("Capacity of %1").arg(facility.name));
    auto *form = new QFormLayout(&d);
    QDoubleSpinBox *capacity = capacityBox(&d, facility.capacity.value_or(0), tr(" people"));
    form->addRow(tr("Capacity:"), capacity);
    if (!accepted(d, form))
        return std::nullopt;
    return capacity->value();
}

} // namespace refuge::desktop
