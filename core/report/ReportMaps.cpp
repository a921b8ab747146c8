#include "report/ReportMaps.h"
#include "model/Project.h"
#include "model/VectorLayer.h"
#include "print/PrintRenderer.h"
#include "render/MapRenderer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QFile>
#include <QPainter>
#include <cmath>
#include <memory>

namespace refuge {

namespace {

Symbol symbol(QColor fill, QColor stroke, double strokeMm, double sizeMm = 3.0)
{
    Symbol s;
    s.fillColor = fill;
    s.strokeColor = stroke;
    s.strokeWidthMm = strokeMm;
    s.sizeMm = sizeMm;
    return s;
}

MapLayer layerOf(const QString &name, VectorLayer layer, Style style, double opacity = 1.0)
{
    MapLayer m;
    m.id = name;
    m.name = name;
    m.vector = std::make_shared<const VectorLayer>(std::move(layer));
    m.style = std::move(style);
    m.opacity = opacity;
    return m;
}

// A project layer by role, loaded in the project CRS (null when absent or unreadable).
std::shared_ptr<VectorLayer> projectLayer(const Project &project, Role role, Feedback &feedback)
{
    const ProjectLayer *l = project.layerWithRole(role);
    if (!l)
        return {};
    try {
        LoadOptions o;
        o.targetCrs = project.crs;
        return std::make_shared<VectorLayer>(VectorLayer::load(project.dataSource(*l), o));
    } catch (const Error &e) {
        feedback.warn(e.message());
        return {};
    }
}

VectorLayer resultLayer(const QString &gpkg, const QString &name, const Crs &crs)
{
    LoadOptions o;
    o.targetCrs = crs;
    return VectorLayer::load(DataSource{gpkg, name}, o);
}

QImage render(const Project &project, std::vector<MapLayer> layers, const QRectF &extent, QSize size, Feedback &feedback)
{
    MapSettings s;
    s.crs = project.crs;
    s.outputSize = size;
    s.dpi = 150;
    s.extent = extent.adjusted(-extent.width() * 0.02, -extent.height() * 0.02, extent.width() * 0.02, extent.height() * 0.02);
    s.layers = std::move(layers);
    s.drawLabels = true;
    QImage image = MapRenderer::renderImage(s, &feedback);
    image.setDotsPerMeterX(int(std::lround(s.dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(s.dpi / 0.0254)));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    PrintRenderer::drawMapDecorations(painter, s, s.dpi, 12); // shown at ~60 % in the report
    return image;
}

const QColor kPalette[] = {QColor(141, 211, 199), QColor(255, 255, 179), QColor(190, 186, 218), QColor(251, 128, 114),
                           QColor(128, 177, 211), QColor(253, 180, 98),  QColor(179, 222, 105), QColor(252, 205, 229),
                           QColor(217, 217, 217), QColor(188, 128, 189), QColor(204, 235, 197), QColor(255, 237, 111)};

} // namespace

QImage ReportMaps::coverageMap(const Project &project, const QString &gpkg, bool drawUncovered, QSize size, Feedback &feedback)
{
    if (!QFile::exists(gpkg))
        return {};
    std::vector<MapLayer> layers;
    VectorLayer areas = resultLayer(gpkg, QStringLiteral("areas"), project.crs);
    QRectF extent = areas.extent();
    Style byShare;
    byShare.type = Style::Type::Graduated;
    byShare.field = QStringLiteral("covered_share");
    const QColor ramp[] = {QColor(215, 48, 39), QColor(252, 141, 89), QColor(254, 224, 139), QColor(145, 207, 96), QColor(26, 152, 80)};
    for (int k = 0; k < 5; ++k) {
        StyleRange r;
        r.lower = k == 0 ? -0.001 : k * 0.2;
        r.upper = (k + 1) * 0.2 + (k == 4 ? 0.001 : 0.0);
        r.label = QStringLiteral("%1–%2 %").arg(k * 20).arg((k + 1) * 20);
        r.symbol = symbol(ramp[k], QColor(90, 90, 90), 0.3);
        byShare.ranges.push_back(r);
    }
    byShare.symbol = symbol(QColor(230, 230, 230), QColor(90, 90, 90), 0.3);
    layers.push_back(layerOf(QStringLiteral("areas"), std::move(areas), byShare, 0.85));
    if (auto roads = projectLayer(project, Role::Roads, feedback)) {
        if (extent.isEmpty())
            extent = roads->extent();
        layers.push_back(layerOf(QStringLiteral("streets"), std::move(*roads), Style::single(symbol(Qt::transparent, QColor(120, 120, 120), 0.12))));
    }
    VectorLayer sa = resultLayer(gpkg, QStringLiteral("service_areas"), project.crs);
    layers.push_back(layerOf(QStringLiteral("service_areas"), std::move(sa),
                             Style::single(symbol(QColor(33, 113, 181, 40), QColor(33, 113, 181, 160), 0.25)), 1.0));
    if (drawUncovered)
        layers.push_back(layerOf(QStringLiteral("uncovered"), resultLayer(gpkg, QStringLiteral("uncovered"), project.crs),
                                 Style::single(symbol(QColor(165, 0, 38), QColor(255, 255, 255), 0.1, 1.4))));
    Symbol shelter = symbol(QColor(8, 48, 107), QColor(255, 255, 255), 0.3, 3.6);
    shelter.marker = MarkerShape::Square;
    layers.push_back(layerOf(QStringLiteral("facilities"), resultLayer(gpkg, QStringLiteral("facilities"), project.crs), Style::single(shelter)));
    return render(project, std::move(layers), extent, size, feedback);
}

QImage ReportMaps::fireMap(const Project &project, const QString &gpkg, QSize size, Feedback &feedback)
{
    if (!QFile::exists(gpkg))
        return {};
    std::vector<MapLayer> layers;
    VectorLayer zones = resultLayer(gpkg, QStringLiteral("zones"), project.crs);
    QRectF extent = zones.extent();
    Style byStation;
    byStation.type = Style::Type::Categorized;
    byStation.field = QStringLiteral("station");
    const int station = zones.fieldIndex(QStringLiteral("station"));
    for (int i = 0; i < zones.featureCount(); ++i) {
        StyleCategory c;
        c.value = zones.attribute(i, station);
        c.symbol = symbol(kPalette[i % 12], QColor(60, 60, 60), 0.35);
        byStation.categories.push_back(c);
    }
    byStation.labels.text = QStringLiteral("station");
    byStation.labels.enabled = true;
    layers.push_back(layerOf(QStringLiteral("zones"), std::move(zones), byStation, 0.9));
    if (auto roads = projectLayer(project, Role::Roads, feedback))
        layers.push_back(layerOf(QStringLiteral("streets"), std::move(*roads), Style::single(symbol(Qt::transparent, QColor(130, 130, 130), 0.1))));
    Symbol diff = symbol(Qt::transparent, QColor(120, 0, 0), 0.2);
    diff.hatch = HatchPattern::BDiagonal;
    diff.hatchColor = QColor(150, 0, 0);
    diff.hatchSpacingMm = 1.2;
    layers.push_back(layerOf(QStringLiteral("differences"), resultLayer(gpkg, QStringLiteral("differences"), project.crs), Style::single(diff)));
    if (auto official = projectLayer(project, Role::OfficialDistricts, feedback)) {
        Symbol o = symbol(Qt::transparent, QColor(0, 0, 0), 0.45);
        o.strokeStyle = Qt::DashLine;
        layers.push_back(layerOf(QStringLiteral("official"), std::move(*official), Style::single(o)));
    }
    Symbol st = symbol(QColor(203, 24, 29), QColor(255, 255, 255), 0.3, 4.0);
    st.marker = MarkerShape::Triangle;
    layers.push_back(layerOf(QStringLiteral("stations"), resultLayer(gpkg, QStringLiteral("stations"), project.crs), Style::single(st)));
    return render(project, std::move(layers), extent, size, feedback);
}

} // namespace refuge
