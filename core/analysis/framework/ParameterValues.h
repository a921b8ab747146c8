#pragma once
// ParameterValues: the values given to an analysis, by parameter name — as typed
// (refuge-cli passes every option as text: "5", "walk", "roads.gpkg:streets") or
// already typed (a dialog's double, bool, LayerValue). Analysis::validate() checks them
// against the declarations; the typed readers below then convert (and throw
// InvalidInput naming the parameter when a value does not convert — validate() first
// gives the same message as an issue). A plain value; any thread.
#include "model/DataSource.h"
#include "model/Role.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <optional>
#include <vector>

namespace refuge {

struct ParameterSpec;

// A layer picked in a dialog from the project: its source, and the role and load
// options the project gives it. From the CLI a layer is only its "PATH[:LAYER]" text.
struct LayerValue {
    DataSource source;
    std::optional<Role> role; // the project layer's role; none for a file named by the user
    QString layerId;          // the project layer's id, when it is one
    QString encoding;         // the project's stated Shapefile encoding
    QString crs;              // the project's stated CRS for sources without one
    bool operator==(const LayerValue &o) const
    {
        return source.path == o.source.path && source.layer == o.source.layer && role == o.role && layerId == o.layerId;
    }
};

class ParameterValues {
public:
    void set(const QString &name, const QVariant &value) { m_values.insert(name, value); }
    void remove(const QString &name) { m_values.remove(name); }
    bool has(const QString &name) const { return m_values.contains(name); }
    QVariant raw(const QString &name) const { return m_values.value(name); }
    QStringList names() const { return m_values.keys(); }
    bool isEmpty() const { return m_values.isEmpty(); }

    // Typed readers; `fallback` when the value is not set. Throw InvalidInput
    // "<name>: must be a number ... (got 'x')" when it does not convert.
    double number(const QString &name, double fallback) const;
    std::vector<double> numbers(const QString &name) const; // NumberList (ranges from the declaration's spec)
    QString text(const QString &name, const QString &fallback = {}) const;
    QStringList texts(const QString &name) const;           // repeatable Text
    bool flag(const QString &name) const;                   // "true"/"1"/"yes" or a bool; unset = false
    LayerValue layer(const QString &name) const;            // empty source when unset
    DataSource source(const QString &name) const { return layer(name).source; }

    // The range a NumberList uses when read through numbers() (set by Analysis::run from
    // the declaration; "breaks" when none).
    void setListRange(const QString &name, const QString &range) { m_listRanges.insert(name, range); }

private:
    QVariantMap m_values;
    QMap<QString, QString> m_listRanges;
};

// The one parser of number lists ("5,10,15", a QVariantList, a std::vector<double>
// in a QVariant): every value within `spec`, none above `limit` (> 0), returned sorted
// and without duplicates. Throws InvalidInput "<label>: ..." (e.g. "--breaks: -1 ...").
// Used by the CLI, the desktop's breaks field, project settings and NetworkSettings.
std::vector<double> parseNumberList(const QVariant &value, const ParameterSpec &spec, const QString &label, double limit = 0);

} // namespace refuge

Q_DECLARE_METATYPE(refuge::LayerValue)
