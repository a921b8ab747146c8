#pragma once
// Error types thrown by refuge_core. Each carries a one-line, user-readable message
// (already naming the file where there is one). Canceled is deliberately not an Error.
#include <QString>
#include <stdexcept>

namespace refuge {

class Error : public std::runtime_error {
public:
    explicit Error(const QString &message) : std::runtime_error(message.toStdString()), m_message(message) {}
    const QString &message() const noexcept { return m_message; }

private:
    QString m_message;
};

// A file cannot be opened, read or written.
class IoError : public Error { public: using Error::Error; };
// A CRS is missing, unknown, or a transformation failed.
class CrsError : public Error { public: using Error::Error; };
// A geometry operation failed in GEOS/OGR.
class GeometryError : public Error { public: using Error::Error; };
// Input is readable but not acceptable (wrong type, missing field, bad value).
class InvalidInput : public Error { public: using Error::Error; };

// Thrown by Feedback::throwIfCanceled(); not an Error, callers let it pass.
class Canceled : public std::exception {
public:
    const char *what() const noexcept override { return "canceled"; }
};

// Prefixes a message with a file name: "<file>: <what>".
inline QString fileMessage(const QString &file, const QString &what) { return file + QStringLiteral(": ") + what; }

} // namespace refuge
