#pragma once
// Helpers for the results dock and report export tests: table cells and clicks through
// the sort proxy, external tools, optional screenshots.
#include "results/ResultTableView.h"

#include <QDir>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTest>

namespace refuge::test {

// The text shown in a cell of the sorted view.
inline QString cell(const desktop::ResultTableView *t, int proxyRow, int column)
{
    return t->proxy()->index(proxyRow, column).data().toString();
}

// Clicks the first cell of a (sorted) row like a user.
inline void clickRow(desktop::ResultTableView *t, int proxyRow)
{
    const QModelIndex i = t->proxy()->index(proxyRow, 0);
    t->scrollTo(i);
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, t->visualRect(i).center());
}

// Output of a command-line tool (pdftotext), empty if it did not finish.
inline QString tool(const QString &name, const QStringList &args)
{
    QProcess p;
    p.start(name, args);
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// With REFUGE_DOCK_SHOTS=DIR, saves a grab of `w` as DIR/name (for looking at, not asserted).
inline void shot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("REFUGE_DOCK_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(w->grab().save(QDir(dir).filePath(name)));
}


} // namespace refuge::test
