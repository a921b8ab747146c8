// StyleExport: a Style as QGIS QML and as OGC SLD 1.1 (see the header).
#include "render/StyleExport.h"

#include "io/GpkgStyles.h"

#include <QJsonDocument>
#include <QXmlStreamWriter>
#include <algorithm>
#include <functional>

namespace refuge {

namespace {

constexpr double kPixelsPerMm = 96.0 / 25.4;

QString number(double v) { return QString::number(v, 'g', 10); }

// QGIS colours: "r,g,b,a".
QString qgisColor(const QColor &c) { return QStringLiteral("%1,%2,%3,%4").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha()); }

QString qgisPenStyle(Qt::PenStyle style)
{
    switch (style) {
    case Qt::NoPen: return QStringLiteral("no");
    case Qt::DashLine: return QStringLiteral("dash");
    case Qt::DotLine: return QStringLiteral("dot");
    case Qt::DashDotLine: return QStringLiteral("dash dot");
    case Qt::DashDotDotLine: return QStringLiteral("dash dot dot");
    default: return QStringLiteral("solid");
    }
}

QString qgisBrush(HatchPattern hatch)
{
    switch (hatch) {
    case HatchPattern::Horizontal: return QStringLiteral("horizontal");
    case HatchPattern::Vertical: return QStringLiteral("vertical");
    case HatchPattern::Cross: return QStringLiteral("cross");
    case HatchPattern::BDiagonal: return QStringLiteral("b_diagonal");
    case HatchPattern::FDiagonal: return QStringLiteral("f_diagonal");
    case HatchPattern::DiagCross: return QStringLiteral("diagonal_x");
    case HatchPattern::None: break;
    }
    return QStringLiteral("no");
}

// Marker names: QGIS's SimpleMarker names, which are SLD's well-known mark names too.
QString markerName(MarkerShape shape)
{
    switch (shape) {
    case MarkerShape::Square: return QStringLiteral("square");
    case MarkerShape::Triangle: return QStringLiteral("triangle");
    case MarkerShape::Star: return QStringLiteral("star");
    case MarkerShape::Diamond: return QStringLiteral("diamond");
    case MarkerShape::Cross: return QStringLiteral("cross");
    default: return QStringLiteral("circle");
    }
}

QString sldHatch(HatchPattern hatch)
{
    switch (hatch) {
    case HatchPattern::Horizontal: return QStringLiteral("shape://horline");
    case HatchPattern::Vertical: return QStringLiteral("shape://vertline");
    case HatchPattern::Cross: return QStringLiteral("shape://plus");
    case HatchPattern::BDiagonal: return QStringLiteral("shape://slash");
    case HatchPattern::FDiagonal: return QStringLiteral("shape://backslash");
    case HatchPattern::DiagCross: return QStringLiteral("shape://times");
    case HatchPattern::None: break;
    }
    return {};
}

QString sldDash(Qt::PenStyle style, double widthPx)
{
    const double w = std::max(1.0, widthPx);
    switch (style) {
    case Qt::DashLine: return QStringLiteral("%1 %2").arg(number(4 * w), number(2 * w));
    case Qt::DotLine: return QStringLiteral("%1 %2").arg(number(w), number(2 * w));
    case Qt::DashDotLine: return QStringLiteral("%1 %2 %3 %2").arg(number(4 * w), number(2 * w), number(w));
    default: return {};
    }
}

QString categoryText(const QVariant &v) { return v.isNull() ? QString() : v.toString(); }

// ---- QML ----

void prop(QXmlStreamWriter &x, const QString &key, const QString &value)
{
    x.writeStartElement(QStringLiteral("prop"));
    x.writeAttribute(QStringLiteral("k"), key);
    x.writeAttribute(QStringLiteral("v"), value);
    x.writeEndElement();
}

void symbolLayer(QXmlStreamWriter &x, const QString &cls, const std::vector<std::pair<QString, QString>> &props)
{
    x.writeStartElement(QStringLiteral("layer"));
    x.writeAttribute(QStringLiteral("class"), cls);
    x.writeAttribute(QStringLiteral("enabled"), QStringLiteral("1"));
    x.writeAttribute(QStringLiteral("locked"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("pass"), QStringLiteral("0"));
    for (const auto &[k, v] : props)
        prop(x, k, v);
    x.writeEndElement();
}

void qmlSymbol(QXmlStreamWriter &x, const Symbol &s, int dimension, const QString &name)
{
    static const QString types[] = {QStringLiteral("marker"), QStringLiteral("line"), QStringLiteral("fill")};
    x.writeStartElement(QStringLiteral("symbol"));
    x.writeAttribute(QStringLiteral("type"), types[std::clamp(dimension, 0, 2)]);
    x.writeAttribute(QStringLiteral("name"), name);
    x.writeAttribute(QStringLiteral("alpha"), QStringLiteral("1"));
    x.writeAttribute(QStringLiteral("clip_to_extent"), QStringLiteral("1"));
    x.writeAttribute(QStringLiteral("force_rhr"), QStringLiteral("0"));
    const QString width = number(s.strokeWidthMm), mm = QStringLiteral("MM");
    if (dimension == 2) {
        symbolLayer(x, QStringLiteral("SimpleFill"),
                    {{QStringLiteral("color"), qgisColor(s.fillColor)},
                     {QStringLiteral("style"), s.fillColor.alpha() == 0 ? QStringLiteral("no") : QStringLiteral("solid")},
                     {QStringLiteral("outline_color"), qgisColor(s.strokeColor)},
                     {QStringLiteral("outline_style"), qgisPenStyle(s.strokeStyle)},
                     {QStringLiteral("outline_width"), width},
                     {QStringLiteral("outline_width_unit"), mm},
                     {QStringLiteral("joinstyle"), QStringLiteral("bevel")}});
        if (s.hatch != HatchPattern::None)
            symbolLayer(x, QStringLiteral("SimpleFill"),
                        {{QStringLiteral("color"), qgisColor(s.hatchColor)},
                         {QStringLiteral("style"), qgisBrush(s.hatch)},
                         {QStringLiteral("outline_style"), QStringLiteral("no")}});
    } else if (dimension == 1) {
        symbolLayer(x, QStringLiteral("SimpleLine"),
                    {{QStringLiteral("line_color"), qgisColor(s.strokeColor)},
                     {QStringLiteral("line_style"), qgisPenStyle(s.strokeStyle)},
                     {QStringLiteral("line_width"), width},
                     {QStringLiteral("line_width_unit"), mm},
                     {QStringLiteral("capstyle"), QStringLiteral("round")},
                     {QStringLiteral("joinstyle"), QStringLiteral("round")}});
    } else {
        symbolLayer(x, QStringLiteral("SimpleMarker"),
                    {{QStringLiteral("name"), markerName(s.marker)},
                     {QStringLiteral("color"), qgisColor(s.fillColor)},
                     {QStringLiteral("outline_color"), qgisColor(s.strokeColor)},
                     {QStringLiteral("outline_style"), qgisPenStyle(s.strokeStyle)},
                     {QStringLiteral("outline_width"), width},
                     {QStringLiteral("outline_width_unit"), mm},
                     {QStringLiteral("size"), number(s.sizeMm)},
                     {QStringLiteral("size_unit"), mm}});
    }
    x.writeEndElement();
}

void qmlRenderer(QXmlStreamWriter &x, const Style &style, int dimension)
{
    x.writeStartElement(QStringLiteral("renderer-v2"));
    std::vector<const Symbol *> symbols;
    if (style.type == Style::Type::Categorized && !style.field.isEmpty()) {
        x.writeAttribute(QStringLiteral("type"), QStringLiteral("categorizedSymbol"));
        x.writeAttribute(QStringLiteral("attr"), style.field);
    } else if (style.type == Style::Type::Graduated && !style.field.isEmpty()) {
        x.writeAttribute(QStringLiteral("type"), QStringLiteral("graduatedSymbol"));
        x.writeAttribute(QStringLiteral("attr"), style.field);
        x.writeAttribute(QStringLiteral("graduatedMethod"), QStringLiteral("GraduatedColor"));
    } else {
        x.writeAttribute(QStringLiteral("type"), QStringLiteral("singleSymbol"));
    }
    x.writeAttribute(QStringLiteral("symbollevels"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("forceraster"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("enableorderby"), QStringLiteral("0"));
    if (style.type == Style::Type::Categorized && !style.field.isEmpty()) {
        x.writeStartElement(QStringLiteral("categories"));
        for (const StyleCategory &c : style.categories) {
            x.writeStartElement(QStringLiteral("category"));
            x.writeAttribute(QStringLiteral("render"), c.visible ? QStringLiteral("true") : QStringLiteral("false"));
            x.writeAttribute(QStringLiteral("symbol"), QString::number(symbols.size()));
            x.writeAttribute(QStringLiteral("value"), categoryText(c.value));
            x.writeAttribute(QStringLiteral("label"), c.label.isEmpty() ? categoryText(c.value) : c.label);
            x.writeEndElement();
            symbols.push_back(&c.symbol);
        }
        // Values of no category: the style's own symbol (QGIS's "all other values").
        x.writeStartElement(QStringLiteral("category"));
        x.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
        x.writeAttribute(QStringLiteral("symbol"), QString::number(symbols.size()));
        x.writeAttribute(QStringLiteral("value"), QString());
        x.writeAttribute(QStringLiteral("label"), QString());
        x.writeEndElement();
        symbols.push_back(&style.symbol);
        x.writeEndElement();
    } else if (style.type == Style::Type::Graduated && !style.field.isEmpty()) {
        x.writeStartElement(QStringLiteral("ranges"));
        for (const StyleRange &r : style.ranges) {
            x.writeStartElement(QStringLiteral("range"));
            x.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
            x.writeAttribute(QStringLiteral("symbol"), QString::number(symbols.size()));
            x.writeAttribute(QStringLiteral("lower"), number(r.lower));
            x.writeAttribute(QStringLiteral("upper"), number(r.upper));
            x.writeAttribute(QStringLiteral("label"), r.label.isEmpty() ? QStringLiteral("%1 – %2").arg(number(r.lower), number(r.upper)) : r.label);
            x.writeEndElement();
            symbols.push_back(&r.symbol);
        }
        x.writeEndElement();
    } else {
        symbols.push_back(&style.symbol);
    }
    x.writeStartElement(QStringLiteral("symbols"));
    for (std::size_t i = 0; i < symbols.size(); ++i)
        qmlSymbol(x, *symbols[i], dimension, QString::number(i));
    x.writeEndElement();
    x.writeEndElement();
}

// ---- SLD ----

void svgParameter(QXmlStreamWriter &x, const QString &name, const QString &value)
{
    x.writeStartElement(QStringLiteral("se:SvgParameter"));
    x.writeAttribute(QStringLiteral("name"), name);
    x.writeCharacters(value);
    x.writeEndElement();
}

void sldFill(QXmlStreamWriter &x, const QColor &c)
{
    x.writeStartElement(QStringLiteral("se:Fill"));
    svgParameter(x, QStringLiteral("fill"), c.name(QColor::HexRgb));
    if (c.alpha() < 255)
        svgParameter(x, QStringLiteral("fill-opacity"), number(c.alphaF()));
    x.writeEndElement();
}

void sldStroke(QXmlStreamWriter &x, const Symbol &s)
{
    if (s.strokeStyle == Qt::NoPen || s.strokeColor.alpha() == 0)
        return;
    const double px = s.strokeWidthMm * kPixelsPerMm;
    x.writeStartElement(QStringLiteral("se:Stroke"));
    svgParameter(x, QStringLiteral("stroke"), s.strokeColor.name(QColor::HexRgb));
    if (s.strokeColor.alpha() < 255)
        svgParameter(x, QStringLiteral("stroke-opacity"), number(s.strokeColor.alphaF()));
    svgParameter(x, QStringLiteral("stroke-width"), number(px));
    if (const QString dash = sldDash(s.strokeStyle, px); !dash.isEmpty())
        svgParameter(x, QStringLiteral("stroke-dasharray"), dash);
    x.writeEndElement();
}

void sldSymbolizers(QXmlStreamWriter &x, const Symbol &s, int dimension)
{
    if (dimension == 2) {
        x.writeStartElement(QStringLiteral("se:PolygonSymbolizer"));
        if (s.fillColor.alpha() > 0)
            sldFill(x, s.fillColor);
        sldStroke(x, s);
        x.writeEndElement();
        if (s.hatch != HatchPattern::None) {
            x.writeStartElement(QStringLiteral("se:PolygonSymbolizer"));
            x.writeStartElement(QStringLiteral("se:Fill"));
            x.writeStartElement(QStringLiteral("se:GraphicFill"));
            x.writeStartElement(QStringLiteral("se:Graphic"));
            x.writeStartElement(QStringLiteral("se:Mark"));
            x.writeTextElement(QStringLiteral("se:WellKnownName"), sldHatch(s.hatch));
            Symbol hatchLine;
            hatchLine.strokeColor = s.hatchColor;
            hatchLine.strokeWidthMm = s.hatchWidthMm;
            sldStroke(x, hatchLine);
            x.writeEndElement(); // Mark
            x.writeTextElement(QStringLiteral("se:Size"), number(s.hatchSpacingMm * kPixelsPerMm));
            x.writeEndElement(); // Graphic
            x.writeEndElement(); // GraphicFill
            x.writeEndElement(); // Fill
            x.writeEndElement();
        }
    } else if (dimension == 1) {
        x.writeStartElement(QStringLiteral("se:LineSymbolizer"));
        sldStroke(x, s);
        x.writeEndElement();
    } else {
        x.writeStartElement(QStringLiteral("se:PointSymbolizer"));
        x.writeStartElement(QStringLiteral("se:Graphic"));
        x.writeStartElement(QStringLiteral("se:Mark"));
        x.writeTextElement(QStringLiteral("se:WellKnownName"), markerName(s.marker));
        sldFill(x, s.fillColor);
        sldStroke(x, s);
        x.writeEndElement();
        x.writeTextElement(QStringLiteral("se:Size"), number(s.sizeMm * kPixelsPerMm));
        x.writeEndElement();
        x.writeEndElement();
    }
}

void comparison(QXmlStreamWriter &x, const QString &op, const QString &field, const QString &literal)
{
    x.writeStartElement(QStringLiteral("ogc:") + op);
    x.writeTextElement(QStringLiteral("ogc:PropertyName"), field);
    x.writeTextElement(QStringLiteral("ogc:Literal"), literal);
    x.writeEndElement();
}

void sldRule(QXmlStreamWriter &x, const QString &label, const Symbol &s, int dimension, const std::function<void()> &filter)
{
    x.writeStartElement(QStringLiteral("se:Rule"));
    x.writeTextElement(QStringLiteral("se:Name"), label);
    x.writeStartElement(QStringLiteral("se:Description"));
    x.writeTextElement(QStringLiteral("se:Title"), label);
    x.writeEndElement();
    if (filter)
        filter();
    sldSymbolizers(x, s, dimension);
    x.writeEndElement();
}

} // namespace

QString StyleExport::qml(const Style &style, int dimension, const QMap<QString, QString> &properties)
{
    QString out;
    QXmlStreamWriter x(&out);
    x.setAutoFormatting(true);
    x.writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
    x.writeStartElement(QStringLiteral("qgis"));
    x.writeAttribute(QStringLiteral("version"), QStringLiteral("3.22.0"));
    x.writeAttribute(QStringLiteral("styleCategories"), QStringLiteral("Symbology|CustomProperties"));
    qmlRenderer(x, style, dimension);
    x.writeStartElement(QStringLiteral("customproperties"));
    x.writeStartElement(QStringLiteral("Option"));
    x.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
    x.writeStartElement(QStringLiteral("Option"));
    x.writeAttribute(QStringLiteral("name"), GpkgStyles::kRefugeProperty);
    x.writeAttribute(QStringLiteral("type"), QStringLiteral("QString"));
    x.writeAttribute(QStringLiteral("value"), QString::fromUtf8(QJsonDocument(style.toJson()).toJson(QJsonDocument::Compact)));
    x.writeEndElement();
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        x.writeStartElement(QStringLiteral("Option"));
        x.writeAttribute(QStringLiteral("name"), it.key());
        x.writeAttribute(QStringLiteral("type"), QStringLiteral("QString"));
        x.writeAttribute(QStringLiteral("value"), it.value());
        x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndElement();
    x.writeTextElement(QStringLiteral("layerGeometryType"), QString::number(std::clamp(dimension, 0, 2)));
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

QString StyleExport::sld(const Style &style, int dimension, const QString &layerName)
{
    QString out;
    QXmlStreamWriter x(&out);
    x.setAutoFormatting(true);
    x.writeStartDocument();
    x.writeStartElement(QStringLiteral("StyledLayerDescriptor"));
    x.writeDefaultNamespace(QStringLiteral("http://www.opengis.net/sld"));
    x.writeNamespace(QStringLiteral("http://www.opengis.net/ogc"), QStringLiteral("ogc"));
    x.writeNamespace(QStringLiteral("http://www.opengis.net/se"), QStringLiteral("se"));
    x.writeNamespace(QStringLiteral("http://www.w3.org/1999/xlink"), QStringLiteral("xlink"));
    x.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("xsi"));
    x.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1.0"));
    x.writeAttribute(QStringLiteral("xsi:schemaLocation"),
                     QStringLiteral("http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"));
    x.writeStartElement(QStringLiteral("NamedLayer"));
    x.writeTextElement(QStringLiteral("se:Name"), layerName);
    x.writeStartElement(QStringLiteral("UserStyle"));
    x.writeTextElement(QStringLiteral("se:Name"), layerName);
    x.writeStartElement(QStringLiteral("se:FeatureTypeStyle"));
    const QString &field = style.field;
    if (style.type == Style::Type::Categorized && !field.isEmpty()) {
        for (const StyleCategory &c : style.categories) {
            if (!c.visible)
                continue;
            sldRule(x, c.label.isEmpty() ? categoryText(c.value) : c.label, c.symbol, dimension, [&] {
                x.writeStartElement(QStringLiteral("ogc:Filter"));
                comparison(x, QStringLiteral("PropertyIsEqualTo"), field, c.value.typeId() == QMetaType::Bool ? QString::number(c.value.toBool() ? 1 : 0) : categoryText(c.value));
                x.writeEndElement();
            });
        }
        sldRule(x, QString(), style.symbol, dimension, [&] { x.writeEmptyElement(QStringLiteral("se:ElseFilter")); });
    } else if (style.type == Style::Type::Graduated && !field.isEmpty()) {
        for (std::size_t i = 0; i < style.ranges.size(); ++i) {
            const StyleRange &r = style.ranges[i];
            sldRule(x, r.label.isEmpty() ? QStringLiteral("%1 – %2").arg(number(r.lower), number(r.upper)) : r.label, r.symbol, dimension, [&] {
                x.writeStartElement(QStringLiteral("ogc:Filter"));
                x.writeStartElement(QStringLiteral("ogc:And"));
                comparison(x, i == 0 ? QStringLiteral("PropertyIsGreaterThanOrEqualTo") : QStringLiteral("PropertyIsGreaterThan"), field, number(r.lower));
                comparison(x, QStringLiteral("PropertyIsLessThanOrEqualTo"), field, number(r.upper));
                x.writeEndElement();
                x.writeEndElement();
            });
        }
    } else {
        sldRule(x, layerName, style.symbol, dimension, {});
    }
    x.writeEndElement(); // FeatureTypeStyle
    x.writeEndElement(); // UserStyle
    x.writeEndElement(); // NamedLayer
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

} // namespace refuge
