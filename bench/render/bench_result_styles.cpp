// bench_result_styles RESULTS_DIR [REPEATS]: the cost of storing result styles —
// every layer of every GeoPackage of a `refuge-cli run` out folder that has a stored
// Refuge style gets it written again (QML + SLD built, layer_styles row replaced), as
// ResultStyleFiles does after a run. Prints layers, GeoPackages and the best time of
// REPEATS (default 5) rounds; compare with the run's own wall time.
#include "io/GpkgStyles.h"
#include "io/ResultsFolder.h"
#include "model/VectorLayer.h"
#include "render/StyleExport.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>
#include <limits>
#include <map>

using namespace refuge;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout), err(stderr);
    if (argc < 2) {
        err << "usage: bench_result_styles RESULTS_DIR [REPEATS]\n";
        return 2;
    }
    const int repeats = argc > 2 ? std::max(1, QString::fromLocal8Bit(argv[2]).toInt()) : 5;
    try {
        struct Item {
            ResultsFolderLayer layer;
            Style style;
        };
        std::vector<Item> items;
        for (const ResultsFolderLayer &l : ResultsFolder::layers(QString::fromLocal8Bit(argv[1]))) {
            const VectorLayer v = VectorLayer::load(DataSource{l.file, l.layer});
            if (!v.storedStyle().isEmpty())
                items.push_back({l, Style::fromJson(v.storedStyle())});
        }
        std::map<QString, std::vector<const Item *>> byFile;
        for (const Item &i : items)
            byFile[i.layer.file].push_back(&i);
        double best = std::numeric_limits<double>::max();
        for (int r = 0; r < repeats; ++r) {
            QElapsedTimer t;
            t.start();
            for (const auto &[file, list] : byFile) { // as ResultStyleFiles: one read and one write per file
                const std::map<QString, GpkgLayerInfo> infos = GpkgStyles::layerInfos(file);
                std::vector<GpkgStyle> rows;
                for (const Item *i : list) {
                    const GpkgLayerInfo &info = infos.at(i->layer.layer);
                    rows.push_back({i->layer.layer, info.geometryColumn, i->layer.layer, StyleExport::qml(i->style, info.dimension),
                                    StyleExport::sld(i->style, info.dimension, i->layer.layer), i->layer.title});
                }
                GpkgStyles::write(file, rows);
            }
            best = std::min(best, double(t.nsecsElapsed()) / 1e6);
        }
        out << items.size() << " styled layers in " << byFile.size() << " GeoPackages: " << QString::number(best, 'f', 1) << " ms (best of "
            << repeats << ")\n";
    } catch (const Error &e) {
        err << e.message() << "\n";
        return 1;
    }
    return 0;
}
