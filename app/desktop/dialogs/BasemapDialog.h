#pragma once
// BasemapDialog (Layer → Add Basemap…): a basemap from a preset web tile service
// (OpenStreetMap; Tianditu 天地图 vector, imagery and their labels, with the user's key),
// a URL template of the user's own, or a local MBTiles / GeoPackage tile set. The key is
// kept for this session only (REFUGE_TILE_KEY in the process environment): the project
// stores the template with "{key}", never the key. Online tiles load in the background.
#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace refuge::desktop {

class BasemapDialog : public QDialog {
    Q_OBJECT
public:
    explicit BasemapDialog(QWidget *parent = nullptr);
    QString source() const;      // URL template or file path
    QString name() const;
    QString credit() const;
    QString key() const;         // empty: none given

private:
    void presetChosen(int index);
    QComboBox *m_preset;
    QLineEdit *m_source, *m_name, *m_credit, *m_key;
    QPushButton *m_browse;
};

} // namespace refuge::desktop
