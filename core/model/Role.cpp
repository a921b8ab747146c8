#include "model/Role.h"

#include <array>
#include <utility>

namespace refuge {

namespace {
const std::array<std::pair<Role, const char *>, 11> kRoles = {{
    {Role::Roads, "roads"},
    {Role::Shelters, "shelters"},
    {Role::FireStations, "fire_stations"},
    {Role::Supplies, "supplies"},
    {Role::Medical, "medical"},
    {Role::Hazard, "hazard"},
    {Role::Communities, "communities"},
    {Role::Population, "population"},
    {Role::OfficialDistricts, "official_districts"},
    {Role::Basemap, "basemap"},
    {Role::Other, "other"},
}};
} // namespace

QString roleName(Role role)
{
    for (const auto &[r, n] : kRoles)
        if (r == role)
            return QString::fromLatin1(n);
    return QStringLiteral("other");
}

std::optional<Role> roleFromName(const QString &name)
{
    for (const auto &[r, n] : kRoles)
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return r;
    return std::nullopt;
}

QStringList allRoleNames()
{
    QStringList out;
    for (const auto &[r, n] : kRoles)
        out << QString::fromLatin1(n);
    return out;
}

QStringList requiredFieldKeys(Role role)
{
    switch (role) {
    case Role::Shelters: return {QStringLiteral("name"), QStringLiteral("capacity|area")};
    case Role::FireStations: return {QStringLiteral("name")};
    case Role::Population: return {QStringLiteral("population")};
    case Role::Communities: return {QStringLiteral("name")};
    case Role::OfficialDistricts: return {QStringLiteral("facility")};
    default: return {};
    }
}

Role guessRole(const QString &rawName)
{
    const QString name = rawName.toLower();
    struct Rule {
        Role role;
        QStringList words;
    };
    // Order matters: "fire_engine_districts" is an official district layer, not a station
    // layer; "救灾物资" (relief supplies) is a depot, not a hazard (灾); "社区卫生服务中心"
    // (community health centre) is medical, not a community.
    const Rule rules[] = {
        {Role::OfficialDistricts, {QStringLiteral("district"), QStringLiteral("辖区"), QStringLiteral("责任区")}},
        {Role::Shelters, {QStringLiteral("shelter"), QStringLiteral("避难"), QStringLiteral("避险")}},
        {Role::FireStations, {QStringLiteral("fire"), QStringLiteral("消防")}},
        {Role::Supplies, {QStringLiteral("supply"), QStringLiteral("supplies"), QStringLiteral("depot"), QStringLiteral("物资")}},
        {Role::Medical, {QStringLiteral("hospital"), QStringLiteral("clinic"), QStringLiteral("医院"), QStringLiteral("卫生")}},
        {Role::Hazard, {QStringLiteral("flood"), QStringLiteral("hazard"), QStringLiteral("risk"), QStringLiteral("洪"),
                        QStringLiteral("涝"), QStringLiteral("灾"), QStringLiteral("危险")}},
        {Role::Roads, {QStringLiteral("road"), QStringLiteral("street"), QStringLiteral("centerline"), QStringLiteral("highway"),
                       QStringLiteral("network"), QStringLiteral("道路"), QStringLiteral("路网")}},
        {Role::Population, {QStringLiteral("block"), QStringLiteral("population"), QStringLiteral("census"),
                            QStringLiteral("人口")}},
        {Role::Communities, {QStringLiteral("neighborhood"), QStringLiteral("neighbourhood"), QStringLiteral("community"),
                             QStringLiteral("社区"), QStringLiteral("居委"), QStringLiteral("街道"), QStringLiteral("街镇"),
                             QStringLiteral("乡镇"), QStringLiteral("行政区"), QStringLiteral("村")}},
    };
    for (const Rule &r : rules)
        for (const QString &w : r.words)
            if (name.contains(w))
                return r.role;
    return Role::Other;
}

} // namespace refuge
