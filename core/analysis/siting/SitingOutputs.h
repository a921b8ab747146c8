#pragma once
// SitingOutputs: a SitingJobResult as the files of `refuge-cli site` — sites.gpkg
// (layers sites: the chosen new sites ranked by marginal gain; candidates: every
// candidate and existing site with chosen/existing flags; demand: each demand unit's
// assigned site and cost), sites.csv (the ranked sites), curve.csv (the objective as k
// grows). summary.json is the job's, written last. Costs are in the cost table's unit
// (summary cost_unit: m or s). Synchronous; any thread; throws IoError.
#include "model/VectorLayer.h"

#include <QJsonObject>
#include <QStringList>
#include <QVariantList>
#include <vector>

namespace refuge {

struct SitingJobResult;

class SitingOutputs {
public:
    static VectorLayer sitesLayer(const SitingJobResult &r);
    static VectorLayer candidatesLayer(const SitingJobResult &r);
    static VectorLayer demandLayer(const SitingJobResult &r);

    static QStringList sitesHeader();
    static std::vector<QVariantList> sitesRows(const SitingJobResult &r);
    static QStringList curveHeader();
    static std::vector<QVariantList> curveRows(const SitingJobResult &r);

    static QStringList fileNames(); // summary.json apart
    // The results model of the summary (AnalysisFiles::addResultsModel): the sites and
    // curve tables, the files and sites.gpkg's layers, so the run can be read back
    // (RunSummary::siting) without its CSV files.
    static void addResultsModel(QJsonObject &summary, const SitingJobResult &r);
    static void write(const SitingJobResult &r, const QString &dir);
};

} // namespace refuge
