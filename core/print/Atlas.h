#pragma once
// Atlas: one page of a PrintLayout per feature of a coverage layer (communities,
// streets, districts). For each feature the layout's atlas map frame (id "map", else
// the first map frame) zooms to the feature — its bounds grown by a margin, or a fixed
// scale around its centre — and dims what lies outside it; text items get the
// feature's {feature.FIELD} values and {page}/{pages}.
// Output: one multi-page PDF, or one file per feature named by a template such as
// "{feature.NAME}.pdf" (any script; characters unsafe in Windows/Linux file names
// become '_', duplicates get " (2)", " (3)"...). Every file goes through a temporary
// name and is renamed when complete, so a failed or canceled page never leaves a file
// that looks finished.
// Threads: per-file pages are rendered in parallel (QtConcurrent on a private pool,
// each page with its own PrintContext, QPdfWriter and painter; MapRenderer is
// re-entrant). A single PDF is one QPdfWriter, which one painter fills page by page, so
// its pages are drawn in order on the calling thread (recording pages into QPictures in
// parallel and replaying them into the writer is not done: untested for fonts and
// the PDF's text mapping).
// A page that cannot be made (empty geometry, no value for the file name, a write
// error) is reported with its feature id and the other pages still export.
#include "print/PrintRenderer.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;
class VectorLayer;

struct AtlasOptions {
    QString coverageLayerId;      // MapLayer::id of the coverage layer in the context's map
    QString nameField;            // {feature.NAME} in file names; empty: the page number
    QString nameTemplate;         // file name per feature; empty: "{feature.<nameField>}.pdf"
    double marginPercent = 10;    // around the feature's bounds, per side, of its width/height
    double fixedScale = 0;        // > 0: 1:fixedScale around the feature's centre instead
    bool singleFile = false;
    QString outDir;
    QString singleFileName = QStringLiteral("atlas.pdf");
    double dpi = 150;             // for .png/.tif/.svg names
    int threads = 0;              // per-file pages at once; 0: the ideal thread count
    QString levelField;           // not empty: only features whose value here is levelValue
    QString levelValue;           //   (compared trimmed, case-insensitively): one level of a district/street/community batch
};

struct AtlasFailure {
    qint64 fid = -1;              // the feature's id in its source
    QString message;
};

struct AtlasResult {
    QStringList files;            // written, in feature order
    int pages = 0;                // pages exported
    std::vector<AtlasFailure> failures;
};

// What an atlas will write, worked out before anything is written (so callers can
// check the output paths): one context per page, and per-file mode's file paths.
struct AtlasPlan {
    std::vector<PrintContext> pages;
    std::vector<qint64> fids;     // the feature of each page
    std::vector<int> rows;        // its row in the coverage layer
    QStringList files;            // per page (per-file mode), or the one PDF
    std::vector<AtlasFailure> failures; // features that make no page (also those skipped when loading)
};

class Atlas {
public:
    // The {feature.FIELD} names used by the layout's texts and the name template.
    static QStringList fieldsUsed(const PrintLayout &layout, const QString &nameTemplate);
    // Throws InvalidInput "coverage layer 'x': no field 'A' (fields: ...)" for the first
    // field the layout, the template or nameField uses that the layer lacks.
    static void checkFields(const VectorLayer &layer, const PrintLayout &layout, const AtlasOptions &options);
    // `name` with characters not allowed in file names on Windows or Linux replaced by
    // '_' (<>:"/\|?*, control characters, trailing dots/spaces; reserved names such
    // as CON get a '_' prefix). Empty stays empty.
    static QString safeFileName(const QString &name);
    // Distinct names: the second "A.pdf" becomes "A (2).pdf" (case-insensitively).
    static QStringList uniqueNames(const QStringList &names);
    // The map extent for a feature in a frame of frameMm (see AtlasOptions).
    static QRectF pageExtent(const QRectF &featureBounds, const MapSettings &map, const QSizeF &frameMm, const AtlasOptions &options);
    // Ids of the source's features that the loaded layer lacks (skipped when loading:
    // empty, null or non-finite geometry...), read from the layer's GDAL source; none
    // for a layer built in memory. Throws IoError when the source cannot be opened.
    static std::vector<qint64> skippedFeatures(const VectorLayer &layer);
    // The atlas map frame of the layout; throws InvalidInput when it has none.
    static const PrintItem &atlasFrame(const PrintLayout &layout);
    // The pages and files of an atlas; writes nothing. Throws InvalidInput (no such
    // coverage layer, a field the layer lacks, no map frame, no feature of the level).
    static AtlasPlan plan(const PrintLayout &layout, const PrintContext &base, const AtlasOptions &options);
    // Writes a plan's files (see the class comment). Throws Canceled.
    static AtlasResult write(const PrintLayout &layout, const AtlasPlan &plan, const AtlasOptions &options,
                             Feedback *feedback = nullptr);
    // plan() then write(). `base` holds the map (layers, styles, CRS), title, date and
    // credits. Throws InvalidInput (no such coverage layer, missing field), Canceled.
    static AtlasResult run(const PrintLayout &layout, const PrintContext &base, const AtlasOptions &options,
                           Feedback *feedback = nullptr);
};

} // namespace refuge
