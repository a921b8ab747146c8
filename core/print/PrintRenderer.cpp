#include "print/PrintRenderer.h"
#include "io/OutputFile.h"
#include "io/TiffWriter.h"

#include "crs/CoordinateTransform.h"
#include "model/VectorLayer.h"
#include "print/PageItems.h"
#include "print/ScaleBar.h"
#include "render/FontResolver.h"
#include "render/Legend.h"
#include "render/MapRenderer.h"
#include "render/PdfText.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QRegularExpression>
#include <QUuid>
#include <cmath>
#include <numbers>
#include <functional>

namespace refuge {
namespace {

QRectF toPixels(const QRectF &mm, double dpi)
{
    const double k = dpi / 25.4;
    return QRectF(mm.x() * k, mm.y() * k, mm.width() * k, mm.height() * k);
}

// Writes through a temporary file beside `path`, renamed onto `path` once complete.
void writeReplacing(const QString &path, const std::function<void(const QString &)> &write)
{
    OutputFile output(path);
    write(output.tempPath());
    output.commit();
}

// Angle (degrees, clockwise from page up) of true north at the frame's centre.
double northAngle(const MapSettings &map)
{
    if (!map.crs.isValid() || map.crs.isGeographic())
        return 0;
    try {
        const CoordinateTransform toGeo(map.crs, Crs::fromEpsg(4326));
        const QPointF centre = map.visibleExtent().center();
        const QPointF geo = toGeo.transform(centre);
        const QPointF north = toGeo.inverse(QPointF(geo.x(), geo.y() + 0.01));
        return std::atan2(north.x() - centre.x(), north.y() - centre.y()) * 180.0 / std::numbers::pi;
    } catch (const Error &) {
        return 0;
    }
}

void drawText(QPainter &p, const QRectF &rect, const QString &text, double pt, bool bold, int flags)
{
    p.setFont(FontResolver::fontFor(text, QString(), pt, bold));
    p.setPen(Qt::black);
    p.drawText(rect, flags | Qt::TextWordWrap, text);
}

void drawLegend(QPainter &p, const QRectF &rect, const std::vector<LegendEntry> &entries, double pt, double dpi)
{
    const double mm = dpi / 25.4;
    const double rowH = std::max(4.5 * mm, pt * dpi / 72.0 * 1.5), swatchW = 6 * mm, gap = 1.5 * mm;
    const double columnW = std::max(35 * mm, rect.width() / std::max(1.0, std::floor(rect.width() / (45 * mm))));
    QPointF at = rect.topLeft();
    p.save();
    p.setClipRect(rect);
    for (const LegendEntry &entry : entries) {
        if (at.y() + rowH > rect.bottom() + 0.5) {
            at = QPointF(at.x() + columnW, rect.top());
            if (at.x() >= rect.right())
                break;
        }
        const QRectF swatch(at.x(), at.y() + rowH * 0.15, swatchW, rowH * 0.7);
        if (entry.paint)
            entry.paint(p, swatch);
        drawText(p, QRectF(swatch.right() + gap, at.y(), columnW - swatchW - 2 * gap, rowH), entry.label, pt, false,
                 Qt::AlignLeft | Qt::AlignVCenter);
        at.ry() += rowH;
    }
    p.restore();
}

void drawScaleBar(QPainter &p, const QRectF &rect, const MapSettings &map, double frameWidthPx, double pt, double dpi)
{
    const double mm = dpi / 25.4;
    const ScaleBar bar = ScaleBar::compute(map, frameWidthPx / mm, rect.width() / mm * 0.85);
    if (bar.barMm <= 0)
        return;
    const double barH = std::min(2.0 * mm, rect.height() * 0.3);
    const double segment = bar.barMm * mm / bar.segments;
    p.save();
    p.setPen(QPen(Qt::black, 0.25 * mm));
    for (int i = 0; i < bar.segments; ++i) {
        p.setBrush(i % 2 == 0 ? Qt::black : Qt::white);
        p.drawRect(QRectF(rect.left() + i * segment, rect.top(), segment, barH));
    }
    const QRectF labels(rect.left(), rect.top() + barH + 0.5 * mm, rect.width(), rect.height() - barH - 0.5 * mm);
    drawText(p, labels, QStringLiteral("0"), pt, false, Qt::AlignLeft | Qt::AlignTop);
    drawText(p, QRectF(labels.left(), labels.top(), bar.barMm * mm + 10 * mm, labels.height()), bar.label, pt, false,
             Qt::AlignRight | Qt::AlignTop);
    p.restore();
}

void drawNorthArrow(QPainter &p, const QRectF &rect, double angle, double pt)
{
    const double s = std::min(rect.width(), rect.height());
    p.save();
    p.translate(rect.center());
    p.rotate(angle);
    QPainterPath arrow;
    arrow.moveTo(0, -s * 0.45);
    arrow.lineTo(s * 0.2, s * 0.3);
    arrow.lineTo(0, s * 0.15);
    arrow.lineTo(-s * 0.2, s * 0.3);
    arrow.closeSubpath();
    p.setPen(QPen(Qt::black, s * 0.02));
    p.setBrush(Qt::black);
    p.drawPath(arrow);
    p.restore();
    drawText(p, QRectF(rect.left(), rect.top() + rect.height() * 0.55, rect.width(), rect.height() * 0.45), QStringLiteral("N"), pt,
             true, Qt::AlignHCenter | Qt::AlignVCenter);
}

// A semi-transparent white veil over the frame except `focus` (map units): the frame's
// rectangle plus the focus rings, filled odd-even, leaves the focus (and keeps its holes veiled).
void dimOutside(QPainter &p, const MapSettings &map, const QPainterPath &focus)
{
    if (focus.isEmpty())
        return;
    QPainterPath veil = map.mapToPixel().map(focus);
    veil.addRect(QRectF(QPointF(0, 0), QSizeF(map.outputSize)));
    veil.setFillRule(Qt::OddEvenFill);
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 150));
    p.drawPath(veil);
    p.restore();
}

