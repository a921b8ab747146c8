#include "print/CoverageResults.h"

#include "analysis/AnalysisFiles.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace refuge {
namespace {

VectorLayer loadLayer(const QString &gpkg, const QString &name, const Crs &target)
{
    LoadOptions options;
    options.targetCrs = target;
    return VectorLayer::load(DataSource{gpkg, name}, options);
}

} // namespace

QString CoverageResults::runFolder(const QString &dir, const QString &subfolder, const QString &file)
{
    for (const QString &candidate : {dir, QDir(dir).filePath(subfolder)})
        if (QFileInfo::exists(QDir(candidate).filePath(file)))
            return QDir::cleanPath(candidate);
    return {};
}

QString CoverageResults::coverageFolder(const QString &dir)
{
    return runFolder(dir, QStringLiteral("coverage"), QStringLiteral("coverage.gpkg"));
}

CoverageResults CoverageResults::load(const QString &dir, const Crs &target)
{
    const QString folder = coverageFolder(dir);
    if (folder.isEmpty())
        throw IoError(fileMessage(dir, QStringLiteral("no coverage results (coverage.gpkg here or in coverage/; run refuge-cli run first)")));
    if (AnalysisFiles::completeSummary(folder).isEmpty())
        throw IoError(fileMessage(folder, QStringLiteral("incomplete coverage results (summary.json without \"complete\": true)")));
    const QString gpkg = QDir(folder).filePath(QStringLiteral("coverage.gpkg"));
    CoverageResults r;
    r.m_folder = folder;

    const VectorLayer areas = loadLayer(gpkg, QStringLiteral("areas"), target);
    const int areaName = areas.requireField(QStringLiteral("area"));
    for (int i = 0; i < areas.featureCount(); ++i) {
        QVariantMap row;
        for (int f = 0; f < int(areas.fields().size()); ++f)
            row.insert(areas.fields()[std::size_t(f)].name, areas.attribute(i, f));
        r.m_areas.insert(areas.attribute(i, areaName).toString(), row);
    }

    const VectorLayer facilities = loadLayer(gpkg, QStringLiteral("facilities"), target);
    const int id = facilities.requireField(QStringLiteral("facility")), name = facilities.requireField(QStringLiteral("name")),
              capacity = facilities.requireField(QStringLiteral("capacity"));
    for (int i = 0; i < facilities.featureCount(); ++i) {
        const Geometry &g = facilities.geometry(i);
        AssignedShelter s{facilities.attribute(i, id).toString(), facilities.attribute(i, name).toString(), facilities.attribute(i, capacity),
                          0, g.isEmpty() ? QPointF(qQNaN(), qQNaN()) : g.bounds().center()};
        r.m_facilities.insert(s.id, s);
    }

    const VectorLayer demand = loadLayer(gpkg, QStringLiteral("demand"), target);
    const int to = demand.requireField(QStringLiteral("assigned_to")), assigned = demand.requireField(QStringLiteral("assigned")),
              area = demand.requireField(QStringLiteral("area"));
    for (int i = 0; i < demand.featureCount(); ++i) {
        const QString facility = demand.attribute(i, to).toString();
        if (!facility.isEmpty())
            r.m_assignedByArea[demand.attribute(i, area).toString()][facility] += demand.attribute(i, assigned).toDouble();
    }
    return r;
}

std::vector<AssignedShelter> CoverageResults::assigned(const QString &area) const
{
    std::vector<AssignedShelter> out;
    const QHash<QString, double> byFacility = m_assignedByArea.value(area);
    for (auto it = byFacility.begin(); it != byFacility.end(); ++it) {
        AssignedShelter s = m_facilities.value(it.key(), AssignedShelter{it.key(), it.key(), {}, 0, QPointF(qQNaN(), qQNaN())});
        s.residents = it.value();
        out.push_back(s);
    }
    std::sort(out.begin(), out.end(), [](const AssignedShelter &a, const AssignedShelter &b) {
        return a.residents != b.residents ? a.residents > b.residents : a.id < b.id;
    });
    return out;
}

} // namespace refuge
