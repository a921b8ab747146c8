#include "dialogs/GuideDialog.h"

#include "analysis/AnalysisForm.h"
#include "util/Resources.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace refuge::desktop {

QString GuideDialog::guidePath()
{
    const QString suffix = AnalysisForm::language() == QLatin1String("zh") ? QStringLiteral("zh_CN") : QStringLiteral("en");
    for (const QString &name : {QStringLiteral("guide/guide.%1.html").arg(suffix), QStringLiteral("guide/guide.en.html")})
        if (const QString path = resourcePath(name); QFileInfo::exists(path))
            return path;
    return {};
}

GuideDialog::GuideDialog(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("GuideDialog"));
    setWindowTitle(tr("Refuge User Guide"));
    m_browser->setOpenExternalLinks(true);
    const QString path = guidePath();
    if (path.isEmpty())
        m_browser->setPlainText(tr("The user guide is not installed (looked for %1).")
                                    .arg(QDir::toNativeSeparators(resourcePath(QStringLiteral("guide")))));
    else
        m_browser->setSource(QUrl::fromLocalFile(path));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(760, 600); // fits a 1366 × 768 screen
}

} // namespace refuge::desktop