QString coveredShare(const QVariantMap &results)
{
    bool ok = false;
    const double share = results.value(QStringLiteral("covered_share")).toDouble(&ok);
    return ok && std::isfinite(share) ? QStringLiteral("%1 %").arg(share * 100, 0, 'f', 1) : QStringLiteral("—");
}

} // namespace

QString PrintRenderer::expand(const QString &text, const PrintContext &context)
{
    static const QRegularExpression field(QStringLiteral("\\{(title|date|page|pages|credits|covered_share|result\\.[^{}]+|sites\\.[^{}]+|feature\\.([^{}]+))\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = field.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1);
        if (name == QLatin1String("title"))
            out += context.title;
        else if (name == QLatin1String("date"))
            out += context.date.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : context.date;
        else if (name == QLatin1String("credits"))
            out += context.credits;
        else if (name == QLatin1String("covered_share"))
            out += coveredShare(context.results);
        else if (name.startsWith(QLatin1String("result.")) && context.results.contains(name.mid(7)))
            out += detail::cellText(name.mid(7), context.results.value(name.mid(7)));
        else if (name.startsWith(QLatin1String("sites.")) && context.siteTotals.contains(name.mid(6)))
            out += detail::cellText(name.mid(6), context.siteTotals.value(name.mid(6)));
        else if (name == QLatin1String("page"))
            out += QString::number(context.page);
        else if (name == QLatin1String("pages"))
            out += QString::number(context.pages);
        else if (context.feature.contains(m.captured(2)))
            out += context.feature.value(m.captured(2)).toString();
        else
            out += m.captured(0);
    }
    return out + text.mid(last);
}

MapSettings PrintRenderer::frameSettings(const PrintItem &frame, const PrintContext &context, double dpi)
{
    MapSettings s = context.map;
    const QRectF px = toPixels(frame.rectMm, dpi);
    s.outputSize = QSize(std::max(1, int(std::lround(px.width()))), std::max(1, int(std::lround(px.height()))));
    s.dpi = dpi;
    return s;
}

void PrintRenderer::render(const PrintLayout &layout, const PrintContext &context, QPainter &painter, double dpi, Feedback *feedback)
{
    for (const PrintItem &item : layout.items) {
        const QRectF rect = toPixels(item.rectMm, dpi);
        const PrintItem *frame = layout.item(item.map);
        const MapSettings map = frame ? frameSettings(*frame, context, dpi) : context.map;
        switch (item.type) {
        case PrintItem::Type::Map: {
            const MapSettings s = frameSettings(item, context, dpi);
            painter.save();
            painter.translate(rect.topLeft());
            painter.setClipRect(QRectF(QPointF(0, 0), QSizeF(s.outputSize)));
            MapRenderer::render(s, painter, feedback);
            dimOutside(painter, s, context.focus);
            detail::drawOverlay(painter, s, context.overlay, item.labels, dpi);
            painter.restore();
            painter.save();
            painter.setPen(QPen(Qt::black, 0.3 * dpi / 25.4));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(QRectF(rect.topLeft(), QSizeF(s.outputSize)));
            painter.restore();
            break;
        }
        case PrintItem::Type::Legend:
            drawLegend(painter, rect, detail::frameLegend(map, context.overlay, item.labels, dpi, context.lang), item.fontPt, dpi);
            break;
        case PrintItem::Type::ScaleBar:
            drawScaleBar(painter, rect, map, frame ? toPixels(frame->rectMm, dpi).width() : rect.width(), item.fontPt, dpi);
            break;
        case PrintItem::Type::NorthArrow:
            drawNorthArrow(painter, rect, northAngle(map), item.fontPt);
            break;
        case PrintItem::Type::Text:
            drawText(painter, rect, expand(item.text, context), item.fontPt, item.bold, Qt::AlignLeft | Qt::AlignVCenter);
            break;
        case PrintItem::Type::Credits:
            drawText(painter, rect, expand(item.text, context), item.fontPt, item.bold, Qt::AlignRight | Qt::AlignBottom);
            break;
        case PrintItem::Type::Table: {
            // Without a run for the page there is nothing to say "no shelter" or "no site" about.
            const bool sites = detail::isSiteTable(item);
            const bool run = sites ? !context.siteTotals.isEmpty() : !context.results.isEmpty();
            detail::drawTable(painter, rect, item, sites ? context.sites : context.table, run ? expand(item.text, context) : QStringLiteral("—"), dpi);
            break;
        }
        case PrintItem::Type::Contacts:
            detail::drawContacts(painter, rect, item, context.feature, expand(item.text, context));
            break;
        }
    }
}

void PrintRenderer::drawMapDecorations(QPainter &painter, const MapSettings &map, double dpi, double pt)
{
    const double mm = dpi / 25.4;
    const double width = map.outputSize.width(), height = map.outputSize.height();
    const QRectF bar(4 * mm, height - 12 * mm, std::min(50 * mm, width * 0.4), 8 * mm);
    const QRectF arrow(width - 14 * mm, 4 * mm, 10 * mm, 12 * mm);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 210));
    painter.drawRect(bar.adjusted(-2 * mm, -2 * mm, 2 * mm, 1 * mm));
    painter.drawRect(arrow.adjusted(-1 * mm, -1 * mm, 1 * mm, 1 * mm));
    painter.restore();
    drawScaleBar(painter, bar, map, width, pt, dpi);
    drawNorthArrow(painter, arrow, northAngle(map), pt);
}

