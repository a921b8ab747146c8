#pragma once
// ResultStyleFiles: an analysis run's results GeoPackages made to open styled — each
// output layer's default style (ResultStyles) stored in its GeoPackage's layer_styles
// table (GpkgStyles) as QGIS QML (with Refuge's Style JSON) and SLD, so QGIS and Refuge
// open them styled from any folder. The run's summary.json (the folder's completion
// mark) is held aside under a temporary name meanwhile and put back last. Layers not in
// a local GeoPackage (a database, nothing written) are left alone. Synchronous.
#include "analysis/framework/AnalysisResult.h"

#include <QStringList>
#include <QStringView>

namespace refuge {

class ResultStyleFiles {
public:
    // The layers styled; a GeoPackage that cannot take its styles gives a warning line
    // (the results stay as written). Throws IoError only when summary.json cannot be put
    // back.
    static QStringList write(const AnalysisResult &result, QStringView lang, int *styled = nullptr);
};

} // namespace refuge
