#pragma once
// ReportMaps: the report's maps, drawn with the core renderer (MapRenderer) from the
// project's layers and the analyses' result GeoPackages. Needs a QGuiApplication
// (fonts); synchronous; any thread once it exists.
#include <QImage>
#include <QString>

namespace refuge {

class Feedback;
class Project;

class ReportMaps {
public:
    // Areas by covered share, streets, service areas, people out of reach (the layer
    // `uncovered`, drawn when `drawUncovered` — the results have it only when the per-unit
    // layer was asked for), shelters. Empty image when coverage.gpkg is missing.
    static QImage coverageMap(const Project &project, const QString &coverageGpkg, bool drawUncovered, QSize size, Feedback &feedback);
    // First-due zones by station, differences from the official districts, stations.
    static QImage fireMap(const Project &project, const QString &fireGpkg, QSize size, Feedback &feedback);
};

} // namespace refuge
