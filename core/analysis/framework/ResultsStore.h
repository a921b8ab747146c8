#pragma once
// ResultsStore: where an analysis's "out" goes — the one entry the front ends run an
// Analysis through. A folder: Analysis::run writes there, as always. A PostGIS
// connection string ("PG:host=... dbname=... schemas=refuge_results"): the outputs go
// into that schema (created when missing), so a bureau shares one set of results —
//  - each layer of the run's GeoPackages becomes table <prefix>_<layer>, the prefix being
//    the analysis id with '_' for '-' (coverage_areas, fire_coverage_zones, site_sites;
//    a GeoPackage view such as coverage's `uncovered` becomes a table too);
//  - the run's record (what summary.json holds: parameters, inputs with checksums,
//    figures, checks, warnings, tables; `outputs` naming the database tables) becomes one
//    row of <schema>.refuge_runs, written last, in the same transaction as the tables;
//  - no CSV or other file is written (their rows are in the record's `tables`).
// The run itself writes into a private temporary folder that is removed afterwards;
// PgOutput then publishes it in one transaction, so a failure leaves no table written.
// Refused before the run (InvalidInput, exit 2, naming the connection with its password
// masked): tables of this analysis left by another run (listed in refuge_runs, or
// found when publishing) unless `overwrite`, and an input of the run that is a table
// of this analysis in the output schema (even with `overwrite`). Synchronous; any
// thread; throws refuge::Error / Canceled.
#include "analysis/framework/Analysis.h"

namespace refuge {

class ResultsStore {
public:
    // True when `out` is a database connection string rather than a folder.
    static bool isDatabase(const QString &out);
    // "fire_coverage": the analysis id as the prefix of its tables.
    static QString tablePrefix(const Analysis &analysis);
    // Runs the analysis with its outputs at values["out"] (see above). `overwrite`: replace
    // this analysis's tables left by an earlier run (PG: only; a folder is always replaced).
    static AnalysisResult run(const Analysis &analysis, ParameterValues values, Feedback &feedback, bool overwrite = false);
};

} // namespace refuge
