#pragma once
// ProjectCheck: what `refuge-cli validate` and the desktop's project check report —
// every layer opens, the roles analyses need are present, CRSs can be transformed to
// the project CRS and mapped fields exist. Opens layers (GDAL), so call it off the
// GUI thread for large projects.
#include "model/Project.h"

#include <QStringList>

namespace refuge {

struct ProjectProblem {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString layerId; // empty for project-level problems
    QString message; // one line
};

struct ProjectCheckResult {
    std::vector<ProjectProblem> problems;
    QStringList notes; // per-layer summaries ("shelters: 15 Point features, EPSG:4326")
    int errorCount() const;
};

// Roles the analyses configured in the project need ("coverage": roads, shelters,
// population; "fire": roads, fire_stations). A project with no analyses needs none.
QList<Role> requiredRoles(const Project &project);

ProjectCheckResult checkProject(const Project &project);

} // namespace refuge
