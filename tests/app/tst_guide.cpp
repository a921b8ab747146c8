// Help → User Guide: the guide opens offline in the UI's language, and names every
// analysis of the registry by the title its menu entry shows (so a new analysis without
// a paragraph in the guide fails here), in English and in Chinese.
#include "analysis/AnalysisForm.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "dialogs/GuideDialog.h"
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

using namespace refuge;
using namespace refuge::desktop;

class TestGuide : public QObject {
    Q_OBJECT

    static void checkGuide(const QString &lang, const QString &file, const QString &heading)
    {
        QVERIFY2(GuideDialog::guidePath().endsWith(file), qPrintable(GuideDialog::guidePath()));
        GuideDialog dialog;
        const QString text = dialog.browser()->toPlainText();
        QVERIFY2(text.startsWith(heading), qPrintable(text.left(80)));
        for (const Analysis *a : AnalysisRegistry::all())
            QVERIFY2(text.contains(a->title().in(lang)), qPrintable(a->id() + QStringLiteral(": ") + a->title().in(lang)));
        QVERIFY(dialog.width() <= 1366 && dialog.height() <= 768);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(QDir::temp().filePath(QStringLiteral("refuge_tst_guide_%1.png").arg(lang)));
    }

private Q_SLOTS:
    void english() { checkGuide(QStringLiteral("en"), QStringLiteral("guide.en.html"), QStringLiteral("Refuge user guide")); }

    void chinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(REFUGE_QM_DIR "/refuge_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        QCOMPARE(AnalysisForm::language(), QStringLiteral("zh"));
        checkGuide(QStringLiteral("zh"), QStringLiteral("guide.zh_CN.html"), QStringLiteral("Refuge 用户指南"));
        QCoreApplication::removeTranslator(&translator);
    }

    void helpMenuOpensIt()
    {
        MainWindow window;
        QAction *guide = window.findChild<QAction *>(QStringLiteral("guideAction"));
        QVERIFY(guide);
        QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
        guide->trigger();
        auto *dialog = window.findChild<GuideDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->close();
    }
};

QTEST_MAIN(TestGuide)
#include "tst_guide.moc"
