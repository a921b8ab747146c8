// LayoutController: opening print layout designers from the main window (see the header).
#include "print/LayoutController.h"

#include "document/ProjectDocument.h"
#include "print/LayoutDesigner.h"
#include "print/ProjectLayouts.h"
#include "util/Error.h"
#include "util/Resources.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>

namespace refuge::desktop {

namespace {
const QString ZhSuffix = QStringLiteral("-zh_CN");
const QStringList Papers{QStringLiteral("a4"), QStringLiteral("a3"), QStringLiteral("a2")};
} // namespace

LayoutController::LayoutController(ProjectDocument *doc, QWidget *window)
    : QObject(window), m_doc(doc), m_window(window), m_new(new QAction(tr("New Print &Layout from Template…"), this)),
      m_open(new QAction(tr("Open Project La&yout…"), this))
{
    connect(m_new, &QAction::triggered, this, &LayoutController::chooseTemplate);
    connect(m_open, &QAction::triggered, this, &LayoutController::chooseProjectLayout);
}

QStringList LayoutController::templateNames()
{
    const QStringList files = QDir(resourcePath(QStringLiteral("templates"))).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    const bool zhFirst = QLocale().language() == QLocale::Chinese;
    QStringList first, second;
    for (const QString &file : files) {
        const QString name = QFileInfo(file).completeBaseName();
        (name.endsWith(ZhSuffix) == zhFirst ? first : second) << name;
    }
    QStringList names = first + second;
    for (const QString &paper : Papers)
        names << QStringLiteral("standard-") + paper << QStringLiteral("standard-%1-landscape").arg(paper);
    return names;
}

QString LayoutController::templateLabel(const QString &name)
{
    const bool zh = name.endsWith(ZhSuffix);
    const QString base = zh ? name.chopped(ZhSuffix.size()) : name;
    const QStringList parts = base.split(QLatin1Char('-'));
    const QString paper = parts.size() > 1 ? parts[parts.size() - (base.endsWith(QLatin1String("-landscape")) ? 2 : 1)].toUpper() : QString();
    QString label;
    if (base.startsWith(QLatin1String("community-evacuation-")))
        label = tr("Community risk & evacuation map, %1").arg(paper);
    else if (base.startsWith(QLatin1String("hazmat-sites-")))
        label = tr("Hazardous-chemical sites: one map, one table, %1").arg(paper);
    else if (base.startsWith(QLatin1String("standard-")))
        label = base.endsWith(QLatin1String("-landscape")) ? tr("Standard map, %1 landscape").arg(paper) : tr("Standard map, %1 portrait").arg(paper);
    else
        label = base;
    return zh ? tr("%1 (Chinese)").arg(label) : label;
}

PrintLayout LayoutController::loadTemplate(const QString &name)
{
    const QStringList parts = name.split(QLatin1Char('-'));
    if (parts.size() >= 2 && parts[0] == QLatin1String("standard") && Papers.contains(parts[1])) {
        const bool landscape = parts.size() > 2 && parts[2] == QLatin1String("landscape");
        PrintLayout layout = PrintLayout::standard(parts[1].toUpper(), landscape ? PrintLayout::Orientation::Landscape : PrintLayout::Orientation::Portrait);
        layout.name = name;
        return layout;
    }
    PrintLayout layout = PrintLayout::load(resourcePath(QStringLiteral("templates/%1.json").arg(name)));
    if (layout.name.isEmpty())
        layout.name = name;
    return layout;
}

LayoutDesigner *LayoutController::openDesigner(const PrintLayout &layout)
{
    auto *designer = new LayoutDesigner(m_doc, layout, m_window);
    designer->setWindowFlag(Qt::Window);
    designer->setAttribute(Qt::WA_DeleteOnClose);
    designer->show();
    return designer;
}

void LayoutController::chooseTemplate()
{
    const QStringList names = templateNames();
    QStringList labels;
    for (const QString &n : names)
        labels << templateLabel(n);
    bool ok = false;
    const QString label = QInputDialog::getItem(m_window, tr("New print layout"), tr("Template:"), labels, 0, false, &ok);
    if (!ok)
        return;
    try {
        openDesigner(loadTemplate(names.at(std::max(0, int(labels.indexOf(label))))));
    } catch (const Error &e) {
        QMessageBox::critical(m_window, tr("New print layout"), e.message());
    }
}

void LayoutController::chooseProjectLayout()
{
    try {
        QStringList names;
        for (const PrintLayout &l : ProjectLayouts::read(m_doc->project()))
            names << l.name;
        if (names.isEmpty()) {
            QMessageBox::information(m_window, tr("Open project layout"),
                                     tr("The project has no saved layout yet: start from a template and use Save to Project."));
            return;
        }
        bool ok = false;
        const QString name = QInputDialog::getItem(m_window, tr("Open project layout"), tr("Layout:"), names, 0, false, &ok);
        if (ok)
            openDesigner(*ProjectLayouts::find(m_doc->project(), name));
    } catch (const Error &e) {
        QMessageBox::critical(m_window, tr("Open project layout"), e.message());
    }
}

} // namespace refuge::desktop
