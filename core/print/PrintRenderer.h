#pragma once
// PrintRenderer: draws a PrintLayout onto any QPainter (QPdfWriter, QImage, printer,
// SVG), in device pixels at a given DPI, page top left at (0, 0). Map frames are drawn by
// MapRenderer (the canvas's renderer) with the context's layers, styles and CRS; legend
// swatches by Legend (the layer tree's); texts with FontResolver's fonts (Chinese OK).
// Writers put a whole page (or several) into a PDF sized from the paper in mm, or a PNG
// at a chosen DPI; they write to a temporary name beside the output and rename it at
// the end, so a failure never leaves a half-written file under the output's name.
#include "print/PrintLayout.h"
#include "render/MapSettings.h"

#include <QPainterPath>
#include <QPolygonF>
#include <QString>
#include <QVariantMap>
#include <functional>
#include <optional>
#include <vector>

class QPainter;

namespace refuge {

class Feedback;

// A hazardous-chemical site on an atlas page (map units): its point, its name, and
// the rings of its isolation and protection distances (empty when not given).
struct SiteMark {
    QPointF point;
    QString label;
    QPolygonF isolation, protection;
};

// What an atlas page draws over its map frames (map units): the walking routes to the
// community's assigned shelters, those shelters ringed, a "you are here" marker, and
// the hazardous sites with their distance rings.
struct PageOverlay {
    std::vector<QPolygonF> routes;
    std::vector<QPointF> shelters;
    std::optional<QPointF> here;
    std::vector<SiteMark> sites;
    bool isEmpty() const { return routes.empty() && shelters.empty() && !here && sites.empty(); }
};

struct PrintContext {
    MapSettings map;     // layers, styles, CRS; map.extent is what the map frames show
    QString title;
    QString date;        // as printed; empty: today (ISO 8601)
    int page = 1;
    int pages = 1;
    QString credits;     // {credits}: every source's credit, one line
    QVariantMap feature; // {feature.FIELD}
    // Map units: when not empty, map frames dim what lies outside it (atlas pages).
    QPainterPath focus;
    QVariantMap results;              // {result.FIELD}: the page's row of the coverage results' areas
    std::vector<QVariantMap> table;   // table items' rows (keys: the columns' keys)
    std::vector<QVariantMap> sites;   // site tables' rows (PageItems::isSiteTable): the hazardous sites on the page
    QVariantMap siteTotals;           // {sites.FIELD}: count, pop_isolation, pop_protection
    PageOverlay overlay;
    QString lang;        // the page's language ("zh"/"zh_CN": core's default legend labels in Chinese)
};

class PrintRenderer {
public:
    // The text with {title}, {date}, {page}, {pages}, {credits}, {feature.FIELD},
    // {result.FIELD}, {sites.FIELD} and {covered_share} (results' covered_share as a
    // percentage, "—" without results) filled in; an unknown field stays as written.
    static QString expand(const QString &text, const PrintContext &context);
    // The MapSettings a map frame draws: the context's map sized to the frame at `dpi`.
    static MapSettings frameSettings(const PrintItem &frame, const PrintContext &context, double dpi);
    // Draws the page; `dpi` converts the layout's mm to the painter's device pixels.
    static void render(const PrintLayout &layout, const PrintContext &context, QPainter &painter, double dpi,
                       Feedback *feedback = nullptr);
    // A scale bar (bottom left) and a true-north arrow (top right) on a drawn map of
    // map.outputSize pixels at `dpi`, each on a white box: for maps outside a layout
    // (the report's).
    static void drawMapDecorations(QPainter &painter, const MapSettings &map, double dpi, double pt = 8);
    // One PDF page per context (vector, fonts embedded, text extractable). Throws
    // IoError naming `path`; never leaves a partial file at `path`. `pageDone(i)` runs
    // after page i is drawn (progress; it may throw Canceled to abandon the file).
    static void writePdf(const PrintLayout &layout, const std::vector<PrintContext> &pages, const QString &path,
                         Feedback *feedback = nullptr, const std::function<void(int)> &pageDone = {});
    // One page as a PNG at `dpi`.
    static void writePng(const PrintLayout &layout, const PrintContext &context, double dpi, const QString &path,
                         Feedback *feedback = nullptr);
    // One page as an image at `dpi`, by the suffix: .png, or .tif/.tiff (through GDAL,
    // with its resolution tags). Throws InvalidInput for another suffix.
    static void writeImage(const PrintLayout &layout, const PrintContext &context, double dpi, const QString &path,
                           Feedback *feedback = nullptr);
    // One page as SVG: the page's size in mm, drawn at `dpi` user units per inch
    // (vector: text stays text, map features paths).
    static void writeSvg(const PrintLayout &layout, const PrintContext &context, double dpi, const QString &path,
                         Feedback *feedback = nullptr);
    // One page to `path` by its suffix: .pdf, .svg, .png, .tif/.tiff.
    static void writePage(const PrintLayout &layout, const PrintContext &context, double dpi, const QString &path,
                          Feedback *feedback = nullptr);
    // The suffixes writePage() knows, lower case.
    static QStringList pageSuffixes();
};

} // namespace refuge
