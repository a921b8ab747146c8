#pragma once
// ParameterRanges: the one table of every numeric parameter Refuge takes from a user —
// command-line options, a project's `analysis` settings, profile speeds, standard
// overrides, attribute values with a physical limit — each with its unit, valid range,
// default and help text. Every reader (refuge-cli's options, ProjectJobSettings,
// Profile, StandardsProfile, the jobs) checks its value here (a text encoding is
// checked by checkEncoding, io/TextEncoding.h), so a rule lives once and
// the message names what the user wrote: "--turnout-seconds: must be a number from 0
// to 3600 s (got '1e308')" or "analysis.fire.max_minutes: ...". The table is static,
// read-only data: any thread.
#include <QJsonValue>
#include <QRectF>
#include <QString>
#include <QStringView>
#include <vector>

namespace refuge {

struct ParameterSpec {
    QString name;         // option name as on the command line ("turnout-seconds")
    QString unit;         // "s", "m", "min", "km/h", "m/s", "persons"... ("" for a plain factor)
    double min = 0;
    double max = 0;
    bool minExclusive = false; // value must be > min (else ≥ min)
    double defaultValue = 0;   // NaN: no fixed default (required, or taken from a profile/standard)
    QString help;
    QString helpZh;       // the same in Chinese (dialogs, refuge-cli --help --lang zh)

    bool contains(double value) const;
    // "> 0 and ≤ 1440 min", "from 0 to 3600 s".
    QString rangeText() const;
    // The option's help line with its range and default, for --help and dialogs.
    QString helpText() const;
};

class ParameterRanges {
public:
    // Most cells a sample grid or a split of demand polygons may have: beyond it the
    // analysis would take minutes and gigabytes, so it is refused before allocating.
    static constexpr double kMaxGridCells = 5e6;

    static const std::vector<ParameterSpec> &all();
    // The spec of `name`; an unknown name is a programming error (std::logic_error).
    static const ParameterSpec &spec(QStringView name);
    // The spec for a standards value of `unit` ("m", "s", "km2"...): "standard-m" etc.
    static const ParameterSpec &standardValue(const QString &unit);

    // `value` when it lies in the range of `spec`; else throws InvalidInput
    // "<label>: must be a number … (got x)". `label` names what the user wrote
    // ("--max-minutes", "analysis.fire.max_minutes", "walk.json: default_speed_kmh").
    static double check(const ParameterSpec &spec, double value, const QString &label);
    static double check(QStringView name, double value, const QString &label) { return check(spec(name), value, label); }
    // The same, named by the parameter itself ("snap-max: must be ..."): for settings that
    // reach a job from the desktop's dialogs rather than from an option or a project key.
    static double check(QStringView name, double value) { return check(spec(name), value, name.toString()); }
    // Text as typed: NaN, inf, "five", "" are refused like out-of-range values.
    static double parse(const ParameterSpec &spec, const QString &text, const QString &label);
    static double parse(QStringView name, const QString &text, const QString &label) { return parse(spec(name), text, label); }
    // A JSON value (project, profile): a string ("five"), bool or null is refused.
    static double fromJson(const ParameterSpec &spec, const QJsonValue &value, const QString &label);
    static double fromJson(QStringView name, const QJsonValue &value, const QString &label) { return fromJson(spec(name), value, label); }

    // Throws InvalidInput "<label>: a cell of C m over W × H m gives N cells; the limit is
    // 5000000 (use a larger cell)" when the grid over `extent` (in units of
    // `metresPerUnit`) would have more than kMaxGridCells cells. Allocates nothing.
    static double cellCount(const QRectF &extent, double cellMeters, double metresPerUnit);
    static void checkCellCount(const QRectF &extent, double cellMeters, double metresPerUnit, const QString &label);
    static void checkCellCount(double cells, double cellMeters, const QString &label, const QString &over = QString());

    // Each demand unit's population within the "population" range and a finite total;
    // else throws InvalidInput "<source>: feature 12: population must be ... (got 1e+308)".
    // `feature` holds the source feature index per unit (-1: none).
    static void checkPopulation(const QString &source, const std::vector<double> &population, const std::vector<int> &feature);

};

} // namespace refuge
