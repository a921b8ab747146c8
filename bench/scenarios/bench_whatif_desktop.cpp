// The desktop what-if loop on the Cambridge sample (issue 16), through the UI path:
// the main window (offscreen) on a copy of the sample, a scenario "+ moved shelter"
// made in the Scenarios panel's session, then RUNS times: a shelter dragged 40 px with
// the Move tool (real mouse events), "Run coverage under this scenario" clicked, and
// the time measured until the coverage layers are added to the project and the map has
// re-rendered with them ("seeing the updated coverage"); then the same for "Compare
// with baseline". Prints each run and the median. The graph cache is warmed by a first
// run that is not counted.
//   QT_QPA_PLATFORM=offscreen build/default/bench/bench_whatif_desktop [RUNS]
#include "canvas/MapCanvas.h"
#include "document/ProjectDocument.h"
#include "mainwindow/MainWindow.h"
#include "model/VectorLayer.h"
#include "scenarios/ScenarioRunner.h"
#include "scenarios/ScenarioSession.h"
#include "scenarios/ScenarioWorkbench.h"
#include "scenarios/ScenariosPanel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace refuge;
using namespace refuge::desktop;

namespace {

bool idle(MapCanvas *canvas) { return !canvas->isRendering() && !canvas->document()->isLoading(); }

// Drags shelter `row` by 40 px to the right with the Move tool.
void dragShelter(MainWindow &w, int row)
{
    MapCanvas *canvas = w.canvas();
    const LayerData d = w.document()->layerData(QStringLiteral("shelters"));
    const QPoint from = canvas->toPixel(d.vector->geometry(row).ringPoints(0)[0]).toPoint();
    w.scenarios()->actions()[2]->trigger();
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas, from + QPoint(40, 0));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, from + QPoint(40, 0));
}

// Clicks `button`, returns the milliseconds until the run's layers are drawn (-1: failed).
double timeRun(MainWindow &w, QPushButton *button)
{
    MapCanvas *canvas = w.canvas();
    const int renders = canvas->renderCount();
    QSignalSpy done(w.scenarios()->runner(), &ScenarioRunner::finished);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(button, Qt::LeftButton);
    if (!done.wait(120000) || !done.front().at(0).toBool())
        return -1;
    std::printf("  run and layers added: %lld ms, ", done.front().at(2).toLongLong());
    if (!QTest::qWaitFor([&] { return canvas->renderCount() > renders && idle(canvas); }, 60000))
        return -1;
    return double(clock.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    QTemporaryDir dir;
    const QString src = QStringLiteral(REFUGE_BENCH_SOURCE_DIR "/maps/cambridge/");
    for (const char *f : {"cambridge.refuge", "cambridge.gpkg"})
        QFile::copy(src + QLatin1String(f), dir.filePath(QLatin1String(f)));
    MainWindow w;
    w.setInteractive(false);
    w.resize(1200, 800);
    w.show();
    w.document()->open(dir.filePath(QStringLiteral("cambridge.refuge")));
    if (!QTest::qWaitFor([&] { return w.canvas()->hasImage() && idle(w.canvas()); }, 60000)) {
        std::fprintf(stderr, "the Cambridge sample did not load\n");
        return 1;
    }
    w.scenarios()->session()->create(QStringLiteral("+ moved shelter"));
    ScenariosPanel *panel = w.scenarios()->panel();
    for (const char *what : {"coverage", "compare"}) {
        QPushButton *button = QByteArray(what) == "coverage" ? panel->coverageButton() : panel->compareButton();
        timeRun(w, button); // warm-up: graph cache
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            dragShelter(w, i % 10);
            ms.push_back(timeRun(w, button));
            std::printf("%s run %d: %.0f ms (shelter moved → layers drawn)\n", what, i + 1, ms.back());
        }
        std::printf("%s: median %.0f ms over %d runs\n", what, median(ms), runs);
    }
    return 0;
}
