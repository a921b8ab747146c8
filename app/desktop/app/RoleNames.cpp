#include "app/RoleNames.h"

namespace refuge::desktop {

QString RoleNames::displayName(Role role)
{
    switch (role) {
    case Role::Roads: return tr("Roads");
    case Role::Shelters: return tr("Shelters");
    case Role::FireStations: return tr("Fire stations");
    case Role::Supplies: return tr("Supply depots");
    case Role::Medical: return tr("Medical");
    case Role::Hazard: return tr("Hazard");
    case Role::Communities: return tr("Communities");
    case Role::Population: return tr("Population");
    case Role::OfficialDistricts: return tr("Official districts");
    case Role::Basemap: return tr("Base map");
    case Role::Other: return tr("Other");
    }
    return tr("Other");
}

QList<Role> RoleNames::all()
{
    return {Role::Roads, Role::Shelters, Role::FireStations, Role::Supplies, Role::Medical, Role::Hazard,
            Role::Communities, Role::Population, Role::OfficialDistricts, Role::Basemap, Role::Other};
}

} // namespace refuge::desktop
