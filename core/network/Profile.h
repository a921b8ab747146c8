#pragma once
// Profile: how one kind of traveller moves on the road network — speeds by road
// class, whether one-way rules apply, which classes are closed to it and how far from
// a street it can reach on foot (the lateral access distance used for service-area
// polygons). Loaded from resources/profiles/<name>.json; a plain value, safe to copy
// and to read from any thread.
#include "network/OsmRules.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace refuge {

class Profile {
public:
    Profile() = default;

    // resources/profiles/<name>.json ("walk", "walk-elderly", "drive"). Throws
    // InvalidInput "unknown profile 'x' (profiles: ...)" or on bad speeds.
    static Profile load(const QString &name);
    // From a JSON file path. Throws IoError / InvalidInput naming the file.
    static Profile fromFile(const QString &path);
    static Profile fromJson(const QJsonObject &json, const QString &origin);
    // Names of the profiles shipped in resources/profiles.
    static QStringList available();
    static QString profileDirectory();

    const QString &name() const { return m_name; }
    // Speed when neither a speed field nor a known class gives one (m/s, > 0).
    double defaultSpeed() const { return m_defaultSpeed; }
    void setDefaultSpeed(double metresPerSecond);
    bool obeysOneWay() const { return m_obeyOneWay; }
    bool usesMaxspeed() const { return m_useMaxspeed; }
    double accessMeters() const { return m_accessMeters; }
    // Speed of the walk between a point and the street it snapped to (m/s).
    double snapSpeed() const { return m_snapSpeed; }

    // Class values are compared lower-case and trimmed.
    bool excludes(const QString &roadClass) const;
    // Speed for a road class in m/s, or defaultSpeed() when the class is unknown/empty.
    double classSpeed(const QString &roadClass) const;

    // Which OSM ways it uses and how (the "osm" object; empty = none given). Applied to
    // OSM sources only; not part of toJson(), so other sources' cache keys stay as they were.
    const OsmRules &osmRules() const { return m_osm; }

    // Canonical JSON (for the graph cache key and for reports).
    QJsonObject toJson() const;

private:
    QString m_name;
    double m_defaultSpeed = 1.0;
    bool m_obeyOneWay = false;
    bool m_useMaxspeed = false;
    double m_accessMeters = 50.0;
    double m_snapSpeed = 1.0;
    QSet<QString> m_excluded;
    QHash<QString, double> m_classSpeeds; // m/s
    OsmRules m_osm;
};

// Parses an OSM-style maxspeed ("50", "30 mph", "50;60", "RU:urban" → 0) into m/s;
// 0 when it gives no usable speed.
double parseMaxspeed(const QString &text);

} // namespace refuge
