#pragma once
// CommunityPages: fills an atlas plan's pages with what a community's public
// evacuation map shows beyond the map itself — from a finished coverage run
// (CoverageResults) and the road network (NetworkRoute):
//   - {covered_share} / {result.FIELD}: the community's row of the run's areas;
//   - the table of its assigned shelters (name, capacity, residents assigned,
//     distance_m and minutes walked from the community's centre along the network);
//   - the overlay: "you are here" at the community's centre (a point on its surface),
//     the assigned shelters ringed, the walking routes to them; the page's extent
//     grows to show them.
// Communities are matched to the run's areas by the value of `areaField` (the
// communities role's name field, as the coverage analysis names its areas). A page whose
// community the run lacks, or whose shelter no route reaches, is named in a warning.
// Synchronous; routes computed in parallel (QtConcurrent); any thread.
#include "print/Atlas.h"
#include "print/CoverageResults.h"
#include "print/NetworkRoute.h"

namespace refuge {

class Feedback;
class Project;
class VectorLayer;

struct CommunityPageOptions {
    QString areaField;            // coverage-layer field naming the run's areas
    int maxShelters = 3;          // table rows and routes per page
    double maxRouteMeters = 30000;
};

class CommunityPages {
public:
    // `layer`: the atlas's coverage layer (the plan's rows index it), in the map CRS
    // the results were loaded into. `routes` may be null (no network: no routes, no
    // distances). Throws InvalidInput when areaField is not a field of the layer.
    static void fill(AtlasPlan &plan, const VectorLayer &layer, const CoverageResults &results, const NetworkRoute *routes,
                     const CommunityPageOptions &options, Feedback *feedback = nullptr);

    // True when the layout prints community content: a table, {covered_share} or {result.*}.
    static bool wanted(const PrintLayout &layout);
    // fill() for a project's atlas: the results of `resultsDir` (a run or coverage
    // folder), the network of the project's coverage settings (built or from the
    // cache), the area field = the coverage layer's "name" mapping (else `nameField`).
    // Throws IoError when `resultsDir` holds no complete coverage run, InvalidInput
    // when no area field is known; a network that cannot be opened is a warning (no routes).
    static void fillFromProject(AtlasPlan &plan, const Project &project, const MapSettings &map, const QString &coverageLayerId,
                                const QString &nameField, const QString &resultsDir, Feedback &feedback);
};

} // namespace refuge
