// ScenarioSession: the active scenario and undoable changes to the project's scenarios.
#include "scenarios/ScenarioSession.h"

#include "document/ProjectDocument.h"
#include "util/Error.h"

#include <QJsonArray>
#include <QUndoStack>

namespace refuge::desktop {

ScenarioCommand::ScenarioCommand(ProjectDocument *doc, QJsonArray before, QJsonArray after, const QString &text)
    : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
{
}

void ScenarioCommand::redo() { m_doc->setScenarios(m_after); }
void ScenarioCommand::undo() { m_doc->setScenarios(m_before); }

ScenarioSession::ScenarioSession(ProjectDocument *doc, QObject *parent) : QObject(parent), m_doc(doc)
{
    m_names = names();
    connect(doc, &ProjectDocument::scenariosChanged, this, &ScenarioSession::followDocument);
    connect(doc, &ProjectDocument::projectReset, this, [this] {
        m_active = Scenario::kBaseline;
        m_names = names();
        Q_EMIT activeChanged(m_active);
        Q_EMIT scenariosChanged();
    });
}

QJsonArray ScenarioSession::list() const { return m_doc->project().toJson().value(QStringLiteral("scenarios")).toArray(); }

std::vector<Scenario> ScenarioSession::scenarios() const
{
    m_problem.clear();
    try {
        return Scenario::listOf(m_doc->project());
    } catch (const Error &e) {
        m_problem = e.message();
        return {};
    }
}

QStringList ScenarioSession::names() const
{
    QStringList out;
    for (const Scenario &s : scenarios())
        out << s.name;
    return out;
}

Scenario ScenarioSession::active() const
{
    for (const Scenario &s : scenarios())
        if (s.name == m_active)
            return s;
    Scenario s;
    s.name = Scenario::kBaseline;
    return s;
}

void ScenarioSession::setActive(const QString &name)
{
    const QString next = names().contains(name) ? name : Scenario::kBaseline;
    if (next == m_active)
        return;
    m_active = next;
    Q_EMIT activeChanged(m_active);
}

QString ScenarioSession::uniqueName(const QString &base) const
{
    const QStringList taken = names();
    QString name = base;
    for (int n = 2; taken.contains(name) || name.compare(Scenario::kBaseline, Qt::CaseInsensitive) == 0; ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

void ScenarioSession::push(const QJsonArray &after, const QString &text)
{
    m_doc->undoStack()->push(new ScenarioCommand(m_doc, list(), after, text));
}

bool ScenarioSession::create(const QString &name, const std::vector<FacilityAddition> &shelters)
{
    const QString n = name.trimmed();
    if (n.isEmpty() || n.compare(Scenario::kBaseline, Qt::CaseInsensitive) == 0 || names().contains(n) || !m_problem.isEmpty())
        return false;
    Scenario s;
    s.name = n;
    if (!shelters.empty()) {
        FacilityEdits e;
        e.role = QStringLiteral("shelters");
        e.add = shelters;
        s.edits.push_back(e);
    }
    QJsonArray after = list();
    after.append(s.toJson());
    push(after, tr("New scenario '%1'").arg(n));
    setActive(n);
    return true;
}

bool ScenarioSession::rename(const QString &from, const QString &to)
{
    const QString n = to.trimmed();
    const QStringList taken = names();
    if (n.isEmpty() || n.compare(Scenario::kBaseline, Qt::CaseInsensitive) == 0 || taken.contains(n) || !taken.contains(from))
        return false;
    QJsonArray after = list();
    for (qsizetype i = 0; i < after.size(); ++i) {
        QJsonObject o = after[i].toObject();
        if (o.value(QStringLiteral("name")).toString().trimmed() == from) {
            o.insert(QStringLiteral("name"), n);
            after[i] = o;
        }
    }
    const bool wasActive = m_active == from;
    push(after, tr("Rename scenario '%1' to '%2'").arg(from, n));
    if (wasActive)
        setActive(n);
    return true;
}

bool ScenarioSession::remove(const QString &name)
{
    if (!names().contains(name))
        return false;
    QJsonArray after;
    for (const QJsonValue &v : list())
        if (v.toObject().value(QStringLiteral("name")).toString().trimmed() != name)
            after.append(v);
    push(after, tr("Delete scenario '%1'").arg(name));
    return true;
}

bool ScenarioSession::editActive(const QString &text, const std::function<void(Scenario &)> &change)
{
    if (isBaselineActive())
        return false;
    QJsonArray after = list();
    for (qsizetype i = 0; i < after.size(); ++i) {
        const QJsonObject o = after[i].toObject();
        if (o.value(QStringLiteral("name")).toString().trimmed() != m_active)
            continue;
        Scenario s = active();
        change(s);
        QJsonObject json = s.toJson();
        if (o.contains(QStringLiteral("description"))) // kept as the user wrote it
            json.insert(QStringLiteral("description"), o.value(QStringLiteral("description")));
        after[i] = json;
        push(after, text);
        return true;
    }
    return false;
}

void ScenarioSession::followDocument()
{
    const QStringList now = names();
    if (!isBaselineActive() && !now.contains(m_active)) {
        // Renamed (or a rename undone/redone): exactly the active name went and one came.
        QStringList added;
        for (const QString &n : now)
            if (!m_names.contains(n))
                added << n;
        bool onlyActiveGone = true;
        for (const QString &n : m_names)
            onlyActiveGone = onlyActiveGone && (now.contains(n) || n == m_active);
        m_active = added.size() == 1 && onlyActiveGone && now.size() == m_names.size() ? added.front() : Scenario::kBaseline;
        Q_EMIT activeChanged(m_active);
    }
    m_names = now;
    Q_EMIT scenariosChanged();
}

} // namespace refuge::desktop
