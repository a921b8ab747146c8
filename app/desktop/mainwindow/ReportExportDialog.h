#pragma once
// ReportExportDialog: asks where the results are (the last run, or any folder written
// by `refuge-cli run` / the analyses), where the report goes and in which language.
// Refuses a results folder without coverage/summary.json or fire/summary.json, naming
// it. GUI thread only.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace refuge::desktop {

class ReportExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportExportDialog(QWidget *parent = nullptr);

    void setResultsFolder(const QString &dir);
    void setOutputFolder(const QString &dir);
    void setLanguage(const QString &lang); // "en" or "zh"
    QString resultsFolder() const;
    QString outputFolder() const;
    QString language() const;
    bool includeMaps() const;

    // Empty when `dir` holds analysis results, else the reason (naming the folder).
    static QString checkResultsFolder(const QString &dir);

    void accept() override;

private:
    void update();

    QLineEdit *m_results;
    QLineEdit *m_output;
    QComboBox *m_language;
    QCheckBox *m_maps;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_outputEdited = false;
};

} // namespace refuge::desktop
