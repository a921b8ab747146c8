#pragma once
// OsmRules: which OpenStreetMap ways a profile may use and how, after OSRM's car.lua
// and foot.lua (way_handlers.lua): blocked tags first (area=yes and oneway=reversible
// for driving, construction…), then the ways the profile routes on (highway=…, plus
// e.g. railway=platform and man_made=pier on foot), else a way an access tag opens;
// the access tags in their hierarchy (the most specific present wins: foot over access,
// motorcar over motor_vehicle over vehicle over access) close it when no/private/…;
// one-way from oneway (or a mode-specific oneway:*), with the implied one-way of
// roundabouts and motorways; speed from maxspeed (when the profile uses it), else the
// profile's class speed of the highway value, else its default.
//
// Loaded from the "osm" object of a profile JSON; a plain value, any thread.
#include "network/OneWay.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace refuge {

// Ways left out for one reason: how many and their length.
struct ExcludedWays {
    qint64 ways = 0;
    double meters = 0;
};
using ExcludedByReason = QMap<QString, ExcludedWays>; // reason → ways

using OsmTags = QHash<QString, QString>;

// What the rules make of one way.
struct OsmWayUse {
    bool usable = false;
    QString reason;              // why not usable: "railway", "highway=footway", "access=private", "area=yes"…
    OneWay oneWay = OneWay::Both;
    QString speedClass;          // the highway value when it gives the speed; empty = default speed
};

class OsmRules {
public:
    OsmRules() = default;
    // The profile's "osm" object; origin names the file in errors (InvalidInput).
    static OsmRules fromJson(const QJsonObject &json, const QString &origin);
    bool isEmpty() const { return m_ways.isEmpty(); }
    QJsonObject toJson() const;

    // obeyOneWay: the profile's; without it every usable way is two-way.
    OsmWayUse use(const OsmTags &tags, bool obeyOneWay) const;

    // "key=value" (or "key=*": any value) against the tags.
    static bool matches(const OsmTags &tags, const QString &selector);
    // The kind of a way nobody routes on: "highway=<value>", else the first of railway,
    // waterway, barrier, natural, man_made, aerialway, power, … present, else "no highway tag".
    static QString kind(const OsmTags &tags);

private:
    QStringList m_ways;          // selectors of the ways routed on
    QStringList m_blocked;       // selectors that close a way whatever else it says
    QStringList m_accessTags;    // most specific first
    QStringList m_accessDenied;  // values that close
    QStringList m_accessAllowed; // values that open a way not routed on by its kind
    QStringList m_onewayTags;    // most specific first
    QStringList m_impliedOneWay; // selectors of ways one-way unless oneway=no
};

// GDAL's OSM other_tags field ("k"=>"v","k2"=>"v2", backslash escapes) into tags.
void parseOsmHstore(const QString &text, OsmTags &tags);

} // namespace refuge
