#pragma once
// SitePages: one map and one table per street/town for hazardous-chemical sites
// (一张图一张表). Fills an atlas plan's pages from a finished exposure run
// (SiteResults): each page lists the sites lying in its feature (street, town,
// community) — name, isolation and protection distances, residents within each, the
// shelters, schools and hospitals inside them — draws each site with its two distance
// rings, grows the page's extent to show the rings whole, and gives the page's totals
// to {sites.count}, {sites.pop_isolation} and {sites.pop_protection} (sums over the
// page's sites: a resident within two sites' rings counts for each).
// A layout asks for this with a table of site columns (PageItems::isSiteTable) or a
// {sites.…} text. Synchronous; any thread (GEOS and PROJ objects made on it).
#include "print/Atlas.h"
#include "print/SiteResults.h"

namespace refuge {

class Feedback;

class SitePages {
public:
    // `layer`: the atlas's coverage layer (the plan's rows index it), in the CRS the
    // sites were loaded into. A site on no page's feature is counted in a warning.
    static void fill(AtlasPlan &plan, const VectorLayer &layer, const SiteResults &sites, Feedback *feedback = nullptr);
    // True when the layout prints site content.
    static bool wanted(const PrintLayout &layout);
    // fill() with the sites of `resultsDir` (a run's folder or an exposure folder), in
    // the map's CRS. Throws IoError when it holds no complete exposure run, InvalidInput
    // when the coverage layer is not in the map.
    static void fillFromResults(AtlasPlan &plan, const MapSettings &map, const QString &coverageLayerId, const QString &resultsDir,
                                Feedback &feedback);
    // A circle of `metres` around `centre` (map units of `crs`), traced in a metric CRS
    // around it, so that it stays true in degrees and in any projection.
    static QPolygonF ring(QPointF centre, double metres, const Crs &crs);
};

} // namespace refuge
