#include "print/PrintCredits.h"

#include "model/Project.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "render/MapSettings.h"

#include <QFileInfo>
#include <algorithm>

namespace refuge {

QString PrintCredits::forLayer(const ProjectLayer &layer, const MapLayer *loaded)
{
    const QString credit = layer.extra.value(QLatin1String("credit")).toString().trimmed();
    if (credit.isEmpty() && loaded && loaded->raster) // a tile set's own attribution
        return loaded->raster->attribution();
    return credit;
}

QStringList PrintCredits::forProject(const Project &project, const std::vector<MapLayer> &layers)
{
    const QString osm = QStringLiteral("© OpenStreetMap contributors");
    QStringList out = project.credits();
    bool osmShown = false;
    for (const ProjectLayer &pl : project.layers) {
        const auto loaded = std::find_if(layers.begin(), layers.end(), [&](const MapLayer &l) { return l.id == pl.id; });
        const bool visible = loaded == layers.end() ? pl.visible : loaded->visible;
        const QString credit = forLayer(pl, visible && loaded != layers.end() ? &*loaded : nullptr);
        if (!credit.isEmpty())
            out << credit;
        const QString suffix = QFileInfo(pl.path).suffix().toLower();
        const bool osmSource = suffix == QLatin1String("osm") || suffix == QLatin1String("pbf") ||
                               pl.path.contains(QLatin1String("openstreetmap.org"), Qt::CaseInsensitive) ||
                               (loaded != layers.end() && loaded->vector && loaded->vector->driver() == QLatin1String("OSM")) ||
                               credit.contains(QLatin1String("OpenStreetMap"), Qt::CaseInsensitive);
        osmShown = osmShown || (visible && osmSource);
    }
    const bool osmCredited = std::any_of(out.begin(), out.end(), [&](const QString &c) { return c.contains(osm); });
    if (osmShown && !osmCredited) // "© OpenStreetMap contributors, ODbL 1.0" already says it
        out << osm;
    out.removeDuplicates();
    out.removeAll(QString());
    return out;
}

} // namespace refuge
