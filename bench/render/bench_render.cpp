// bench_render: time MapRenderer on one layer of a GDAL source at a given size, as
// qgis_render.py does for QGIS (same extent: the layer's; same default-looking style:
// one fill colour, 0.26 mm dark outline, antialiased).
// usage: bench_render GPKG LAYER OUT.png [WIDTH HEIGHT REPEAT]
// prints: load S render-first S render-median S features N bands-threads T
#include "model/VectorLayer.h"
#include "render/MapRenderer.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace refuge;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_render GPKG LAYER OUT.png [WIDTH HEIGHT REPEAT]\n");
        return 2;
    }
    const int width = argc > 4 ? std::atoi(argv[4]) : 1600;
    const int height = argc > 5 ? std::atoi(argv[5]) : 1000;
    const int repeat = argc > 6 ? std::max(1, std::atoi(argv[6])) : 5;
    try {
        QElapsedTimer t;
        t.start();
        auto layer = std::make_shared<const VectorLayer>(
            VectorLayer::load({QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2])}));
        const double loadS = t.nsecsElapsed() / 1e9;

        MapSettings s;
        s.crs = layer->crs();
        s.extent = layer->extent();
        s.outputSize = QSize(width, height);
        MapLayer ml;
        ml.name = layer->name();
        ml.vector = layer;
        ml.style.symbol.fillColor = QColor(190, 207, 80);
        ml.style.symbol.strokeColor = QColor(35, 35, 35);
        ml.style.symbol.strokeWidthMm = 0.26;
        s.layers = {ml};

        t.restart();
        QImage image = MapRenderer::renderImage(s);
        const double firstS = t.nsecsElapsed() / 1e9;
        std::vector<double> times;
        for (int i = 0; i < repeat; ++i) {
            t.restart();
            image = MapRenderer::renderImage(s);
            times.push_back(t.nsecsElapsed() / 1e9);
        }
        std::sort(times.begin(), times.end());
        image.save(QString::fromLocal8Bit(argv[3]));
        std::printf("load %.3f s render-first %.3f s render-median %.3f s features %d threads %d\n", loadS, firstS,
                    times[times.size() / 2], layer->featureCount(), QThread::idealThreadCount());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_render: %s\n", e.what());
        return 1;
    }
    return 0;
}
