#pragma once
// Roles: what a project layer *is* for the analyses (the planner's vocabulary).
#include <QString>
#include <QStringList>
#include <optional>

namespace refuge {

enum class Role { Roads, Shelters, FireStations, Supplies, Medical, Hazard, Communities, Population, OfficialDistricts, Basemap, Other };

QString roleName(Role role);                          // "fire_stations"
std::optional<Role> roleFromName(const QString &name); // case-insensitive
QStringList allRoleNames();
// Field-mapping keys a role needs ("capacity"...); "a|b" means either key is enough.
QStringList requiredFieldKeys(Role role);
// Guess a role from a file or layer name (English and Chinese words); Other if none.
Role guessRole(const QString &name);

} // namespace refuge