void PrintRenderer::writePdf(const PrintLayout &layout, const std::vector<PrintContext> &pages, const QString &path, Feedback *feedback,
                             const std::function<void(int)> &pageDone)
{
    writeReplacing(path, [&](const QString &temp) {
        {
            QPdfWriter writer(temp);
            writer.setResolution(300);
            writer.setPageSize(QPageSize(layout.pageSizeMm(), QPageSize::Millimeter));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setTitle(pages.empty() ? QString() : pages.front().title);
            writer.setCreator(QStringLiteral("Refuge %1").arg(QStringLiteral(REFUGE_VERSION)));
            QPainter painter;
            if (!painter.begin(&writer))
                throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
            for (size_t i = 0; i < pages.size(); ++i) {
                if (i > 0)
                    writer.newPage();
                render(layout, pages[i], painter, writer.resolution(), feedback);
                if (pageDone)
                    pageDone(int(i));
            }
            painter.end();
        }
        if (QFileInfo(temp).size() == 0)
            throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
        PdfText::repairToUnicode(temp);
    });
}

namespace {

QImage pageImage(const PrintLayout &layout, const PrintContext &context, double dpi, const QString &path, Feedback *feedback)
{
    const QSizeF px = toPixels(QRectF(QPointF(0, 0), layout.pageSizeMm()), dpi).size();
    QImage image(int(std::lround(px.width())), int(std::lround(px.height())), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        throw InvalidInput(fileMessage(path, QStringLiteral("page too large at %1 dpi").arg(dpi)));
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    PrintRenderer::render(layout, context, painter, dpi, feedback);
    return image;
}

QString suffixOf(const QString &path) { return QFileInfo(path).suffix().toLower(); }

} // namespace

void PrintRenderer::writePng(const PrintLayout &layout, const PrintContext &context, double dpi, const QString &path, Feedback *feedback)
{
    const QImage image = pageImage(layout, context, dpi, path, feedback);
    writeReplacing(path, [&](const QString &temp) {
        if (!image.save(temp, "PNG"))
            throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
    });
}

void PrintRenderer::writeImage(const PrintLayout &layout, const PrintContext &context, double dpi, const QString &path, Feedback *feedback)
{
    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("png"))
        return writePng(layout, context, dpi, path, feedback);
    if (suffix != QLatin1String("tif") && suffix != QLatin1String("tiff"))
        throw InvalidInput(fileMessage(path, QStringLiteral("an image page must be .png, .tif or .tiff")));
    const QImage image = pageImage(layout, context, dpi, path, feedback).convertToFormat(QImage::Format_RGB888);
    writeReplacing(path, [&](const QString &temp) { TiffWriter::write(image, dpi, temp, path); });
}

