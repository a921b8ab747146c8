// refuge-cli info: describe every layer of a vector source or the bands of a raster.
#include "Cli.h"
#include "io/TextEncoding.h"
#include "analysis/ParameterRanges.h"
#include "crs/Crs.h"
#include "io/Gdal.h"
#include "io/OffsetCheck.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

namespace refuge::cli {

namespace {

QJsonArray extentJson(const QRectF &r)
{
    return QJsonArray{r.left(), r.top(), r.right(), r.bottom()};
}

QJsonObject crsJson(const Crs &crs)
{
    return QJsonObject{{QStringLiteral("authid"), crs.authId()}, {QStringLiteral("name"), crs.name()},
                       {QStringLiteral("geographic"), crs.isGeographic()}};
}

// What info reports as problems (stderr, exit 1): skipped or repaired features and a
// guessed text encoding. The CRS note (stated by the user, or WGS 84 from lon/lat
// columns) is information and goes to stdout.
QStringList problemLines(const LoadReport &r)
{
    QStringList lines = r.messages();
    if (!r.crsNote.isEmpty())
        lines.removeAll(r.crsNote);
    return lines;
}

QJsonObject vectorJson(const VectorLayer &l)
{
    QJsonArray fields;
    for (const Field &f : l.fields())
        fields.append(QJsonObject{{QStringLiteral("name"), f.name}, {QStringLiteral("type"), fieldTypeName(f.type)}});
    const LoadReport &r = l.report();
    QJsonObject o{{QStringLiteral("name"), l.name()},
                  {QStringLiteral("geometry_type"), geometryTypeName(l.geometryType())},
                  {QStringLiteral("feature_count"), r.read},
                  {QStringLiteral("loaded_count"), r.loaded},
                  {QStringLiteral("fields"), fields},
                  {QStringLiteral("crs"), crsJson(l.sourceCrs())},
                  {QStringLiteral("extent"), extentJson(l.extent())},
                  {QStringLiteral("invalid_repaired"), r.repaired},
                  {QStringLiteral("invalid_skipped"), r.unrepairable},
                  {QStringLiteral("empty_skipped"), r.emptyGeometry},
                  {QStringLiteral("null_skipped"), r.nullGeometry},
                  {QStringLiteral("nonfinite_skipped"), r.nonFinite},
                  {QStringLiteral("outside_crs_skipped"), r.outsideCrs},
                  {QStringLiteral("other_type_skipped"), r.otherDimension},
                  {QStringLiteral("unreadable_skipped"), r.unreadable},
                  {QStringLiteral("encoding"), r.encoding},
                  {QStringLiteral("messages"), QJsonArray::fromStringList(problemLines(r))}};
    if (!r.crsNote.isEmpty())
        o.insert(QStringLiteral("crs_note"), r.crsNote);
    return o;
}

void printVector(const VectorLayer &l)
{
    const LoadReport &r = l.report();
    const QRectF e = l.extent();
    out() << "Layer: " << l.name() << "\n"
          << "  Geometry: " << geometryTypeName(l.geometryType()) << "\n"
          << "  Features: " << r.read << (r.skipped() ? QStringLiteral(" (%1 usable)").arg(r.loaded) : QString()) << "\n"
          << "  CRS: " << l.sourceCrs().label() << (r.crsNote.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.crsNote)) << "\n"
          << "  Extent: " << QString::number(e.left(), 'f', 6) << ", " << QString::number(e.top(), 'f', 6) << " : "
          << QString::number(e.right(), 'f', 6) << ", " << QString::number(e.bottom(), 'f', 6) << "\n"
          << "  Invalid geometries: " << (r.repaired + r.unrepairable) << " (" << r.repaired << " repaired, "
          << r.unrepairable << " skipped)\n"
          << "  Empty/null geometries: " << (r.emptyGeometry + r.nullGeometry) << "\n";
    if (!r.encoding.isEmpty())
        out() << "  Encoding: " << r.encoding << "\n";
    out() << "  Fields (" << l.fields().size() << "):\n";
    for (const Field &f : l.fields())
        out() << "    " << f.name << " (" << fieldTypeName(f.type) << ")\n";
}

} // namespace

