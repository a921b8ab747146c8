#pragma once
// NetworkParameters: the declarations every network analysis shares (--network,
// --profile, --facilities, --max-minutes, --breaks, --barriers, --out ...), their rules
// (one limit unit, node fields in pairs, a turnout needs a time limit, breaks within the
// limit) and the conversions between ParameterValues and core's NetworkSettings. Used by
// the Analysis classes of service-area, zones, network-check, coverage and fire-coverage.
// Pure functions; any thread.
#include "analysis/framework/Analysis.h"
#include "analysis/jobs/NetworkInputs.h"

#include <optional>

namespace refuge::NetworkParameters {

struct Options {
    std::optional<Role> facilityRole;           // shelters, fire_stations; none: any points
    const char *defaultProfile = "walk";
    bool facilityPolygons = true;               // facilities may be polygons (their centre is used)
};

// Appends the shared declarations in refuge-cli's order.
void declare(std::vector<Parameter> &out, const Options &options);
// The rules over the shared parameters (after each value passed its own check).
void checkRules(const ParameterValues &values, ValidationIssues &issues);
// Settings from values that passed validate(). Throws InvalidInput naming the parameter.
NetworkSettings settings(const ParameterValues &values, const char *defaultProfile);
// The values of `settings` (from a project): the inverse of settings().
void addValues(const NetworkSettings &settings, ParameterValues &values, std::optional<Role> facilityRole);
// --standard and --standard-override (coverage, fire-coverage), and their check: the
// profile exists, each override names one of its keys with a number in that key's range.
void declareStandard(std::vector<Parameter> &out, const char *section);
// --euclidean for the analyses that measure walking distance (coverage, site): straight
// lines instead of the network, in the "network" group.
Parameter straightLines();
void checkStandard(const ParameterValues &values, ValidationIssues &issues);
// A layer value from a project layer of `role` (empty source: nothing is set).
void setLayer(ParameterValues &values, const QString &name, const DataSource &source, std::optional<Role> role);
void setText(ParameterValues &values, const QString &name, const QString &text); // nothing when empty

} // namespace refuge::NetworkParameters
