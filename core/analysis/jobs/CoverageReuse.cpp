// CoverageReuse: inputs and per-facility searches kept from one coverage run for the next.
#include "analysis/jobs/CoverageReuse.h"

#include <QDateTime>
#include <QFileInfo>

namespace refuge {

namespace {

// Every setting NetworkInputs::openNetwork() reads, with the files' state.
QString networkKey(const NetworkSettings &s)
{
    const QString network = CoverageReuse::sourceKey(s.network);
    const QString barriers = s.barriers.path.isEmpty() ? QStringLiteral("-") : CoverageReuse::sourceKey(s.barriers);
    if (network.isEmpty() || barriers.isEmpty())
        return {};
    QStringList parts{network, barriers, s.profile, s.onewayField, s.speedField, s.classField, s.fromNodeField, s.toNodeField,
                      QString::number(s.toleranceMeters, 'g', 17), s.crs.wkt(), QString::number(int(s.useCache)), s.cacheDirectory,
                      QString::number(s.barrierFactor, 'g', 17), QString::number(int(s.unit)), QString::number(s.limit, 'g', 17),
                      QString::number(int(s.snapLegs))};
    for (double b : s.breaks)
        parts << QString::number(b, 'g', 17);
    // A profile given as a .json file: its state too.
    if (s.profile.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        parts << CoverageReuse::sourceKey(DataSource{s.profile, {}});
    return parts.join(QChar(0x1f));
}

} // namespace

QString CoverageReuse::sourceKey(const DataSource &source)
{
    if (source.path.isEmpty() || isConnectionString(source.path))
        return {};
    const QFileInfo info(source.path);
    if (!info.exists())
        return {};
    return QStringLiteral("%1@%2|%3|%4")
        .arg(info.absoluteFilePath(), source.layer)
        .arg(info.size())
        .arg(info.lastModified().toMSecsSinceEpoch());
}

void CoverageReuse::beginRun()
{
    m_networkReused = m_demandReused = m_snappedReused = m_areasReused = m_demandAreaReused = false;
}

template <typename T>
T CoverageReuse::get(Kept<T> &kept, const QString &key, const std::function<T()> &make, bool &reused)
{
    reused = !key.isEmpty() && kept.value && kept.key == key;
    if (reused)
        return *kept.value;
    T value = make();
    kept.key = key;
    kept.value.reset();
    if (!key.isEmpty())
        kept.value = value;
    return value;
}

NetworkInputs CoverageReuse::open(const NetworkSettings &s, Feedback &feedback)
{
    NetworkInputs in = get<NetworkInputs>(m_network, networkKey(s), [&] { return NetworkInputs::openNetwork(s, feedback); }, m_networkReused);
    // The facilities of this run, always read and snapped afresh.
    in.settings = s;
    in.facilities = VectorLayer();
    in.facilityIds.clear();
    in.snapped = SnappedLayer();
    in.sources.clear();
    if (m_networkReused) {
        in.setupSeconds = 0;
        in.graphReport.cacheSave = {}; // finished (and any failure told) by the run that opened it
    }
    in.loadFacilities(feedback);
    return in;
}

DemandSet CoverageReuse::demand(const QString &key, const std::function<DemandSet()> &load)
{
    return get<DemandSet>(m_demand, key, load, m_demandReused);
}

SnappedLayer CoverageReuse::snappedDemand(const QString &demandKey, double snapMaxMeters, const std::function<SnappedLayer()> &snap)
{
    const QString key = demandKey.isEmpty() || m_network.key.isEmpty()
                            ? QString()
                            : QStringList{demandKey, QString::number(snapMaxMeters, 'g', 17), m_network.key}.join(QChar(0x1e));
    return get<SnappedLayer>(m_snapped, key, snap, m_snappedReused);
}

CoverageAreas CoverageReuse::areas(const QString &key, const std::function<CoverageAreas()> &load)
{
    return get<CoverageAreas>(m_areas, key, load, m_areasReused);
}

std::vector<int> CoverageReuse::demandArea(const std::function<std::vector<int>()> &locate)
{
    const QString key = m_demand.key.isEmpty() || m_areas.key.isEmpty() ? QString() : m_demand.key + QChar(0x1e) + m_areas.key;
    return get<std::vector<int>>(m_demandArea, key, locate, m_demandAreaReused);
}

QJsonObject CoverageReuse::lastRun() const
{
    return QJsonObject{{QStringLiteral("network"), m_networkReused},
                       {QStringLiteral("demand"), m_demandReused},
                       {QStringLiteral("snapped_demand"), m_snappedReused},
                       {QStringLiteral("areas"), m_areasReused},
                       {QStringLiteral("demand_areas"), m_demandAreaReused},
                       {QStringLiteral("facility_searches"), m_costs.searched()},
                       {QStringLiteral("facility_searches_reused"), m_costs.reused()}};
}

} // namespace refuge
