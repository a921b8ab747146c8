#include "print/Atlas.h"

#include "io/FeatureStream.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <atomic>
#include <cmath>
#include <mutex>
#include <numeric>
#include <numbers>

namespace refuge {
namespace {

QPainterPath areaPath(const Geometry &g)
{
    QPainterPath path;
    if (dimension(g.type()) != 2)
        return path;
    for (int r = 0; r < g.ringCount(); ++r) {
        const QPointF *pts = g.ringPoints(r);
        path.addPolygon(QPolygonF(QList<QPointF>(pts, pts + g.ringSize(r))));
        path.closeSubpath();
    }
    return path;
}

QString templateFor(const AtlasOptions &options)
{
    if (!options.nameTemplate.isEmpty())
        return options.nameTemplate;
    return options.nameField.isEmpty() ? QStringLiteral("{page}.pdf") : QStringLiteral("{feature.%1}.pdf").arg(options.nameField);
}

// Adds `message` to the feedback's warnings unless it is already there (pages repeat them).
void warnOnce(Feedback *feedback, std::mutex &mutex, const QString &message)
{
    if (!feedback)
        return;
    const std::lock_guard<std::mutex> lock(mutex);
    if (!feedback->warnings().contains(message))
        feedback->warn(message);
}

} // namespace

QStringList Atlas::fieldsUsed(const PrintLayout &layout, const QString &nameTemplate)
{
    static const QRegularExpression field(QStringLiteral("\\{feature\\.([^{}]+)\\}"));
    QStringList texts{nameTemplate};
    for (const PrintItem &item : layout.items)
        texts << item.text;
    QStringList names;
    for (const QString &text : texts)
        for (auto it = field.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (!names.contains(name))
                names << name;
        }
    return names;
}

void Atlas::checkFields(const VectorLayer &layer, const PrintLayout &layout, const AtlasOptions &options)
{
    QStringList names = fieldsUsed(layout, templateFor(options));
    if (!options.nameField.isEmpty())
        names.prepend(options.nameField);
    if (!options.levelField.isEmpty())
        names.prepend(options.levelField);
    for (const QString &name : names)
        layer.requireField(name);
}

QString Atlas::safeFileName(const QString &name)
{
    static const QRegularExpression unsafe(QStringLiteral("[<>:\"/\\\\|?*\\x00-\\x1f\\x7f]"));
    QString out = name;
    out.replace(unsafe, QStringLiteral("_"));
    qsizetype end = out.size();
    while (end > 0 && (out[end - 1] == QLatin1Char('.') || out[end - 1] == QLatin1Char(' ')))
        --end;
    if (end < out.size())
        out = out.left(end) + QString(out.size() - end, QLatin1Char('_'));
    static const QRegularExpression reserved(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (reserved.match(out).hasMatch())
        out.prepend(QLatin1Char('_'));
    if (out == QLatin1String(".") || out == QLatin1String(".."))
        out = QString(out.size(), QLatin1Char('_'));
    return out;
}

QStringList Atlas::uniqueNames(const QStringList &names)
{
    QSet<QString> taken;
    for (const QString &n : names)
        taken.insert(n.toLower());
    QSet<QString> used;
    QStringList out;
    for (const QString &name : names) {
        QString candidate = name;
        if (!name.isEmpty() && used.contains(name.toLower())) {
            const QFileInfo info(name);
            const QString base = info.completeBaseName(), suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
            for (int n = 2; used.contains(candidate.toLower()) || (taken.contains(candidate.toLower()) && candidate != name); ++n)
                candidate = QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(suffix);
        }
        used.insert(candidate.toLower());
        out << candidate;
    }
    return out;
}

QRectF Atlas::pageExtent(const QRectF &bounds, const MapSettings &map, const QSizeF &frameMm, const AtlasOptions &options)
{
    const QPointF centre = bounds.center();
    const bool point = bounds.width() <= 0 && bounds.height() <= 0;
    if (options.fixedScale > 0 || point) {
        const double scale = options.fixedScale > 0 ? options.fixedScale : 5000;
        double metresPerUnitX = 1, metresPerUnitY = 1;
        if (map.crs.isValid() && map.crs.isGeographic()) {
            metresPerUnitY = 6371008.8 * std::numbers::pi / 180.0;
            metresPerUnitX = metresPerUnitY * std::cos(centre.y() * std::numbers::pi / 180.0);
        }
        const double w = frameMm.width() / 1000.0 * scale / metresPerUnitX;
        const double h = frameMm.height() / 1000.0 * scale / metresPerUnitY;
        return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h);
    }
    const double k = std::max(0.0, options.marginPercent) / 100.0;
    const double dx = std::max(bounds.width(), bounds.height() * 1e-3) * k, dy = std::max(bounds.height(), bounds.width() * 1e-3) * k;
    return bounds.adjusted(-dx, -dy, dx, dy);
}

std::vector<qint64> Atlas::skippedFeatures(const VectorLayer &layer)
{
    if (layer.source().path.isEmpty() || layer.report().skipped() == 0)
        return {};
    QSet<qint64> kept;
    for (int i = 0; i < layer.featureCount(); ++i)
        kept.insert(layer.sourceFid(i));
    std::vector<qint64> skipped;
    for (const qint64 fid : FeatureStream::fids(layer.source()))
        if (!kept.contains(fid))
            skipped.push_back(fid);
    return skipped;
}

const PrintItem &Atlas::atlasFrame(const PrintLayout &layout)
{
    if (const PrintItem *map = layout.item(QStringLiteral("map")); map && map->type == PrintItem::Type::Map)
        return *map;
    for (const PrintItem &item : layout.items)
        if (item.type == PrintItem::Type::Map)
            return item;
    throw InvalidInput(QStringLiteral("layout '%1': no map frame for the atlas").arg(layout.name));
}

AtlasPlan Atlas::plan(const PrintLayout &layout, const PrintContext &base, const AtlasOptions &options)
{
    const auto coverage = std::find_if(base.map.layers.begin(), base.map.layers.end(),
                                       [&](const MapLayer &l) { return l.id == options.coverageLayerId; });
    if (coverage == base.map.layers.end() || !coverage->vector)
        throw InvalidInput(QStringLiteral("atlas: no vector layer with id '%1'").arg(options.coverageLayerId));
    const VectorLayer &layer = *coverage->vector;
    checkFields(layer, layout, options);
    const PrintItem &frame = atlasFrame(layout);
    const QString nameTemplate = templateFor(options);
    const QStringList used = fieldsUsed(layout, nameTemplate);
    auto failure = [&](int i, const QString &what) {
        return AtlasFailure{layer.sourceFid(i), QStringLiteral("feature %1 of '%2': %3").arg(layer.sourceFid(i)).arg(coverage->name, what)};
    };

    AtlasPlan plan;
    const QString loadNote = layer.report().messages().join(QStringLiteral("; "));
    for (const qint64 fid : skippedFeatures(layer))
        plan.failures.push_back({fid, QStringLiteral("feature %1 of '%2': skipped when loading (%3), no page").arg(fid).arg(coverage->name, loadNote)});
    std::vector<int> features;
    const int levelField = options.levelField.isEmpty() ? -1 : layer.fieldIndex(options.levelField);
    QStringList levels;
    for (int i = 0; i < layer.featureCount(); ++i) {
        const QString level = levelField < 0 ? QString() : layer.attribute(i, levelField).toString().trimmed();
        if (levelField >= 0 && level.compare(options.levelValue.trimmed(), Qt::CaseInsensitive) != 0) {
            if (!levels.contains(level))
                levels << level;
            continue; // a feature of another level
        }
        if (layer.geometry(i).isEmpty())
            plan.failures.push_back(failure(i, QStringLiteral("empty geometry, no page")));
        else if (!options.singleFile && !options.nameField.isEmpty() &&
                 safeFileName(layer.attribute(i, layer.fieldIndex(options.nameField)).toString().trimmed()).isEmpty())
            plan.failures.push_back(failure(i, QStringLiteral("no value in field '%1' to name its file").arg(options.nameField)));
        else
            features.push_back(i);
    }
    if (levelField >= 0 && features.empty() && plan.failures.empty())
        throw InvalidInput(QStringLiteral("atlas: layer '%1': no feature has %2 = '%3' (values: %4)")
                               .arg(coverage->name, options.levelField, options.levelValue, levels.join(QStringLiteral(", "))));
    QStringList names;
    for (std::size_t p = 0; p < features.size(); ++p) {
        const int i = features[p];
        PrintContext c = base;
        const Geometry &g = layer.geometry(i);
        c.map.extent = pageExtent(g.bounds(), base.map, frame.rectMm.size(), options);
        c.focus = areaPath(g);
        c.page = int(p) + 1;
        c.pages = int(features.size());
        for (int f = 0; f < int(layer.fields().size()); ++f)
            c.feature.insert(layer.fields()[std::size_t(f)].name, layer.attribute(i, f));
        for (const QString &name : used) // as the layout spells it (fields match case-insensitively)
            c.feature.insert(name, layer.attribute(i, layer.fieldIndex(name)));
        if (!options.singleFile)
            names << safeFileName(PrintRenderer::expand(nameTemplate, c));
        plan.pages.push_back(std::move(c));
        plan.fids.push_back(layer.sourceFid(i));
        plan.rows.push_back(i);
    }
    const QDir dir(options.outDir);
    if (options.singleFile)
        names = QStringList{options.singleFileName};
    for (const QString &name : uniqueNames(names))
        plan.files << QDir::cleanPath(dir.filePath(name));
    return plan;
}

AtlasResult Atlas::write(const PrintLayout &layout, const AtlasPlan &plan, const AtlasOptions &options, Feedback *feedback)
{
    AtlasResult result;
    result.failures = plan.failures;
    const int total = int(plan.pages.size());
    std::mutex warnMutex;
    auto forwardWarnings = [&](const Feedback &own) {
        for (const QString &w : own.warnings())
            warnOnce(feedback, warnMutex, w);
    };
    if (options.singleFile) {
        if (total == 0)
            return result;
        Feedback own;
        PrintRenderer::writePdf(layout, plan.pages, plan.files.front(), &own, [&](int page) {
            if (feedback) {
                feedback->throwIfCanceled();
                feedback->setProgress(100.0 * (page + 1) / total);
            }
        });
        forwardWarnings(own);
        result.files << plan.files.front();
        result.pages = total;
        return result;
    }

    std::vector<QString> errors(plan.pages.size());
    std::atomic<int> done{0};
    QThreadPool pool;
    pool.setMaxThreadCount(options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount()));
    std::vector<int> order(plan.pages.size());
    std::iota(order.begin(), order.end(), 0);
    QtConcurrent::blockingMap(&pool, order, [&](int p) {
        if (feedback && feedback->isCanceled())
            return;
        const QString &file = plan.files[p];
        Feedback own;
        try {
            PrintRenderer::writePage(layout, plan.pages[std::size_t(p)], options.dpi, file, &own);
        } catch (const Error &e) {
            errors[std::size_t(p)] = e.message();
        }
        forwardWarnings(own);
        if (feedback)
            feedback->setProgress(100.0 * (done.fetch_add(1) + 1) / total);
    });
    if (feedback)
        feedback->throwIfCanceled();
    for (int p = 0; p < total; ++p) {
        if (errors[std::size_t(p)].isEmpty()) {
            result.files << plan.files[p];
            ++result.pages;
        } else {
            result.failures.push_back({plan.fids[std::size_t(p)], QStringLiteral("feature %1: %2").arg(plan.fids[std::size_t(p)]).arg(errors[std::size_t(p)])});
        }
    }
    return result;
}

AtlasResult Atlas::run(const PrintLayout &layout, const PrintContext &base, const AtlasOptions &options, Feedback *feedback)
{
    return write(layout, plan(layout, base, options), options, feedback);
}

} // namespace refuge
