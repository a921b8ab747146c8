#include "results/KpiPanel.h"

#include <QGridLayout>
#include <QLabel>

namespace refuge::desktop {

KpiPanel::KpiPanel(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(4, 4, 4, 4);
    m_grid->setHorizontalSpacing(10);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(2, 1);
}

void KpiPanel::clear()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_rows = 0;
}

void KpiPanel::addRow(const QString &label, const QString &value, const QString &note, Verdict verdict, const QString &toolTip)
{
    auto *l = new QLabel(label, this);
    auto *v = new QLabel(value, this);
    QFont bold = v->font();
    bold.setBold(true);
    v->setFont(bold);
    v->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    v->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *n = new QLabel(note, this);
    n->setWordWrap(true);
    if (verdict != Verdict::None)
        n->setStyleSheet(verdict == Verdict::Pass ? QStringLiteral("color: #1a7f37; font-weight: bold") : QStringLiteral("color: #c62828; font-weight: bold"));
    for (QLabel *w : {l, v, n})
        w->setToolTip(toolTip);
    l->setObjectName(QStringLiteral("kpiLabel%1").arg(m_rows));
    v->setObjectName(QStringLiteral("kpiValue%1").arg(m_rows));
    n->setObjectName(QStringLiteral("kpiNote%1").arg(m_rows));
    m_grid->addWidget(l, m_rows, 0);
    m_grid->addWidget(v, m_rows, 1);
    m_grid->addWidget(n, m_rows, 2);
    ++m_rows;
}

void KpiPanel::addNote(const QString &text, const QString &toolTip)
{
    auto *n = new QLabel(text, this);
    n->setWordWrap(true);
    n->setToolTip(toolTip);
    n->setStyleSheet(QStringLiteral("color: palette(dark)"));
    n->setObjectName(QStringLiteral("kpiNote%1").arg(m_rows));
    m_grid->addWidget(n, m_rows, 0, 1, 3);
    ++m_rows;
}

QString KpiPanel::rowText(int row) const
{
    QStringList parts;
    QList<QWidget *> seen; // a note spans the three columns
    for (int c = 0; c < 3; ++c)
        if (QLayoutItem *item = m_grid->itemAtPosition(row, c))
            if (auto *label = qobject_cast<QLabel *>(item->widget()); label && !seen.contains(label)) {
                seen << label;
                parts << label->text();
            }
    return parts.join(QStringLiteral(" | "));
}

} // namespace refuge::desktop
