#pragma once
// ColorRamp: a named gradient used to colour graduated classes and pseudocolour
// rasters. Built-in names: "risk" (5 classes, dark red = high … green = low),
// "reds", "blues", "greens", "oranges", "viridis", "spectral", "greys",
// "yellow_red" (population), "categorical" (distinct colours for categories).
// A value type; thread-safe to read.
#include <QColor>
#include <QGradientStops>
#include <QString>
#include <QStringList>
#include <vector>

namespace refuge {

class ColorRamp {
public:
    ColorRamp() = default;
    ColorRamp(QString name, QGradientStops stops, bool discrete = false);

    // A built-in ramp; throws InvalidInput naming the known ramps when unknown.
    static ColorRamp named(const QString &name);
    static QStringList names();
    // The 5-class risk palette in ascending order (so graduated classes, which run from
    // low to high values, get green … dark red): green, light green, yellow, orange, red.
    static ColorRamp risk();
    // Labels of the 5 risk classes in the same ascending order: 低/较低/中/较高/高 or
    // Low, Moderately low, Moderate, Moderately high, High. Legends usually list them
    // reversed (高 first).
    static QStringList riskLabels(bool chinese);

    const QString &name() const { return m_name; }
    const QGradientStops &stops() const { return m_stops; }
    bool isDiscrete() const { return m_discrete; }
    // Colour at t in [0, 1] (clamped); discrete ramps return the nearest stop.
    QColor colorAt(double t) const;
    // n colours evenly spread from start to end (a discrete ramp with n stops gives them exactly).
    std::vector<QColor> colors(int n) const;
    ColorRamp reversed() const;

private:
    QString m_name;
    QGradientStops m_stops;
    bool m_discrete = false;
};

} // namespace refuge
