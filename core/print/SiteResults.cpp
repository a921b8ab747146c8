#include "print/SiteResults.h"

#include "analysis/AnalysisFiles.h"
#include "model/VectorLayer.h"
#include "print/CoverageResults.h"
#include "util/Error.h"

#include <QDir>

namespace refuge {

QString SiteResults::exposureFolder(const QString &dir)
{
    return CoverageResults::runFolder(dir, QStringLiteral("exposure"), QStringLiteral("exposure.gpkg"));
}

SiteResults SiteResults::load(const QString &dir, const Crs &target)
{
    const QString folder = exposureFolder(dir);
    if (folder.isEmpty())
        throw IoError(fileMessage(dir, QStringLiteral("no exposure results (exposure.gpkg here or in exposure/; run refuge-cli exposure or run first)")));
    if (AnalysisFiles::completeSummary(folder).isEmpty())
        throw IoError(fileMessage(folder, QStringLiteral("incomplete exposure results (summary.json without \"complete\": true)")));
    LoadOptions options;
    options.targetCrs = target;
    const VectorLayer sources = VectorLayer::load(DataSource{QDir(folder).filePath(QStringLiteral("exposure.gpkg")), QStringLiteral("sources")}, options);
    const int id = sources.requireField(QStringLiteral("id")), isolation = sources.requireField(QStringLiteral("isolation_m")),
              protection = sources.requireField(QStringLiteral("protection_m")), name = sources.fieldIndex(QStringLiteral("name"));
    SiteResults r;
    r.m_folder = folder;
    for (int i = 0; i < sources.featureCount(); ++i) {
        HazardSite s;
        s.id = sources.attribute(i, id).toString();
        s.name = name >= 0 ? sources.attribute(i, name).toString() : QString();
        s.point = sources.geometry(i).bounds().center();
        s.isolationM = sources.attribute(i, isolation).toDouble();
        s.protectionM = sources.attribute(i, protection).toDouble();
        for (int f = 0; f < int(sources.fields().size()); ++f)
            s.row.insert(sources.fields()[std::size_t(f)].name, sources.attribute(i, f));
        r.m_sites.push_back(std::move(s));
    }
    return r;
}

} // namespace refuge
