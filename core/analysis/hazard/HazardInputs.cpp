// HazardInputs: the project's hazard layers read into HazardZones in the working CRS.
#include "analysis/hazard/HazardJobs.h"

#include "io/LayerProbe.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

namespace refuge {

void HazardInputs::check(const Project &project, const QStringList &only)
{
    const QString projectName = project.filePath().isEmpty() ? QStringLiteral("project") : project.filePath();
    for (const QString &id : only) {
        const ProjectLayer *l = project.layerById(id);
        if (!l || l->role != Role::Hazard)
            throw InvalidInput(fileMessage(projectName, QStringLiteral("the scenario names layer '%1', which is %2").arg(id,
                l ? QStringLiteral("not a hazard layer (role %1)").arg(roleName(l->role)) : QStringLiteral("not in the project"))));
    }
    bool any = false;
    for (const ProjectLayer &l : project.layers) {
        if (l.role != Role::Hazard || (!only.isEmpty() && !only.contains(l.id)))
            continue;
        any = true;
        HazardSettings s;
        try {
            s = HazardSettings::of(l);
        } catch (const InvalidInput &e) {
            throw InvalidInput(fileMessage(projectName, e.message()));
        }
        if (s.level.kind != HazardLevelMapping::Kind::Constant && s.level.field.isEmpty() && s.level.kind != HazardLevelMapping::Kind::Breaks)
            throw InvalidInput(fileMessage(projectName, QStringLiteral("hazard layer '%1' has no level mapping: set its hazard.level (a field "
                                                                      "with values or breaks, or a constant level 1–5)").arg(l.id)));
    }
    if (!any)
        throw InvalidInput(fileMessage(projectName, QStringLiteral("no layer with the role hazard")));
}

HazardInputs HazardInputs::load(const Project &project, const Crs &working, const QStringList &only, Feedback &feedback)
{
    check(project, only);
    HazardInputs in;
    for (const ProjectLayer &l : project.layers) {
        if (l.role != Role::Hazard || (!only.isEmpty() && !only.contains(l.id)))
            continue;
        feedback.throwIfCanceled();
        const HazardSettings s = HazardSettings::of(l);
        const DataSource src = project.dataSource(l);
        const Crs stated = l.crs.isEmpty() ? Crs() : Crs::fromUserInput(l.crs);
        HazardZones z;
        if (!isConnectionString(src.path) && probeDataset(src.path).raster && !probeDataset(src.path).vector) {
            z = HazardZones::fromRaster(RasterLayer::open(src.path, stated), s, l.id, working);
        } else {
            LoadOptions o;
            o.targetCrs = working;
            o.assumedCrs = stated;
            o.encoding = l.encoding;
            const VectorLayer layer = VectorLayer::load(src, o);
            layer.report().reportTo(feedback, src.displayName(), QStringLiteral("hazard features"));
            z = HazardZones::fromLayer(layer, s, l.id, l.field(QStringLiteral("id")), l.field(QStringLiteral("name")));
        }
        for (const QString &p : z.problems())
            p.contains(QLatin1String("left out")) ? feedback.inputProblem(p) : feedback.warn(p);
        in.zones.append(z);
        in.layerIds << l.id;
    }
    return in;
}

} // namespace refuge
