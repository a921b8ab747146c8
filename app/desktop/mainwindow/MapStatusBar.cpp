#include "mainwindow/MapStatusBar.h"

#include "canvas/MapCanvas.h"
#include "commands/LayerCommands.h"
#include "crs/CoordinateTransform.h"
#include "document/ProjectDocument.h"
#include "util/Error.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QRegularExpression>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolButton>
#include <QUndoStack>
#include <cmath>

namespace refuge::desktop {

MapStatusBar::MapStatusBar(ProjectDocument *doc, MapCanvas *canvas, QStatusBar *bar)
    : QObject(bar), m_doc(doc), m_canvas(canvas), m_coords(new QLabel(bar)), m_lonLat(new QLabel(bar)),
      m_scale(new QComboBox(bar)), m_render(new QLabel(bar)), m_crs(new QToolButton(bar))
{
    m_coords->setMinimumWidth(190);
    m_lonLat->setMinimumWidth(190);
    m_scale->setObjectName(QStringLiteral("scaleBox"));
    m_scale->setEditable(true);
    m_scale->setInsertPolicy(QComboBox::NoInsert);
    m_scale->setMinimumWidth(120);
    for (const int d : {500, 1000, 2000, 5000, 10000, 25000, 50000, 100000, 250000})
        m_scale->addItem(QStringLiteral("1:%L1").arg(d));
    m_coords->setToolTip(tr("Cursor position in the project CRS"));
    m_lonLat->setToolTip(tr("Cursor position as longitude, latitude (WGS 84)"));
    m_scale->setToolTip(tr("Map scale — type 1:N or choose one"));
    m_crs->setAutoRaise(true);
    m_crs->setToolTip(tr("Project coordinate reference system — click to change"));
    bar->addPermanentWidget(m_render);
    bar->addPermanentWidget(m_coords);
    bar->addPermanentWidget(m_lonLat);
    bar->addPermanentWidget(m_scale);
    bar->addPermanentWidget(m_crs);
    connect(m_crs, &QToolButton::clicked, this, &MapStatusBar::chooseCrs);
    connect(canvas, &MapCanvas::cursorMoved, this, &MapStatusBar::showCursor);
    connect(canvas, &MapCanvas::scaleChanged, this, [this](double) { showScale(); });
    connect(m_scale, &QComboBox::textActivated, this, &MapStatusBar::applyScale); // a listed scale
    connect(m_scale->lineEdit(), &QLineEdit::returnPressed, this, [this] { applyScale(m_scale->currentText()); }); // a typed one
    connect(canvas, &MapCanvas::renderStarted, this, [this] { m_render->setText(tr("Rendering…")); });
    connect(canvas, &MapCanvas::renderFinished, this, [this](qint64 ms) { m_render->setText(tr("Rendered in %1 ms").arg(ms)); });
    connect(doc, &ProjectDocument::crsChanged, this, &MapStatusBar::updateCrs);
    connect(doc, &ProjectDocument::projectReset, this, &MapStatusBar::updateCrs);
    updateCrs();
}

MapStatusBar::~MapStatusBar() = default;

void MapStatusBar::updateCrs()
{
    const Crs &crs = m_doc->project().crs;
    m_crs->setText(crs.isValid() ? (crs.authId().isEmpty() ? crs.name() : crs.authId()) : tr("No CRS"));
    m_crs->setToolTip(crs.isValid() ? crs.label() : tr("No coordinate reference system"));
    m_toLonLat.reset();
    try {
        if (crs.isValid())
            m_toLonLat = std::make_unique<CoordinateTransform>(crs, Crs::fromUserInput(QStringLiteral("OGC:CRS84")));
    } catch (const Error &) {
        // no lon/lat display for this CRS
    }
}

QString MapStatusBar::coordinateText() const { return m_coords->text() + QLatin1Char(' ') + m_lonLat->text(); }

QString MapStatusBar::scaleText() const
{
    const double d = m_canvas->scaleDenominator();
    if (!(d > 0) || !std::isfinite(d))
        return {};
    return tr("Scale 1:%L1").arg(qRound64(d));
}

void MapStatusBar::showScale()
{
    const double d = m_canvas->scaleDenominator();
    const QSignalBlocker block(m_scale);
    m_scale->setCurrentIndex(-1);
    m_scale->setEditText(d > 0 && std::isfinite(d) ? QStringLiteral("1:%L1").arg(qRound64(d)) : QString());
}

std::optional<double> MapStatusBar::parseScale(const QString &text)
{
    // "1:N" (ASCII or full-width colon) or "N"; group separators of any locale dropped.
    static const QRegularExpression form(QStringLiteral("^\\s*(?:1\\s*[:：]\\s*)?([0-9][0-9,.'\\s\u00a0\u202f]*)\\s*$"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    QString digits = m.captured(1);
    digits.remove(QRegularExpression(QStringLiteral("[,.'\\s\u00a0\u202f]")));
    bool ok = false;
    const double d = digits.toDouble(&ok);
    if (!ok || d < 1 || d > 1e8)
        return std::nullopt;
    return d;
}

bool MapStatusBar::applyScale(const QString &text)
{
    const std::optional<double> wanted = parseScale(text);
    const double now = m_canvas->scaleDenominator();
    if (!wanted || !(now > 0) || !std::isfinite(now)) {
        showScale();
        return false;
    }
    m_canvas->zoomByFactor(now / *wanted, QPointF(m_canvas->width() / 2.0, m_canvas->height() / 2.0));
    showScale();
    return true;
}

void MapStatusBar::showCursor(QPointF p)
{
    const QLocale locale;
    const bool geographic = m_doc->project().crs.isGeographic();
    const int decimals = geographic ? 6 : 1;
    m_coords->setText(QStringLiteral("%1, %2").arg(locale.toString(p.x(), 'f', decimals), locale.toString(p.y(), 'f', decimals)));
    if (!m_toLonLat) {
        m_lonLat->clear();
        return;
    }
    try {
        const QPointF ll = m_toLonLat->transform(p);
        m_lonLat->setText(tr("lon %1° lat %2°").arg(locale.toString(ll.x(), 'f', 5), locale.toString(ll.y(), 'f', 5)));
    } catch (const Error &) {
        m_lonLat->setText(tr("outside the CRS"));
    }
}

// The CRSs offered by name: WGS 84, CGCS2000 and its 3-degree Gauss-Kruger zones
// (EPSG:4534–4554, central meridians 75°–135° E), each "EPSG:N — name".
QStringList MapStatusBar::offeredCrs()
{
    QStringList items{QStringLiteral("EPSG:4326 — ") + tr("WGS 84 (longitude/latitude)"),
                      QStringLiteral("EPSG:4490 — ") + tr("CGCS2000 (China Geodetic Coordinate System 2000, longitude/latitude)")};
    for (int code = 4534; code <= 4554; ++code)
        items << QStringLiteral("EPSG:%1 — ").arg(code) + tr("CGCS2000 / 3-degree Gauss-Kruger CM %1°E").arg(75 + 3 * (code - 4534));
    return items;
}

void MapStatusBar::chooseCrs()
{
    bool ok = false;
    const QString current = m_doc->project().crs.authId();
    QStringList items = offeredCrs();
    int currentIndex = 0;
    for (int i = 0; i < items.size(); ++i)
        if (items[i].startsWith(current + QStringLiteral(" — ")))
            currentIndex = i;
    if (!current.isEmpty() && !items[currentIndex].startsWith(current + QStringLiteral(" — "))) {
        items.prepend(current);
        currentIndex = 0;
    }
    // Editable: any EPSG code or WKT may be typed instead.
    const QString chosen = QInputDialog::getItem(m_crs->window(), tr("Project CRS"),
                                                 tr("Coordinate reference system (e.g. EPSG:32651, EPSG:4490, EPSG:26986):"), items,
                                                 currentIndex, true, &ok).trimmed();
    const QString text = chosen.section(QStringLiteral(" — "), 0, 0).trimmed();
    if (!ok || text.isEmpty() || text == current)
        return;
    try {
        const Crs crs = Crs::fromUserInput(text);
        m_doc->undoStack()->push(new SetProjectCrsCommand(m_doc, crs));
    } catch (const Error &e) {
        QMessageBox::warning(m_crs->window(), tr("Project CRS"), tr("“%1” is not a usable CRS:\n%2").arg(text, e.message()));
    }
}

} // namespace refuge::desktop
