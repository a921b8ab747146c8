#pragma once
// MapRenderer: draws a MapSettings snapshot. Synchronous and re-entrant: call it from
// any thread (the desktop runs it in its own QThreadPool; the CLI and print call it
// directly). It only reads the snapshot, so several renders may run at once.
// Threads: layer/band tasks run in a private pool of the renderer. Qt's raster engine
// may itself hand large fills to QThreadPool::globalInstance() and wait for them, so do
// not call it from global-pool threads in numbers that can saturate that pool.
//
// renderImage(): each visible layer is drawn into its own ARGB image in parallel
// (QtConcurrent, one task per layer; a layer with many features in view is split into
// horizontal bands drawn in parallel too), then the images are composed bottom to top with
// each layer's opacity over the background, and labels are placed last across all
// layers (top layer first, greedy collision avoidance).
// render(painter): when the painter's device is a raster image of the output size it
// does the same; for any other device (QPdfWriter, QSvgGenerator, a printer) it draws
// the layers directly, in order, as vectors (layer opacity via QPainter::setOpacity).
//
// Cancel: Feedback::cancel() from any thread; the renderer polls it between features
// and throws Canceled. Progress is reported per finished layer. Layers that cannot be
// drawn (raster in another CRS, unreadable raster, missing field) are skipped with a
// Feedback warning rather than failing the whole map.
#include "render/MapSettings.h"

#include <QImage>

class QPainter;

namespace refuge {

class Feedback;

class MapRenderer {
public:
    // Draws into `painter` at device coordinates (0,0)-(outputSize): the painter's
    // current transform is respected, so print layouts can place the map in a frame.
    static void render(const MapSettings &settings, QPainter &painter, Feedback *feedback = nullptr);
    // A new QImage::Format_ARGB32_Premultiplied image of settings.outputSize with the
    // whole map (background, layers, labels). Throws Canceled.
    static QImage renderImage(const MapSettings &settings, Feedback *feedback = nullptr);
    // One layer alone on a transparent image (no labels): for the desktop's per-layer caches.
    static QImage renderLayerImage(const MapSettings &settings, int layerIndex, Feedback *feedback = nullptr);
};

} // namespace refuge
