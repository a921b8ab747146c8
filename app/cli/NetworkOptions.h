#pragma once
// The options service-area, zones, network-check, coverage and fire-coverage share
// (--network, --profile, --facilities, --max-minutes ...), parsed into the core
// NetworkSettings (the setup itself is core's NetworkInputs). Usage mistakes are
// UsageErrors here; problems with the data are core's InvalidInput.
#include "analysis/jobs/NetworkInputs.h"

#include <QCommandLineParser>
#include <QList>

namespace refuge::cli {

class NetworkOptions {
public:
    enum Need { NeedFacilities = 1, NeedLimit = 2, NeedNetwork = 4, NeedOut = 8 };

    void addTo(QCommandLineParser &parser);
    // Reads the parsed options. Throws UsageError.
    NetworkSettings settings(const QCommandLineParser &parser, int needs) const;
    // --out DIR (UsageError when missing). The job creates it once its output checks pass.
    static QString outDir(const QCommandLineParser &parser);
    // --standard (default shanghai) and its --standard-override KEY=NUMBER values, checked
    // against the profile before anything is read: an unknown standard or key, text, NaN
    // or a value out of the key's range is a UsageError naming the option.
    static QString standard(const QCommandLineParser &parser);
    static QStringList standardOverrides(const QCommandLineParser &parser);

private:
    QList<QCommandLineOption> m_options;
};

} // namespace refuge::cli
