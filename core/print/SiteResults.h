#pragma once
// SiteResults: the hazardous-chemical sites of a finished exposure run, read back for
// printing — exposure.gpkg's "sources" layer (one point per site with its isolation and
// protection distances, the population within each and the shelters, schools and
// hospitals inside them, see ExposureJob) in the map's CRS.
#include "crs/Crs.h"

#include <QPointF>
#include <QString>
#include <QVariantMap>
#include <vector>

namespace refuge {

struct HazardSite {
    QString id, name;
    QPointF point;                  // in the target CRS
    double isolationM = 0, protectionM = 0;
    QVariantMap row;                // every field of the sources layer, by name
    QString label() const { return name.isEmpty() ? id : name; }
};

class SiteResults {
public:
    // `dir` itself or its exposure/ subfolder when it holds exposure.gpkg; empty when neither does.
    static QString exposureFolder(const QString &dir);
    // Throws IoError naming the folder when it holds no complete exposure run (or one
    // without a sources layer: written before sites were mapped).
    static SiteResults load(const QString &dir, const Crs &target);

    const std::vector<HazardSite> &sites() const { return m_sites; }
    QString folder() const { return m_folder; }

private:
    QString m_folder;
    std::vector<HazardSite> m_sites;
};

} // namespace refuge