void PrintRenderer::writeSvg(const PrintLayout &layout, const PrintContext &context, double dpi, const QString &path, Feedback *feedback)
{
    const QSizeF px = toPixels(QRectF(QPointF(0, 0), layout.pageSizeMm()), dpi).size();
    const QSize size(int(std::lround(px.width())), int(std::lround(px.height())));
    writeReplacing(path, [&](const QString &temp) {
        QSvgGenerator svg;
        svg.setFileName(temp);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(int(std::lround(dpi)));
        svg.setTitle(context.title);
        svg.setDescription(QStringLiteral("Refuge %1").arg(QStringLiteral(REFUGE_VERSION)));
        QPainter painter;
        if (!painter.begin(&svg))
            throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
        painter.setRenderHint(QPainter::Antialiasing);
        render(layout, context, painter, dpi, feedback);
        if (!painter.end())
            throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
    });
}

void PrintRenderer::writePage(const PrintLayout &layout, const PrintContext &context, double dpi, const QString &path, Feedback *feedback)
{
    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("pdf"))
        writePdf(layout, {context}, path, feedback);
    else if (suffix == QLatin1String("svg"))
        writeSvg(layout, context, dpi, path, feedback);
    else
        writeImage(layout, context, dpi, path, feedback);
}

QStringList PrintRenderer::pageSuffixes()
{
    return {QStringLiteral("pdf"), QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("tif"), QStringLiteral("tiff")};
}

} // namespace refuge
