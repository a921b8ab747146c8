#pragma once
// Combo boxes for analysis inputs: LayerCombo lists the project's vector layers
// (the one with the wanted role first and selected), FieldCombo lists the fields of
// the layer chosen in a LayerCombo and selects the project's field mapping for a role
// key ("capacity" → "Capacity"). Both follow the document (a layer finishing loading
// refills the fields). Optional combos start with "(none)". A LayerCombo may be limited
// to geometries (LayerGeometry bits of the analysis framework): layers of another kind
// are left out once loaded. GUI thread only.
#include "model/DataSource.h"
#include "model/Role.h"

#include <QComboBox>

namespace refuge {
struct ProjectLayer;
}

namespace refuge::desktop {

class ProjectDocument;

class LayerCombo : public QComboBox {
    Q_OBJECT
public:
    LayerCombo(ProjectDocument *doc, Role role, bool optional, QWidget *parent = nullptr);
    Role role() const { return m_role; }
    QString layerId() const;
    const ProjectLayer *layer() const;
    DataSource source() const; // empty path when none
    void selectLayer(const QString &layerId);
    // Optional combos: start at (none) and stay there until a layer is chosen, even
    // when the project has a layer with the role (barriers: hazards are not barriers
    // until the planner says so).
    void setNoneByDefault();
    // Only layers of these geometries (LayerGeometry bits; 0 = any): refills.
    void setGeometries(unsigned geometries);

private:
    void refill();
    bool accepts(const QString &layerId) const;
    ProjectDocument *m_doc;
    Role m_role;
    bool m_optional;
    bool m_noneByDefault = false;
    unsigned m_geometries = 0;
};

class FieldCombo : public QComboBox {
    Q_OBJECT
public:
    // `key`: the role's field-mapping key to preselect ("population"; "id|name": the first
    // mapped); `fallbacks`: field
    // names tried (case-insensitive) when the layer has no mapping for it.
    FieldCombo(ProjectDocument *doc, LayerCombo *layers, const QString &key, bool optional, const QStringList &fallbacks = {},
               QWidget *parent = nullptr);
    QString field() const; // empty when none
    void selectField(const QString &name);

private:
    void refill();
    ProjectDocument *m_doc;
    LayerCombo *m_layers;
    QString m_key;
    bool m_optional;
    QStringList m_fallbacks;
};

} // namespace refuge::desktop
