// refuge: the desktop application. Parses the command line, installs the translation
// (system locale or the Settings choice) and shows the main window.
#include "app/Language.h"
#include "attributes/AttributeTablePanel.h"
#include "canvas/IdentifyTool.h"
#include "canvas/MapCanvas.h"
#include "dialogs/LayerPropertiesDialog.h"
#include "document/ProjectDocument.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ProjectController.h"
#include "model/VectorLayer.h"
#include "network/GraphCache.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QScreen>
#include <QTabWidget>
#include <QTimer>
#include <cstdio>

using namespace refuge::desktop;

namespace {

// Waits (without blocking the event loop) until the project is loaded and the canvas
// has finished rendering, then calls `done`.
void whenIdle(MainWindow *w, std::function<void()> done, int timeoutMs = 60000)
{
    auto *timer = new QTimer(w);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto quietSince = std::make_shared<qint64>(-1);
    QObject::connect(timer, &QTimer::timeout, w, [w, timer, clock, quietSince, done, timeoutMs] {
        const bool idle = !w->document()->isLoading() && w->canvas()->hasImage() && !w->canvas()->isRendering();
        if (!idle) {
            *quietSince = -1;
        } else if (*quietSince < 0) {
            *quietSince = clock->elapsed();
        }
        if ((idle && clock->elapsed() - *quietSince > 300) || clock->elapsed() > timeoutMs) {
            timer->stop();
            timer->deleteLater();
            done();
        }
    });
    timer->start(50);
}

// The command line, described once for both the text-only and the windowed start.
struct Options {
    QCommandLineOption language{QStringLiteral("language"), QStringLiteral("UI language: en, zh_CN or system."), QStringLiteral("LANG")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"), QStringLiteral("Save a screenshot of the window once the map is drawn, then quit."),
                                  QStringLiteral("PNG")};
    QCommandLineOption size{QStringLiteral("size"), QStringLiteral("Window size, e.g. 1600x1000."), QStringLiteral("WxH")};
    QCommandLineOption table{QStringLiteral("table"), QStringLiteral("Open the attribute table of a layer (id)."), QStringLiteral("LAYER")};
    QCommandLineOption props{QStringLiteral("properties"), QStringLiteral("Show the properties of a layer (id)."), QStringLiteral("LAYER")};
    QCommandLineOption tab{QStringLiteral("properties-tab"), QStringLiteral("Tab of the properties dialog to show."), QStringLiteral("N")};
    QCommandLineOption identify{QStringLiteral("identify"), QStringLiteral("Identify at canvas pixel X,Y."), QStringLiteral("X,Y")};
    QCommandLineOption zoom{QStringLiteral("zoom"), QStringLiteral("Zoom by a factor at the canvas centre."), QStringLiteral("F")};
    QCommandLineOption select{QStringLiteral("select"), QStringLiteral("Select all features of a layer (id)."), QStringLiteral("LAYER")};

    void describe(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QStringLiteral("Refuge — emergency planning GIS"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A *.refuge project to open."), QStringLiteral("[PROJECT]"));
        parser.addOptions({language, screenshot, size, table, props, tab, identify, zoom, select});
    }
};

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Refuge"));
    QCoreApplication::setApplicationName(QStringLiteral("Refuge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REFUGE_VERSION));
}

// --help, --version (or a bad option) print text and quit: no display is needed for
// that, so they are answered before a QApplication tries to open one.
bool textOnly(int argc, char **argv)
{
    static const QStringList kText = {QStringLiteral("-h"), QStringLiteral("--help"), QStringLiteral("--help-all"), QStringLiteral("-?"),
                                      QStringLiteral("-v"), QStringLiteral("--version")};
    for (int i = 1; i < argc; ++i) {
        if (kText.contains(QString::fromLocal8Bit(argv[i])))
            return true;
    }
    return false;
}

int printText(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    nameApplication();
    QCommandLineParser parser;
    const Options options;
    options.describe(parser);
    parser.process(app); // prints and exits
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (textOnly(argc, argv))
        return printText(argc, argv);
    QApplication app(argc, argv);
    nameApplication();

    QCommandLineParser parser;
    const Options options;
    options.describe(parser);
    const QCommandLineOption &languageOpt = options.language, &screenshotOpt = options.screenshot, &sizeOpt = options.size,
                             &tableOpt = options.table, &propsOpt = options.props, &tabOpt = options.tab, &identifyOpt = options.identify,
                             &zoomOpt = options.zoom, &selectOpt = options.select;
    parser.process(app);

    Language::installTranslators(app, parser.isSet(languageOpt) ? parser.value(languageOpt) : Language::stored());

    MainWindow window;
    const bool unattended = parser.isSet(screenshotOpt);
    window.setInteractive(!unattended);
    if (parser.isSet(sizeOpt)) {
        const QStringList wh = parser.value(sizeOpt).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.projects()->openProject(QFileInfo(parser.positionalArguments().front()).absoluteFilePath());

    if (unattended) {
        const QString out = parser.value(screenshotOpt);
        whenIdle(&window, [&] {
            if (parser.isSet(zoomOpt)) {
                window.canvas()->zoomByFactor(parser.value(zoomOpt).toDouble(), window.canvas()->rect().center());
            }
            whenIdle(&window, [&] {
                if (parser.isSet(selectOpt)) {
                    const QString id = parser.value(selectOpt);
                    QSet<int> all;
                    const refuge::desktop::LayerData d = window.document()->layerData(id);
                    for (int i = 0; d.vector && i < d.vector->featureCount(); ++i)
                        all.insert(i);
                    window.document()->setSelection(id, all);
                }
                if (parser.isSet(tableOpt))
                    window.openAttributeTable(parser.value(tableOpt));
                if (parser.isSet(identifyOpt)) {
                    const QStringList xy = parser.value(identifyOpt).split(QLatin1Char(','));
                    const QPoint p(xy.value(0).toInt(), xy.value(1).toInt());
                    const auto hits = window.identifyTool()->identifyAt(p);
                    Q_EMIT window.identifyTool()->identified(hits);
                    if (!hits.isEmpty())
                        window.canvas()->setHighlight(hits.front().layerId, hits.front().feature);
                }
                LayerPropertiesDialog *dialog = nullptr;
                if (parser.isSet(propsOpt) && window.document()->layerById(parser.value(propsOpt))) {
                    dialog = new LayerPropertiesDialog(window.document(), parser.value(propsOpt), &window);
                    dialog->tabs()->setCurrentIndex(parser.value(tabOpt).toInt());
                    dialog->show();
                }
                whenIdle(&window, [&, dialog] {
                    const QPixmap shot = dialog ? dialog->grab() : window.grab();
                    const bool ok = shot.save(out);
                    std::fprintf(stderr, "refuge: screenshot %s %s\n", qPrintable(out), ok ? "saved" : "FAILED");
                    QApplication::exit(ok ? 0 : 1);
                });
            });
        });
    }
    const int code = app.exec();
    refuge::GraphCache::finishAllSaves(); // graph cache files still being written
    return code;
}
