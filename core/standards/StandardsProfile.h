#pragma once
// StandardsProfile: a named set of planning values (shelter catchments, space per
// person, fire response times, district areas...) loaded from
// resources/standards/<id>.json. Every value carries its source, clause and
// verification status (V seen in the source, S secondary, U unverified). Unverified
// values are editable defaults, labelled as such wherever they are shown. User
// overrides (saved in the project's analysis settings) replace values and are
// marked as such. A plain value: copy freely, read from any thread.
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace refuge {

struct StandardValue {
    QString key;       // "shelter.walk_emergency_m"
    double value = 0;
    QString unit;      // "m", "s", "km2", "m2/resident"...
    QString label;     // English
    QString labelZh;   // Chinese
    QString source;    // document
    QString clause;    // "§5.4"
    QString sourceZh;  // Chinese wording of source / clause where they hold English
    QString clauseZh;  //   words (empty: the same in both languages)
    QString status;    // "V", "S", "U", or "user" for a project override
    QString compare;   // ">", ">=", "<", "<=" for values that are checks; empty for parameters
    QString note;
    double defaultValue = 0; // the profile's value before any override

    bool isUnverified() const { return status == QLatin1String("U"); }
    bool isOverridden() const { return status == QLatin1String("user"); }
    // "V", "S", "unverified", or "user (default 7, V)".
    QString statusLabel() const;
    // "GB 21734-2008 … §5.4".
    QString citation() const;
    // The same in Chinese (source_zh / clause_zh where given).
    QString citationZh() const;
    // True when `measured` meets this value under `compare` (true if no comparison).
    bool passes(double measured) const;
};

// The outcome of one check against a standard value: always with its clause.
struct CheckResult {
    QString key;
    double measured = 0;
    double limit = 0;
    QString compare;
    bool pass = false;
    QString citation;  // source + clause
    QString citationZh; // the same in Chinese
    QString citationIn(const QString &lang) const { return lang.startsWith(QLatin1String("zh")) && !citationZh.isEmpty() ? citationZh : citation; }
    QString status;    // V / S / U / user
    bool evaluated = true; // false: the data cannot decide (pass is then meaningless; see note)
    QString note;          // why it was not evaluated
    QJsonObject toJson() const;
};

class StandardsProfile {
public:
    StandardsProfile() = default;

    // Loads resources/standards/<id>.json (or the directory in REFUGE_STANDARDS_DIR).
    // Throws InvalidInput for an unknown id (listing the known ones), IoError if unreadable.
    static StandardsProfile load(const QString &id);
    // Parses a profile document; throws InvalidInput naming `origin` on bad content.
    static StandardsProfile fromJson(const QJsonObject &json, const QString &origin);
    static QStringList available();
    // A citation as results record it (CheckResult::citation, the "clause" column of
    // their tables) in `lang`: for "zh", the Chinese citation of the value of any
    // shipped profile that cites it so; otherwise, or when none does, `citation`.
    static QString citationIn(const QString &citation, const QString &lang);
    static QString directory();

    // Replaces values from {"key": number, ...}; unknown keys throw InvalidInput.
    // Overridden values get status "user" and keep their default in defaultValue.
    void applyOverrides(const QJsonObject &overrides);
    // Overrides given as "key=value" texts (the CLI's --standard-override); throws InvalidInput.
    void applyOverrides(const QStringList &keyValues);
    // The profile id + overrides from a project's analysis settings:
    // {"standard": "shanghai", "standard_overrides": {"key": value}}.
    static StandardsProfile fromAnalysisSettings(const QJsonObject &analysis, const QString &fallbackId = QStringLiteral("shanghai"));

    const QString &id() const { return m_id; }
    const QString &name() const { return m_name; }
    const QString &nameZh() const { return m_nameZh; }
    const QString &description() const { return m_description; }
    bool contains(const QString &key) const { return m_values.contains(key); }
    // Throws InvalidInput "standard 'x' has no value 'key'".
    const StandardValue &value(const QString &key) const;
    double number(const QString &key) const { return value(key).value; }
    double number(const QString &key, double fallback) const;
    QStringList keys() const { return m_values.keys(); }
    const QMap<QString, StandardValue> &values() const { return m_values; }
    QJsonObject overrides() const;

    // Checks `measured` against value `key`; the result names the clause.
    CheckResult check(const QString &key, double measured) const;

    QJsonObject toJson() const;

private:
    QString m_id, m_name, m_nameZh, m_description;
    QMap<QString, StandardValue> m_values;
};

} // namespace refuge
