#include "analysis/NetworkSection.h"
#include "analysis/InputWidgets.h"
#include "analysis/ParameterRanges.h"
#include "app/Language.h"
#include "document/ProjectDocument.h"
#include "model/VectorLayer.h"
#include "network/Profile.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>

namespace refuge::desktop {

namespace {

// "Walking (adult)" / "步行" from resources/profiles/<name>.json; the name if none.
QString profileTitle(const QString &name)
{
    QFile f(QDir(Profile::profileDirectory()).filePath(name + QStringLiteral(".json")));
    if (!f.open(QIODevice::ReadOnly))
        return name;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    const bool zh = Language::resolve(Language::stored()) == QLatin1String("zh_CN");
    const QString title = o.value(zh ? QStringLiteral("title_zh") : QStringLiteral("title")).toString();
    return title.isEmpty() ? name : title;
}

} // namespace

NetworkSection::NetworkSection(ProjectDocument *doc, QFormLayout *form, QWidget *parent, const NetworkSettings &prefill, int options,
                               const QString &limitLabel)
    : m_doc(doc), m_options(options)
{
    roads = new LayerCombo(doc, Role::Roads, options & RoadsOptional, parent);
    roads->setObjectName(QStringLiteral("roads"));
    oneway = new FieldCombo(doc, roads, QStringLiteral("oneway"), true, {QStringLiteral("oneway")}, parent);
    oneway->setObjectName(QStringLiteral("onewayField"));
    speed = new FieldCombo(doc, roads, QStringLiteral("speed"), true, {QStringLiteral("maxspeed")}, parent);
    speed->setObjectName(QStringLiteral("speedField"));
    profile = new QComboBox(parent);
    profile->setObjectName(QStringLiteral("profile"));
    for (const QString &p : Profile::available())
        profile->addItem(profileTitle(p), p);
    const int pi = profile->findData(prefill.profile);
    if (pi < 0 && !prefill.profile.isEmpty())
        profile->addItem(prefill.profile, prefill.profile); // a .json file named in the project
    profile->setCurrentIndex(pi >= 0 ? pi : std::max(0, profile->count() - 1));
    form->addRow(tr("Road network:"), roads);
    form->addRow(tr("One-way field:"), oneway);
    form->addRow(tr("Speed field (km/h):"), speed);
    form->addRow(tr("Travel profile:"), profile);

    limit = new QDoubleSpinBox(parent);
    limit->setObjectName(QStringLiteral("limit"));
    limit->setRange(0, 1e6);
    limit->setDecimals(1);
    unit = new QComboBox(parent);
    unit->setObjectName(QStringLiteral("unit"));
    unit->addItem(tr("minutes"), int(CostUnit::Seconds));
    if (options & MetersAllowed)
        unit->addItem(tr("metres"), int(CostUnit::Meters));
    unit->setCurrentIndex(std::max(0, unit->findData(int(prefill.unit))));
    if (options & LimitOptional)
        limit->setSpecialValueText(tr("no limit"));
    limit->setValue(prefill.limit > 0 ? prefill.limit : (options & LimitOptional) ? 0.0 : prefill.unit == CostUnit::Meters ? 800.0 : 10.0);
    auto *row = new QHBoxLayout;
    row->addWidget(limit, 1);
    row->addWidget(unit);
    form->addRow(limitLabel.isEmpty() ? tr("Limit:") : limitLabel, row);
    if (options & WithBreaks) {
        breaks = new QLineEdit(parent);
        breaks->setObjectName(QStringLiteral("breaks"));
        breaks->setPlaceholderText(tr("e.g. 5, 10, 15 (empty: the limit)"));
        QStringList parts;
        for (double b : prefill.breaks)
            parts << QString::number(b);
        breaks->setText(parts.join(QStringLiteral(", ")));
        form->addRow(tr("Breaks:"), breaks);
    }

    barriers = new LayerCombo(doc, Role::Hazard, true, parent);
    barriers->setObjectName(QStringLiteral("barriers"));
    barriers->setNoneByDefault();
    barriers->setToolTip(tr("Polygons (e.g. a flood zone) whose streets are closed or slowed"));
    barrierFactor = new QDoubleSpinBox(parent);
    barrierFactor->setObjectName(QStringLiteral("barrierFactor"));
    barrierFactor->setRange(0, 1000);
    barrierFactor->setDecimals(2);
    barrierFactor->setSingleStep(0.5);
    barrierFactor->setSpecialValueText(tr("streets closed"));
    barrierFactor->setPrefix(tr("travel time × "));
    barrierFactor->setValue(prefill.barrierFactor);
    barrierFactor->setEnabled(false);
    QObject::connect(barriers, &QComboBox::currentIndexChanged, barrierFactor,
                     [this](int) { barrierFactor->setEnabled(!barriers->layerId().isEmpty()); });
    if (!prefill.barriers.path.isEmpty())
        for (int i = 0; i < barriers->count(); ++i)
            if (const ProjectLayer *l = doc->layerById(barriers->itemData(i).toString());
                l && doc->project().dataSource(*l).toString() == prefill.barriers.toString())
                barriers->setCurrentIndex(i);
    snapMax = new QDoubleSpinBox(parent);
    snapMax->setObjectName(QStringLiteral("snapMax"));
    const ParameterSpec &snapSpec = ParameterRanges::spec(u"snap-max");
    snapMax->setRange(0.1, snapSpec.max);
    snapMax->setDecimals(1);
    snapMax->setSuffix(tr(" m"));
    snapMax->setValue(prefill.snapMaxMeters);
    snapMax->setToolTip(tr("Facilities and homes farther than this from a street are listed as not reached"));
    form->addRow(tr("Barriers:"), barriers);
    form->addRow(tr("Crossing a barrier:"), barrierFactor);
    form->addRow(tr("Snap to streets within:"), snapMax);
}

bool NetworkSection::hasRoads() const
{
    return !roads->layerId().isEmpty();
}

std::vector<double> NetworkSection::parseBreaks(QString *error) const
{
    std::vector<double> out;
    if (!breaks)
        return out;
    for (const QString &part : breaks->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = QLocale().toDouble(part, &ok);
        const double c = ok ? v : part.toDouble(&ok);
        if (!ok || !(c > 0)) {
            *error = tr("Breaks: '%1' is not a number greater than 0.").arg(part);
            return {};
        }
        if (c > limit->value() && limit->value() > 0) {
            *error = tr("Breaks: %1 exceeds the limit %2.").arg(part).arg(limit->value());
            return {};
        }
        out.push_back(c);
    }
    std::sort(out.begin(), out.end());
    return out;
}

QString NetworkSection::validate() const
{
    if (!(m_options & RoadsOptional) && !hasRoads())
        return tr("Choose the road network (a layer with the role Roads).");
    if (!(m_options & LimitOptional) && !(limit->value() > 0))
        return tr("The limit must be greater than 0.");
    if (!barriers->layerId().isEmpty()) {
        if (!hasRoads())
            return tr("Barriers need a road network.");
        const LayerData data = m_doc->layerData(barriers->layerId());
        if (data.isReady() && data.vector && data.vector->featureCount() > 0 && dimension(data.vector->geometryType()) != 2)
            return tr("Barriers: '%1' has no polygons.").arg(barriers->layer()->name);
    }
    QString error;
    parseBreaks(&error);
    return error;
}

NetworkSettings NetworkSection::settings(NetworkSettings base) const
{
    base.network = roads->source();
    base.onewayField = oneway->field();
    base.speedField = speed->field();
    base.profile = profile->currentData().toString();
    base.unit = CostUnit(unit->currentData().toInt());
    base.limit = limit->value();
    QString error;
    base.breaks = parseBreaks(&error);
    base.barriers = barriers->source();
    base.barrierFactor = base.barriers.path.isEmpty() ? 0.0 : barrierFactor->value();
    base.snapMaxMeters = snapMax->value();
    return base;
}

} // namespace refuge::desktop
