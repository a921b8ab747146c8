#pragma once
// SettingsDialog: application preferences kept in QSettings (the UI language, applied
// after a restart).
#include <QDialog>

class QComboBox;

namespace refuge::desktop {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    void accept() override;

private:
    QComboBox *m_language;
};

} // namespace refuge::desktop
