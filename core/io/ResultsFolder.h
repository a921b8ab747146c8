#pragma once
// ResultsFolder: the layers of a results folder written by refuge-cli or the desktop —
// a folder of one analysis (its GeoPackages and summary.json) or a `refuge-cli run`
// out folder (one such folder per analysis) — to open them again in the desktop. Each
// layer's title is the description of its stored style (GpkgStyles: the run writes the
// output's title there), else its layer name; its group is the analysis folder. The
// GeoPackages' layer_styles tables are no layers. Synchronous; any thread.
#include <QString>
#include <vector>

namespace refuge {

struct ResultsFolderLayer {
    QString file;      // the GeoPackage
    QString layer;     // the layer in it
    QString title;     // "Shelter service areas"
    QString group;     // the analysis folder's name ("coverage")
    bool complete = false; // its folder's summary.json says "complete": true
    int dimension = -1;    // 0 points, 1 lines, 2 polygons, -1 other
    bool detail = false;   // a bulky detail layer (GpkgStyles::kDetailProperty): open it hidden
};

class ResultsFolder {
public:
    // In file-name order, each file's layers in their order. Throws IoError naming the
    // folder when it holds no GeoPackage (directly or one folder down), or one of them
    // cannot be read.
    static std::vector<ResultsFolderLayer> layers(const QString &dir);
};

} // namespace refuge
