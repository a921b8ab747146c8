// Analysis: the checks every declaration implies (types, ranges, choices, layers'
// geometry and role, fields), in three phases — values (no I/O but profiles and
// CRSs), the analysis's rules, then the layers (opened only when nothing else is wrong).
#include "analysis/framework/Analysis.h"
#include "analysis/framework/LayerSchema.h"
#include "crs/Crs.h"
#include "network/Profile.h"
#include "util/Error.h"

#include <algorithm>

namespace refuge {

namespace {

// "name: what" → "what" (messages of ParameterRanges and parseNumberList start with the label).
QString withoutLabel(const QString &message, const QString &label)
{
    const QString head = label + QStringLiteral(": ");
    return message.startsWith(head) ? message.mid(head.size()) : message;
}

bool isTextual(const QVariant &v) { return v.typeId() == QMetaType::QString || v.typeId() == QMetaType::QByteArray; }

QString checkNumber(const Parameter &p, const QVariant &v)
{
    try {
        if (isTextual(v))
            ParameterRanges::parse(*p.spec(), v.toString(), p.name);
        else if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
            ParameterRanges::check(*p.spec(), v.toDouble(), p.name);
        else
            return QStringLiteral("must be a number %1 (got a %2)").arg(p.spec()->rangeText(), QString::fromLatin1(v.typeName()));
    } catch (const InvalidInput &e) {
        return withoutLabel(e.message(), p.name);
    }
    return {};
}

QString checkFlag(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return {};
    const QString t = v.toString().trimmed().toLower();
    static const QStringList ok{"true", "false", "1", "0", "yes", "no", "on", "off", ""};
    return ok.contains(t) ? QString() : QStringLiteral("expected true or false (got '%1')").arg(v.toString());
}

// Phase 1: one declared value. Returns the issue's message ("" when fine); `namesFile`
// when the message is about a file (a profile .json).
QString checkValue(const Parameter &p, const QVariant &v, bool &namesFile)
{
    namesFile = false;
    switch (p.type) {
    case ParameterType::Number:
        return checkNumber(p, v);
    case ParameterType::NumberList:
        try {
            parseNumberList(v, *p.spec(), p.name);
        } catch (const InvalidInput &e) {
            return withoutLabel(e.message(), p.name);
        }
        return {};
    case ParameterType::Choice: {
        if (p.choiceCheckedByRule || p.choices.contains(v.toString()))
            return {};
        const QString options = p.choices.size() > 1 ? p.choices.mid(0, p.choices.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + p.choices.last()
                                                     : p.choices.join(QString());
        return QStringLiteral("{%1} must be %2 (got '%3')").arg(p.name, options, v.toString());
    }
    case ParameterType::Profile:
        try {
            Profile::load(v.toString());
        } catch (const Error &e) {
            namesFile = v.toString().endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
            return e.message();
        }
        return {};
    case ParameterType::Crs: {
        Crs crs;
        try {
            crs = Crs::fromUserInput(v.toString());
        } catch (const CrsError &e) {
            return e.message();
        }
        return crs.isGeographic() ? QStringLiteral("%1 is not metric; use a projected CRS").arg(v.toString()) : QString();
    }
    case ParameterType::Flag:
        return checkFlag(v);
    case ParameterType::Layer: {
        ParameterValues one;
        one.set(p.name, v);
        return one.layer(p.name).source.path.trimmed().isEmpty() ? QStringLiteral("needs a PATH[:LAYER]") : QString();
    }
    case ParameterType::Field:
    case ParameterType::Text:
        if (!isTextual(v) && v.typeId() != QMetaType::QStringList && v.typeId() != QMetaType::QVariantList)
            return QStringLiteral("expected text (got a %1)").arg(QString::fromLatin1(v.typeName()));
        return {};
    }
    return {};
}

QString dimensionName(unsigned geometries)
{
    QStringList names;
    if (geometries & PointLayer)
        names << QStringLiteral("points");
    if (geometries & LineLayer)
        names << QStringLiteral("lines");
    if (geometries & PolygonLayer)
        names << QStringLiteral("polygons");
    if (geometries & RasterLayerKind)
        names << QStringLiteral("a raster");
    return names.join(QStringLiteral(" or "));
}

bool isDateOrBool(FieldType t) { return t == FieldType::Date || t == FieldType::DateTime || t == FieldType::Boolean; }

// Phase 3: a layer's role, geometry and the fields named for it.
void checkLayer(const Analysis &a, const Parameter &p, const ParameterValues &values, ValidationIssues &issues)
{
    const LayerValue layer = values.layer(p.name);
    if (p.role && layer.role && *layer.role != *p.role) {
        issues.push_back({p.name, QStringLiteral("the layer '%1' has the role %2; expected a %3 layer")
                                      .arg(layer.layerId.isEmpty() ? layer.source.displayName() : layer.layerId, roleName(*layer.role), roleName(*p.role))});
        return;
    }
    LayerSchema schema;
    try {
        schema = LayerSchema::of(layer.source);
    } catch (const Error &e) {
        issues.push_back({p.name, e.message(), true});
        return;
    }
    if (schema.skipped)
        return;
    static constexpr unsigned byDimension[] = {PointLayer, LineLayer, PolygonLayer};
    const unsigned kind = schema.raster ? unsigned(RasterLayerKind) : schema.dimension >= 0 && schema.dimension <= 2 ? byDimension[schema.dimension] : 0u;
    if (p.geometries != AnyGeometry && kind != 0 && !(p.geometries & kind)) {
        issues.push_back({p.name, fileMessage(layer.source.displayName(), QStringLiteral("the %1 must be %2, not %3; is this the right layer?")
                                                                            .arg(p.label.en.toLower(), dimensionName(p.geometries), dimensionName(kind))),
                          true});
        return;
    }
    for (const Parameter &f : a.parameters()) {
        if (f.type != ParameterType::Field || f.layerParameter != p.name || !values.has(f.name) || schema.raster)
            continue;
        const QString name = values.text(f.name);
        if (name.isEmpty())
            continue;
        const int i = schema.fieldIndex(name);
        if (i < 0 && schema.fields.isEmpty() && schema.featureCount <= 0) // as VectorLayer::requireField says it
            issues.push_back({f.name, fileMessage(layer.source.displayName(), QStringLiteral("the layer has no features (so no field '%1')").arg(name)), true});
        else if (i < 0)
            issues.push_back({f.name, fileMessage(layer.source.displayName(), QStringLiteral("no field '%1' (fields: %2)")
                                                                                .arg(name, schema.fields.join(QStringLiteral(", ")))),
                              true});
        else if (f.numericField && isDateOrBool(schema.types[std::size_t(i)])) // text may hold numbers ("14,495"): read later
            issues.push_back({f.name, fileMessage(layer.source.displayName(), QStringLiteral("field '%1' holds %2 values, not numbers")
                                                                                .arg(name, fieldTypeName(schema.types[std::size_t(i)]))),
                              true});
    }
}

} // namespace

const Parameter *Analysis::parameter(QStringView name) const
{
    for (const Parameter &p : parameters())
        if (p.name == name)
            return &p;
    return nullptr;
}

void Analysis::checkRules(const ParameterValues &, ValidationIssues &) const {}

ValidationIssues Analysis::validate(const ParameterValues &values) const
{
    ValidationIssues issues;
    for (const QString &name : values.names())
        if (!parameter(name))
            issues.push_back({name, QStringLiteral("%1 has no parameter of this name").arg(id())});
    ValidationIssues missing; // do not stop the checks of the values that are there
    for (const Parameter &p : parameters()) {
        if (!values.has(p.name)) {
            if (p.required)
                missing.push_back({p.name, p.role ? QStringLiteral("is required (the %1 layer)").arg(roleName(*p.role)) : QStringLiteral("is required")});
            continue;
        }
        bool namesFile = false;
        const QString m = checkValue(p, values.raw(p.name), namesFile);
        if (!m.isEmpty())
            issues.push_back({p.name, m, namesFile});
    }
    if (issues.empty())
        checkRules(values, issues);
    if (issues.empty()) // files are opened only when every value is fine
        for (const Parameter &p : parameters())
            if (p.type == ParameterType::Layer && values.has(p.name))
                checkLayer(*this, p, values, issues);
    issues.insert(issues.begin(), missing.begin(), missing.end());
    return issues;
}

ParameterValues Analysis::overlay(ParameterValues supplied, const ParameterValues &given) const
{
    for (const Parameter &p : parameters())
        if (!given.has(p.name) && std::any_of(p.alternatives.begin(), p.alternatives.end(), [&](const QString &a) { return given.has(a); }))
            supplied.remove(p.name);
    for (const QString &name : given.names())
        supplied.set(name, given.raw(name));
    return supplied;
}

void Analysis::requireValid(const ParameterValues &values, const QStringList &notRequiredHere) const
{
    for (const ValidationIssue &issue : validate(values))
        if (!(notRequiredHere.contains(issue.parameter) && !values.has(issue.parameter)))
            throw InvalidInput(issue.line());
}

} // namespace refuge
