#pragma once
// MapOverlay: something drawn over the rendered map image on every paint of the
// canvas, in screen pixels (MapCanvas::toPixel), without a re-render — e.g. the active
// scenario's edited facilities. Owned by whoever creates it; the canvas only keeps a
// guarded pointer. Drawn under the active tool's rubber band. GUI thread only.
#include <QObject>

class QPainter;

namespace refuge::desktop {

class MapCanvas;

class MapOverlay : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void paint(QPainter &painter, const MapCanvas &canvas) = 0;
};

} // namespace refuge::desktop
