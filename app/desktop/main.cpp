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

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Refuge"));
    QApplication::setApplicationName(QStringLiteral("Refuge"));
    QApplication::setApplicationVersion(QStringLiteral(REFUGE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Refuge — emergency planning GIS"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A *.refuge project to open."), QStringLiteral("[PROJECT]"));
    const QCommandLineOption languageOpt(QStringLiteral("language"), QStringLiteral("UI language: en, zh_CN or system."), QStringLiteral("LANG"));
    const QCommandLineOption screenshotOpt(QStringLiteral("screenshot"),
                                           QStringLiteral("Save a screenshot of the window once the map is drawn, then quit."), QStringLiteral("PNG"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1600x1000."), QStringLiteral("WxH"));
    const QCommandLineOption tableOpt(QStringLiteral("table"), QStringLiteral("Open the attribute table of a layer (id)."), QStringLiteral("LAYER"));
    const QCommandLineOption propsOpt(QStringLiteral("properties"), QStringLiteral("Show the properties of a layer (id)."), QStringLiteral("LAYER"));
    const QCommandLineOption tabOpt(QStringLiteral("properties-tab"), QStringLiteral("Tab of the properties dialog to show."), QStringLiteral("N"));
    const QCommandLineOption identifyOpt(QStringLiteral("identify"), QStringLiteral("Identify at canvas pixel X,Y."), QStringLiteral("X,Y"));
    const QCommandLineOption zoomOpt(QStringLiteral("zoom"), QStringLiteral("Zoom by a factor at the canvas centre."), QStringLiteral("F"));
    const QCommandLineOption selectOpt(QStringLiteral("select"), QStringLiteral("Select all features of a layer (id)."), QStringLiteral("LAYER"));
    parser.addOptions({languageOpt, screenshotOpt, sizeOpt, tableOpt, propsOpt, tabOpt, identifyOpt, zoomOpt, selectOpt});
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
