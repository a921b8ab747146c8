#pragma once
// ProjectJobSettings: the settings of each analysis job filled from a project — the
// layers with the roles each needs (roads, shelters, population, communities,
// fire_stations, official_districts), their field mappings, and the project's
// `analysis` section (profile, max_meters / max_minutes, assignment, turnout,
// suburban, standard + standard_overrides). Missing roles leave the source empty;
// the job then refuses with a message (the desktop dialog shows it before running).
// Used by `refuge-cli run` and the desktop dialogs. Pure functions; any thread.
#include "analysis/jobs/CoverageJob.h"
#include "analysis/jobs/FireJob.h"
#include "analysis/jobs/ServiceAreaJob.h"
#include "analysis/jobs/ZonesJob.h"
#include "model/Project.h"

namespace refuge {

class ProjectJobSettings {
public:
    // Roads of the project with its one-way/speed/class fields, the profile of
    // analysis.<section> (else defaultProfile), its limit, and the project CRS when metric.
    // Every builder checks what it reads (types, names, ParameterRanges) and throws
    // InvalidInput "<project>: analysis.fire.max_minutes: must be a number ...".
    static NetworkSettings network(const Project &project, const QString &section, const QString &defaultProfile);
    // demandLayer from analysis.coverage.demand_layer (true/false), else `demandLayerByDefault`
    // (the front end's default: the desktop and a `run` that writes the report show it).
    static CoverageSettings coverage(const Project &project, bool demandLayerByDefault = false);
    static FireSettings fire(const Project &project);
    // Shelters as facilities; profile and limit from analysis.service_area, else coverage.
    static ServiceAreaSettings serviceArea(const Project &project);
    static ZonesSettings zones(const Project &project);

    static QString standardName(const Project &project);
    static QStringList standardOverrides(const Project &project); // "KEY=NUMBER", checked against the standard
    // Builds the settings of every analysis configured in the project and throws the
    // first problem (as above). `validate` and `run` both call it before anything else,
    // so they refuse the same projects with the same message.
    static void check(const Project &project);
    // "<project folder>/results", or empty for a project never saved.
    static QString resultsDirectory(const Project &project);
};

} // namespace refuge
