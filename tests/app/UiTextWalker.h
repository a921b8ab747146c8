#pragma once
// UiTextWalker: collects the texts a user reads in a window or dialog — labels, buttons,
// group boxes, tab titles, combo items, line-edit placeholders, item-view header titles,
// window titles, the layer tree, menus and their actions (recursively) — each with
// where it was found. Widgets hidden by the program are skipped; pages of stacked
// widgets and tabs count as visible (the user reaches them). Font names and file-system
// entries are names, not UI text, and are not collected. For tst_zhuiscan.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDockWidget>
#include <QFileSystemModel>
#include <QFontComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QTreeView>

namespace refuge::test {

struct UiText {
    QString where, text;
};

class UiTextWalker {
public:
    const QList<UiText> &texts() const { return m_texts; }

    void walk(QWidget *top, const QString &where)
    {
        add(where + QStringLiteral(" / title"), top->windowTitle());
        for (QWidget *w : top->findChildren<QWidget *>()) {
            if (!shown(w, top))
                continue;
            const QString at = where + QStringLiteral(" / ") + describe(w);
            widgetTexts(w, at);
        }
        for (QMenuBar *bar : top->findChildren<QMenuBar *>())
            for (QAction *a : bar->actions())
                action(a, where + QStringLiteral(" / menu"));
    }

private:
    static bool shown(const QWidget *w, const QWidget *top)
    {
        for (const QWidget *p = w; p && p != top; p = p->parentWidget())
            if (p->isHidden() && !qobject_cast<const QStackedWidget *>(p->parentWidget())
                && !qobject_cast<const QDockWidget *>(p))
                return false;
        return true;
    }

    static QString describe(const QWidget *w)
    {
        const QString name = w->objectName();
        return QString::fromLatin1(w->metaObject()->className()) + (name.isEmpty() ? QString() : QLatin1Char('#') + name);
    }

    void add(const QString &where, QString text)
    {
        if (Qt::mightBeRichText(text))
            text = QTextDocumentFragment::fromHtml(text).toPlainText();
        text.remove(QRegularExpression(QStringLiteral(R"(\(&?[A-Za-z]\)|&(?=\w))"))); // accelerators: (&N), (N), &N
        text = text.simplified();
        if (!text.isEmpty())
            m_texts.append({where, text});
    }

    void action(QAction *a, const QString &where)
    {
        if (a->isSeparator() || !a->isVisible())
            return;
        add(where, a->text());
        if (QMenu *menu = a->menu())
            for (QAction *sub : menu->actions())
                action(sub, where + QStringLiteral(" > ") + a->text());
    }

    void widgetTexts(QWidget *w, const QString &at)
    {
        if (auto *l = qobject_cast<QLabel *>(w))
            add(at, l->text());
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(at, b->text());
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            add(at, g->title());
        else if (auto *d = qobject_cast<QDockWidget *>(w))
            add(at, d->windowTitle());
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            add(at, e->placeholderText());
        if (auto *t = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < t->count(); ++i)
                add(at, t->tabText(i));
        if (auto *c = qobject_cast<QComboBox *>(w); c && !qobject_cast<QFontComboBox *>(w)) // fonts: names
            for (int i = 0; i < c->count(); ++i)
                add(at, c->itemText(i));
        if (auto *v = qobject_cast<QAbstractItemView *>(w))
            itemView(v, at);
    }

    void itemView(QAbstractItemView *v, const QString &at)
    {
        const QAbstractItemModel *m = v->model();
        if (!m)
            return;
        if (auto *tree = qobject_cast<QTreeView *>(v); tree && !tree->isHeaderHidden())
            for (int c = 0; c < m->columnCount(); ++c)
                add(at + QStringLiteral(" header"), m->headerData(c, Qt::Horizontal).toString());
        if (const auto *table = v->findChild<QHeaderView *>(); table && table->orientation() == Qt::Horizontal && !table->isHidden())
            for (int c = 0; c < m->columnCount(); ++c)
                add(at + QStringLiteral(" header"), m->headerData(c, Qt::Horizontal).toString());
        if (qobject_cast<QTreeView *>(v) && !qobject_cast<const QFileSystemModel *>(m)) // files: names
            treeRows(m, QModelIndex(), at + QStringLiteral(" row"));
    }

    // Tree rows (the layer tree's groups and layers); tables hold data, not UI text.
    void treeRows(const QAbstractItemModel *m, const QModelIndex &parent, const QString &at)
    {
        for (int r = 0; r < m->rowCount(parent); ++r) {
            const QModelIndex i = m->index(r, 0, parent);
            add(at, i.data().toString());
            treeRows(m, i, at);
        }
    }

    QList<UiText> m_texts;
};

} // namespace refuge::test
