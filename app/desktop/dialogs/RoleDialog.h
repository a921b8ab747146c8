#pragma once
// RoleDialog: asks what a new layer is for (its role), pre-selecting the guess from
// the file/layer name (guessRole: "shelter", "避难", "fire", "消防", "flood"...).
#include "model/Role.h"

#include <QDialog>
#include <optional>

class QComboBox;

namespace refuge::desktop {

class RoleDialog : public QDialog {
    Q_OBJECT
public:
    RoleDialog(const QString &layerName, Role guess, QWidget *parent = nullptr);
    Role role() const;
    // Shows the dialog; nullopt when canceled.
    static std::optional<Role> ask(QWidget *parent, const QString &layerName);

private:
    QComboBox *m_combo;
};

} // namespace refuge::desktop
