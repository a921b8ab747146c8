#pragma once
// KpiPanel: the headline figures above a results table — rows of label, value and a
// note (share, breakdown or a standards check with its clause, coloured pass/fail).
// GUI thread only.
#include <QWidget>

class QGridLayout;

namespace refuge::desktop {

class KpiPanel : public QWidget {
    Q_OBJECT
public:
    enum class Verdict { None, Pass, Fail };
    explicit KpiPanel(QWidget *parent = nullptr);
    void clear();
    void addRow(const QString &label, const QString &value, const QString &note = {}, Verdict verdict = Verdict::None,
                const QString &toolTip = {});
    // A line across the panel (method, parameters, warnings).
    void addNote(const QString &text, const QString &toolTip = {});
    int rowCount() const { return m_rows; }
    // Texts of row `row`: label, value and note joined by " | " (tests, screen readers).
    QString rowText(int row) const;

private:
    QGridLayout *m_grid;
    int m_rows = 0;
};

} // namespace refuge::desktop
