// The Chinese UI has no English left (issue 18, item 3): with Qt's and Refuge's zh_CN
// translations loaded, the main window on the Cambridge sample (after a Coverage and a
// Fire run, so the Results dock is filled), the dialog of every analysis of the registry,
// every dock, the layer properties, role, settings and report dialogs, the print layout
// designer with its template names, and Qt's own file dialog are walked: labels, buttons, group boxes, tab titles, combo items, header
// titles, window titles, the layer tree, menus and their actions. Every string with Latin
// letters left after removing what may stay Latin (UiScanAllowList.h: proper names,
// units, codes, file names, the project's own data) fails the test, with where it is.
#include "AppTestSupport.h"
#include "UiScanAllowList.h"
#include "UiTextWalker.h"
#include "analysis/AnalysisController.h"
#include "analysis/AnalysisDialog.h"
#include "analysis/AnalysisFormDialog.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "dialogs/LayerPropertiesDialog.h"
#include "dialogs/RoleDialog.h"
#include "dialogs/SettingsDialog.h"
#include "layers/LayerPanel.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ReportExportDialog.h"
#include "model/VectorLayer.h"
#include "print/LayoutController.h"
#include "print/LayoutDesigner.h"
#include "print/LayoutScene.h"
#include "results/ResultsDock.h"

#include <QComboBox>
#include <QFileDialog>
#include <QLibraryInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>

using namespace refuge;
using namespace refuge::desktop;

