#include "dialogs/BasemapDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace refuge::desktop {

namespace {

QString tianditu(const char *layer)
{
    return QStringLiteral("http://t0.tianditu.gov.cn/%1_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=%1&STYLE=default"
                          "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}#zmax=18")
        .arg(QLatin1String(layer));
}

} // namespace

BasemapDialog::BasemapDialog(QWidget *parent)
    : QDialog(parent), m_preset(new QComboBox(this)), m_source(new QLineEdit(this)), m_name(new QLineEdit(this)),
      m_credit(new QLineEdit(this)), m_key(new QLineEdit(this)), m_browse(new QPushButton(tr("Browse…"), this))
{
    setWindowTitle(tr("Add Basemap"));
    m_preset->addItem(tr("Local tile set (MBTiles, GeoPackage)"));
    m_preset->addItem(tr("OpenStreetMap (online)"));
    m_preset->addItem(tr("Tianditu vector map (online, key)"));
    m_preset->addItem(tr("Tianditu vector labels (online, key)"));
    m_preset->addItem(tr("Tianditu imagery (online, key)"));
    m_preset->addItem(tr("Tianditu imagery labels (online, key)"));
    m_preset->addItem(tr("Other XYZ tile URL"));
    m_source->setPlaceholderText(QStringLiteral("https://…/{z}/{x}/{y}.png"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setToolTip(tr("Kept for this session only; the project stores {key} in the URL, never the key."));
    m_source->setToolTip(tr("A file, or a URL template with {z}, {x} and {y} (and {key} where the service needs a key)."));
    m_credit->setToolTip(tr("Shown on the map and printed on every page that shows the basemap."));
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Basemap:"), m_preset);
    form->addRow(tr("Source:"), sourceRow);
    form->addRow(tr("Key:"), m_key);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Credit:"), m_credit);
    auto *note = new QLabel(tr("Online tiles are fetched in the background and kept in a cache; the map never waits for them. "
                               "Without a network the planning layers draw as usual."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &BasemapDialog::presetChosen);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Tile set"), QString(),
                                                          tr("Tile sets (*.mbtiles *.gpkg);;All files (*)"));
        if (!file.isEmpty())
            m_source->setText(file);
    });
    auto okEnabled = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_source->text().trimmed().isEmpty());
    };
    connect(m_source, &QLineEdit::textChanged, this, okEnabled);
    presetChosen(0);
    okEnabled();
    resize(560, sizeHint().height());
}

void BasemapDialog::presetChosen(int index)
{
    const QString osmCredit = QStringLiteral("© OpenStreetMap contributors");
    const QString tdtCredit = tr("Tianditu 天地图 © National Platform for Common GeoSpatial Information Services");
    struct Row {
        QString name, url, credit;
        bool key, file;
    };
    const Row rows[] = {
        {tr("Basemap"), QString(), QString(), false, true},
        {QStringLiteral("OpenStreetMap"), QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png"), osmCredit, false, false},
        {tr("Tianditu vector"), tianditu("vec"), tdtCredit, true, false},
        {tr("Tianditu labels"), tianditu("cva"), tdtCredit, true, false},
        {tr("Tianditu imagery"), tianditu("img"), tdtCredit, true, false},
        {tr("Tianditu imagery labels"), tianditu("cia"), tdtCredit, true, false},
        {tr("Basemap"), QString(), QString(), false, false},
    };
    const Row &r = rows[std::clamp(index, 0, int(std::size(rows)) - 1)];
    m_source->setText(r.url);
    m_source->setReadOnly(!r.url.isEmpty());
    m_name->setText(r.name);
    m_credit->setText(r.credit);
    m_key->setEnabled(r.key || r.url.isEmpty());
    m_browse->setVisible(r.file);
}

QString BasemapDialog::source() const { return m_source->text().trimmed(); }
QString BasemapDialog::name() const { return m_name->text().trimmed(); }
QString BasemapDialog::credit() const { return m_credit->text().trimmed(); }
QString BasemapDialog::key() const { return m_key->text().trimmed(); }

} // namespace refuge::desktop