int runInfo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("Data file or GDAL source (PATH[:LAYER] or PG:...)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));
    const QCommandLineOption crsOpt(QStringLiteral("crs"), QStringLiteral("CRS to assume for sources without one (e.g. EPSG:4326)."), QStringLiteral("crs"));
    const QCommandLineOption encOpt(QStringLiteral("encoding"), QStringLiteral("Text encoding of a Shapefile without .cpg (e.g. GBK)."), QStringLiteral("name"));
    const QCommandLineOption networkOpt(QStringLiteral("network"),
                                        QStringLiteral("Street network (PATH[:LAYER], lines) to check point layers against: warns when WGS 84 points sit on the GCJ-02 offset from it."),
                                        QStringLiteral("path"));
    parser.addOptions({json, crsOpt, encOpt, networkOpt});
    parseOrThrow(parser, args, QStringLiteral("Describe a data file: driver, layers, geometry type, feature count, fields, CRS, extent, invalid/empty geometries; for rasters size, bands, nodata and pixel size."));
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("info: expected one PATH (see refuge-cli info --help)"));
    const DataSource src = DataSource::parse(parser.positionalArguments().at(0));

    LoadOptions options;
    if (parser.isSet(crsOpt)) {
        try {
            options.assumedCrs = Crs::fromUserInput(parser.value(crsOpt));
        } catch (const CrsError &e) {
            throw UsageError(QStringLiteral("info: --crs: %1").arg(e.message()));
        }
    }
    options.encoding = parser.value(encOpt);
    if (parser.isSet(encOpt)) {
        try {
            checkEncoding(options.encoding, QStringLiteral("--encoding"));
        } catch (const InvalidInput &e) {
            throw UsageError(e.message());
        }
    }

    std::optional<VectorLayer> network;
    if (parser.isSet(networkOpt)) {
        network = VectorLayer::load(DataSource::parse(parser.value(networkOpt)));
        if (dimension(network->geometryType()) != 1)
            throw InvalidInput(fileMessage(network->source().displayName(), QStringLiteral("the street network must be lines, not %1 (--network)")
                                                                             .arg(geometryTypeName(network->geometryType()))));
    }

    const DatasetKind kind = probeDataset(src.path);
    const QString shown = redactedSource(src.path); // never print a connection string's password
    QJsonObject doc{{QStringLiteral("path"), shown}};
    int problems = 0;
    int failedLayers = 0;
    QStringList messages;
    QStringList failureReasons; // per failed layer, without the "<file>:<layer>: " prefix

    if (kind.vector) {
        const QStringList names = src.layer.isEmpty() ? VectorLayer::layerNames(src.path) : QStringList{src.layer};
        QJsonArray layers;
        bool first = true;
        for (const QString &name : names) {
            const QString where = names.size() > 1 ? name + QStringLiteral(": ") : QString();
            std::optional<VectorLayer> loaded;
            try {
                loaded = VectorLayer::load({src.path, names.size() == 1 && src.layer.isEmpty() ? QString() : name}, options);
            } catch (const Error &e) {
                // One broken layer of a multi-layer source: report it, describe the others.
                if (names.size() == 1)
                    throw;
                messages << e.message();
                layers.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("error"), e.message()}});
                ++failedLayers;
                const QString prefix = DataSource{src.path, name}.displayName() + QStringLiteral(": ");
                failureReasons << (e.message().startsWith(prefix) ? e.message().mid(prefix.size()) : e.message());
                continue;
            }
            const VectorLayer &l = *loaded;
            if (first && !parser.isSet(json))
                out() << "File: " << shown << "\nDriver: " << l.driver() << "\n";
            first = false;
            doc.insert(QStringLiteral("driver"), l.driver());
            QJsonObject layerJson = vectorJson(l);
            if (network) {
                const OffsetCheckResult offset = OffsetCheck::check(l, *network);
                if (offset.applicable)
                    layerJson.insert(QStringLiteral("offset_check"),
                                     QJsonObject{{QStringLiteral("points"), offset.points},
                                                 {QStringLiteral("median_declared_m"), offset.medianDeclaredMeters},
                                                 {QStringLiteral("median_gcj02_corrected_m"), offset.medianCorrectedMeters},
                                                 {QStringLiteral("looks_gcj02"), offset.looksGcj02}});
                if (offset.looksGcj02) {
                    messages << fileMessage(shown, where + offset.message);
                    ++problems;
                }
            }
            layers.append(layerJson);
            if (!parser.isSet(json))
                printVector(l);
            const LoadReport &r = l.report();
            const QStringList lines = problemLines(r);
            for (const QString &m : lines)
                messages << fileMessage(shown, where + m);
            problems += int(!lines.isEmpty());
            // An empty layer is a problem when it is the file's only or the asked-for layer.
            if (r.read == 0 && (names.size() == 1 || !src.layer.isEmpty())) {
                messages << fileMessage(shown, where + QStringLiteral("layer has no features"));
                ++problems;
            }
        }
        doc.insert(QStringLiteral("layers"), layers);
        // One fault of the file (a broken OSM PBF fails each of its 5 layers alike): one line.
        if (failedLayers == names.size() && failureReasons.size() > 1 && failureReasons.count(failureReasons.front()) == failureReasons.size())
            throw IoError(fileMessage(shown, QStringLiteral("%1 (all %2 layers)").arg(failureReasons.front()).arg(names.size())));
    } else {
        const RasterLayer r = RasterLayer::open(src.path, options.assumedCrs);
        QJsonArray bands;
        for (int b = 0; b < r.bandCount(); ++b) {
            QJsonObject bo{{QStringLiteral("type"), r.band(b).dataType}};
            bo.insert(QStringLiteral("nodata"), r.band(b).nodata ? QJsonValue(*r.band(b).nodata) : QJsonValue());
            bands.append(bo);
        }
        doc.insert(QStringLiteral("driver"), r.driver());
        doc.insert(QStringLiteral("raster"), QJsonObject{{QStringLiteral("width"), r.width()}, {QStringLiteral("height"), r.height()},
                                                         {QStringLiteral("bands"), bands}, {QStringLiteral("crs"), crsJson(r.crs())},
                                                         {QStringLiteral("pixel_size"), QJsonArray{r.pixelWidth(), r.pixelHeight()}},
                                                         {QStringLiteral("extent"), extentJson(r.extent())}});
        if (!parser.isSet(json)) {
            out() << "File: " << shown << "\nDriver: " << r.driver() << "\nRaster: " << r.width() << " x " << r.height()
                  << " pixels, " << r.bandCount() << " band(s)\n  CRS: " << r.crs().label() << "\n  Pixel size: "
                  << r.pixelWidth() << " x " << r.pixelHeight() << "\n";
            for (int b = 0; b < r.bandCount(); ++b)
                out() << "  Band " << b + 1 << ": " << r.band(b).dataType << ", nodata "
                      << (r.band(b).nodata ? QString::number(*r.band(b).nodata) : QStringLiteral("none")) << "\n";
        }
    }
    if (parser.isSet(json))
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    out().flush();
    for (const QString &m : messages)
        printError(m);
    return failedLayers ? BadInput : problems ? ProblemsFound : Ok;
}

static const bool registered = registerCommand({QStringLiteral("info"), QStringLiteral("Describe a vector or raster data file (layers, counts, fields, CRS, extent)"), runInfo});

} // namespace refuge::cli
