#pragma once
// GuideDialog: the user guide (resources/guide/guide.<language>.html, English and
// Chinese, shipped with the program) in a browser that works offline, in the UI's
// language (the translation's marker, as the analysis forms use), English where the
// language has no guide. Help → User Guide (F1). GUI thread only.
#include <QDialog>

class QTextBrowser;

namespace refuge::desktop {

class GuideDialog : public QDialog {
    Q_OBJECT
public:
    explicit GuideDialog(QWidget *parent = nullptr);
    // The guide file for the UI language ("" when none is installed).
    static QString guidePath();
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace refuge::desktop
