// checkProject (see ProjectCheck.h): every layer opened as the map opens it.
#include "io/ProjectCheck.h"
#include "io/TextEncoding.h"
#include "crs/CoordinateTransform.h"
#include "io/OffsetCheck.h"
#include "io/ProjectLayerReader.h"
#include "util/Error.h"

namespace refuge {

int ProjectCheckResult::errorCount() const
{
    int n = 0;
    for (const ProjectProblem &p : problems)
        n += p.severity == ProjectProblem::Severity::Error ? 1 : 0;
    return n;
}

QList<Role> requiredRoles(const Project &project)
{
    QList<Role> roles;
    auto need = [&](Role r) {
        if (!roles.contains(r))
            roles << r;
    };
    if (project.analysis.contains(QStringLiteral("coverage"))) {
        need(Role::Roads);
        need(Role::Shelters);
        need(Role::Population);
    }
    if (project.analysis.contains(QStringLiteral("fire"))) {
        need(Role::Roads);
        need(Role::FireStations);
    }
    return roles;
}

ProjectCheckResult checkProject(const Project &project)
{
    ProjectCheckResult result;
    auto error = [&](const QString &id, const QString &msg) {
        result.problems.push_back({ProjectProblem::Severity::Error, id, msg});
    };
    auto warning = [&](const QString &id, const QString &msg) {
        result.problems.push_back({ProjectProblem::Severity::Warning, id, msg});
    };
    for (Role role : requiredRoles(project))
        if (!project.layerWithRole(role))
            error({}, QStringLiteral("no layer has the role '%1' (needed by the analyses in the project)").arg(roleName(role)));

    std::shared_ptr<const VectorLayer> streets;
    std::vector<std::pair<QString, std::shared_ptr<const VectorLayer>>> pointLayers;
    for (const ProjectLayer &l : project.layers) {
        const DataSource src = project.dataSource(l);
        try {
            if (!l.encoding.isEmpty())
                checkEncoding(l.encoding, QStringLiteral("encoding"));
            const ProjectLayerData data = openProjectLayer(project, l);
            if (data.raster) {
                const RasterLayer &r = *data.raster;
                CoordinateTransform ct(r.crs(), project.crs);
                result.notes << QStringLiteral("%1: raster %2×%3, %4 band(s), %5")
                                    .arg(l.id).arg(r.width()).arg(r.height()).arg(r.bandCount()).arg(r.crs().label());
                continue;
            }
            const VectorLayer &v = *data.vector;
            if (l.role == Role::Roads && !streets)
                streets = data.vector;
            else if (dimension(v.geometryType()) == 0)
                pointLayers.emplace_back(l.id, data.vector);
            result.notes << QStringLiteral("%1 (%2): %3 %4 feature(s), %5")
                                .arg(l.id, roleName(l.role)).arg(v.featureCount())
                                .arg(geometryTypeName(v.geometryType()), v.sourceCrs().authId().isEmpty() ? v.sourceCrs().name() : v.sourceCrs().authId());
            for (const QString &m : v.report().messages())
                warning(l.id, QStringLiteral("%1: %2").arg(src.displayName(), m));
            if (v.featureCount() == 0)
                error(l.id, QStringLiteral("%1: layer has no features").arg(src.displayName()));
            const int dim = dimension(v.geometryType());
            if (l.role == Role::Roads && dim != 1)
                error(l.id, QStringLiteral("%1: role 'roads' needs lines, layer has %2").arg(src.displayName(), geometryTypeName(v.geometryType())));
            if ((l.role == Role::Communities || l.role == Role::OfficialDistricts) && dim != 2)
                error(l.id, QStringLiteral("%1: role '%2' needs polygons, layer has %3")
                                .arg(src.displayName(), roleName(l.role), geometryTypeName(v.geometryType())));
            for (const QString &key : requiredFieldKeys(l.role)) {
                const QStringList alternatives = key.split(QLatin1Char('|'));
                bool mapped = false;
                for (const QString &k : alternatives)
                    mapped = mapped || !l.field(k).isEmpty();
                if (!mapped)
                    error(l.id, QStringLiteral("role '%1' needs the field mapping '%2'").arg(roleName(l.role), key));
            }
            for (auto it = l.fields.begin(); it != l.fields.end(); ++it)
                if (v.fieldIndex(it.value()) < 0)
                    error(l.id, QStringLiteral("%1: mapped field %2 = '%3' does not exist").arg(src.displayName(), it.key(), it.value()));
        } catch (const Error &e) {
            error(l.id, e.message());
        }
    }
    if (streets && dimension(streets->geometryType()) == 1)
        for (const auto &[id, points] : pointLayers)
            if (const OffsetCheckResult offset = OffsetCheck::check(*points, *streets); offset.looksGcj02)
                warning(id, QStringLiteral("%1: %2").arg(points->source().displayName(), offset.message));
    return result;
}

} // namespace refuge