class TestZhUiScan : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QTranslator m_qt, m_own;
    std::unique_ptr<MainWindow> m_window;
    test::UiTextWalker m_walker;
    test::UiScanAllowList m_allowed;

    ProjectDocument *doc() const { return m_window->document(); }

    bool runToEnd(AnalysisDialog *d)
    {
        QSignalSpy done(d, &AnalysisDialog::runFinished);
        return d->run() && (done.wait(120000) || done.count() > 0);
    }

    // The project's own data may stay as it is: layer names and ids, field names, the
    // text values of every layer (shelter, station and neighbourhood names...).
    void allowProjectData()
    {
        m_allowed.addData(doc()->project().title);
        for (const ProjectLayer &l : doc()->project().layers) {
            m_allowed.addData(l.id);
            m_allowed.addData(l.name);
            const LayerData data = doc()->layerData(l.id);
            if (!data.vector)
                continue;
            const VectorLayer &v = *data.vector;
            for (int f = 0; f < int(v.fields().size()); ++f) {
                m_allowed.addData(v.fields()[std::size_t(f)].name);
                for (int i = 0; i < v.featureCount(); ++i)
                    if (v.attribute(i, f).typeId() == QMetaType::QString)
                        m_allowed.addData(v.attribute(i, f).toString());
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        for (const char *f : {"cambridge.refuge", "cambridge.gpkg"})
            QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("maps/cambridge/") + QLatin1String(f)),
                                QDir(m_dir.path()).filePath(QLatin1String(f))));
        QFile::setPermissions(QDir(m_dir.path()).filePath(QStringLiteral("cambridge.gpkg")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        // As Language::installTranslators: Qt's own (file dialogs), then Refuge's.
        QVERIFY2(m_qt.load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
                 "qtbase_zh_CN.qm not found (Debian: qt6-translations-l10n)");
        QCoreApplication::installTranslator(&m_qt);
        QVERIFY(m_own.load(QStringLiteral(REFUGE_QM_DIR "/refuge_zh_CN.qm")));
        QCoreApplication::installTranslator(&m_own);
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));

        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        doc()->open(QDir(m_dir.path()).filePath(QStringLiteral("cambridge.refuge")));
        QVERIFY(test::waitForLayers(*doc()));
        m_window->show();
        allowProjectData();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QCoreApplication::removeTranslator(&m_own);
        QCoreApplication::removeTranslator(&m_qt);
    }

    // The walker sees what it should (checked on a window built here), and the
    // allow-list keeps names, units and codes but not words.
    void walkerAndAllowList()
    {
        QCOMPARE(m_allowed.leftover(QStringLiteral("服务半径 800 m（km/h）")), QString());
        QCOMPARE(m_allowed.leftover(QStringLiteral("投影 EPSG:26986，文件 cambridge.gpkg")), QString());
        QCOMPARE(m_allowed.leftover(QStringLiteral("Baldwin School 容量")), QString()); // a shelter's name
        QCOMPARE(m_allowed.leftover(QStringLiteral("203 features with zero population")), QStringLiteral("features with zero population"));
        QCOMPARE(m_allowed.leftover(QStringLiteral("路网（walk）")), QStringLiteral("walk"));
        QCOMPARE(m_allowed.leftover(QStringLiteral("色带 yellow_red")), QStringLiteral("yellow_red"));
        QCOMPARE(m_allowed.leftover(QStringLiteral("Secondary road")), QStringLiteral("Secondary road")); // no part of a word
    }

    void mainWindowMenusAndDocks()
    {
        m_window->openAttributeTable(QStringLiteral("shelters"));
        m_walker.walk(m_window.get(), QStringLiteral("main window"));
    }

    // Every analysis dialog of the registry; Coverage and Fire run so that the Results
    // dock has both tabs, then the main window is walked again.
    void analysisDialogs()
    {
        for (const Analysis *a : AnalysisRegistry::all()) {
            AnalysisFormDialog *d = nullptr;
            try {
                d = m_window->analysis()->openDialog(a->id());
            } catch (const std::exception &e) {
                QFAIL(qPrintable(a->id() + QStringLiteral(": ") + QString::fromUtf8(e.what())));
            }
            QVERIFY2(d, qPrintable(a->id()));
            m_walker.walk(d, QStringLiteral("dialog ") + a->id());
            if (a->id() == QLatin1String("coverage") || a->id() == QLatin1String("fire-coverage"))
                QVERIFY2(runToEnd(d), qPrintable(a->id()));
            d->close();
        }
        QVERIFY(m_window->resultsDock()->isVisible());
        m_walker.walk(m_window.get(), QStringLiteral("main window after runs"));
    }

    void otherDialogs()
    {
        LayerPropertiesDialog properties(doc(), QStringLiteral("shelters"), m_window.get());
        m_walker.walk(&properties, QStringLiteral("layer properties"));
        LayerPropertiesDialog streets(doc(), QStringLiteral("streets"), m_window.get());
        m_walker.walk(&streets, QStringLiteral("layer properties (streets)"));
        RoleDialog role(QStringLiteral("新图层"), Role::Shelters, m_window.get());
        m_walker.walk(&role, QStringLiteral("role dialog"));
        SettingsDialog settings(m_window.get());
        m_walker.walk(&settings, QStringLiteral("settings"));
        ReportExportDialog report(m_window.get());
        m_walker.walk(&report, QStringLiteral("report export"));
        QFileDialog files(m_window.get(), QStringLiteral("打开项目"), m_dir.path(), QStringLiteral("Refuge 项目 (*.refuge)"));
        files.setOption(QFileDialog::DontUseNativeDialog);
        m_walker.walk(&files, QStringLiteral("file dialog"));
    }

    // The print layout designer on the Chinese template (atlas over the neighbourhoods,
    // the title selected so the properties panel is filled) and the template names.
    void layoutDesigner()
    {
        const PrintLayout layout = LayoutController::loadTemplate(QStringLiteral("community-evacuation-a4-zh_CN"));
        m_allowed.addData(layout.name); // the layout's own name, as the project saves it
        LayoutDesigner *designer = m_window->layouts()->openDesigner(layout);
        designer->scene()->selectItem(0);
        m_walker.walk(designer, QStringLiteral("layout designer"));
        designer->close();
        QComboBox templates;
        for (const QString &name : LayoutController::templateNames())
            templates.addItem(LayoutController::templateLabel(name));
        m_walker.walk(&templates, QStringLiteral("layout templates"));
    }

    // Last: every string found so far, English left over listed with where it is.
    void noEnglishLeft()
    {
        QVERIFY(m_walker.texts().size() > 200);
        QStringList english;
        for (const test::UiText &t : m_walker.texts()) {
            const QString left = m_allowed.leftover(t.text);
            if (!left.isEmpty() && !m_allowed.isKnownGap(t.text))
                english << QStringLiteral("%1: \"%2\" (left: %3)").arg(t.where, t.text, left);
        }
        english.removeDuplicates();
        for (const QString &line : english)
            qWarning().noquote() << line;
        QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("%1 strings with English (listed above)").arg(english.size())));
    }
};

QTEST_MAIN(TestZhUiScan)
#include "tst_zhuiscan.moc"
