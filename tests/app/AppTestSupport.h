#pragma once
// Helpers for the desktop tests: fixture paths and waiting for a document's layers.
#include "document/ProjectDocument.h"

#include <QDir>
#include <QJsonDocument>
#include <QString>
#include <QTest>

namespace refuge::test {

inline QString sourcePath(const QString &rel) { return QDir(QStringLiteral(REFUGE_SOURCE_DIR)).filePath(rel); }
inline QString cambridgeProject() { return sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")); }

// Processes events until every layer of `doc` finished loading (or the timeout).
inline bool waitForLayers(const desktop::ProjectDocument &doc, int timeoutMs = 20000)
{
    return QTest::qWaitFor([&] { return !doc.isLoading(); }, timeoutMs);
}

inline QByteArray projectJson(const desktop::ProjectDocument &doc)
{
    return QJsonDocument(doc.project().toJson()).toJson(QJsonDocument::Indented);
}

} // namespace refuge::test
