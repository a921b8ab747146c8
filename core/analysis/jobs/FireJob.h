#pragma once
// FireJob: fire response end to end — stations snapped to the (drive) network with
// their turnout as start cost, demand, official districts, the sample grid over the
// study area, nearest-station costs, FireCoverage::run and (with an output folder)
// the CLI contract files (FireCoverageOutputs + summary.json). Settings are a plain
// value; run() is synchronous, polls Feedback, any thread; throws refuge::Error /
// Canceled.
#include "analysis/FireCoverage.h"
#include "analysis/jobs/NetworkInputs.h"

namespace refuge {

struct FireSettings {
    bool euclidean = false;        // straight lines at speedKmh instead of the network
    NetworkSettings network;       // facilities = stations; unit seconds; limit/turnout filled by the job
    FacilityFields fields;         // id, name, grade, turnout
    double responseMinutes = 0;    // 0: the standard's response time
    double turnoutSeconds = -1;    // < 0: the standard's turnout
    double speedKmh = 0;           // euclidean; 0: the standard's planning speed
    DataSource official;           // official first-due districts (empty path = none)
    QString officialField;
    DataSource demand;             // empty path = none
    QString populationField;
    DataSource studyArea;          // empty: official districts, else the demand's extent
    double gridCellMeters = 50;
    bool suburban = false;
    QString standard = QStringLiteral("shanghai");
    QStringList standardOverrides;
    QString outDir;                // empty: nothing written
};

struct FireJobResult {
    FireRequest request;
    FireOutcome outcome;
    QJsonObject summary;
    QStringList warnings;
    QStringList inputProblems;       // input data left out (in warnings too): the CLI's stderr lines
    QString outDir;
    QString studyArea;             // "<file>: study area" / "<file>: official districts"; empty: none was given
};

class FireJob {
public:
    static FireJobResult run(const FireSettings &settings, Feedback &feedback);
};

} // namespace refuge
