#pragma once
// OutputFile: one output file written under a temporary name in its target folder
// and renamed over the final path by commit(), so a failure, a cancel or a kill never
// leaves a cut-off file at the final path, and the previous file stays intact until
// the new one is complete. Not committed, the destructor removes the temporary and
// the side files SQLite may have left beside it. One owner, one thread.
//
// The temporary keeps the final suffix (GDAL and QImageWriter pick the format by it):
// "DIR/.NAME.tmp.SUFFIX" — a fixed name, so a temporary left by a killed process is
// replaced by the next write, and clearOutputs() knows it.
#include <QString>
#include <QStringList>

namespace refuge {

class OutputFile {
public:
    // Creates the target folder if needed; throws IoError naming it when it cannot.
    explicit OutputFile(const QString &finalPath);
    ~OutputFile();
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    const QString &finalPath() const { return m_final; }
    const QString &tempPath() const { return m_temp; }
    // Renames the temporary over the final path (replacing it in one step). Throws
    // IoError naming the final path.
    void commit();

    static QString tempPathFor(const QString &finalPath);
    // Removes a file and its SQLite side files (-journal, -wal, -shm); true when none is left.
    static bool removeWithSideFiles(const QString &path);

    // Fault injection for the output-safety tests: with REFUGE_TEST_FAULT=SITE:ACTION[:N]
    // the N-th pass (default 1) through faultPoint(SITE) exits the process at once
    // (ACTION "kill": std::_Exit(137), no destructor runs, as after SIGKILL), raises
    // SIGTERM ("term") or throws IoError naming `file` ("fail", as a full disk would).
    // Sites: "row" (each feature a VectorWriter writes), "commit" (before the rename),
    // "pg_layer" (each table PgOutput writes), "pg_commit" (before its COMMIT).
    // Unset, it costs one test of a cached flag.
    static void faultPoint(const char *site, const QString &file = {});

private:
    QString m_final, m_temp;
    bool m_committed = false;
};

} // namespace refuge
