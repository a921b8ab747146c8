#pragma once
// ReportPdf: lays the report's HTML out on A4 pages and writes the PDF. Unlike
// QTextDocument::print (which adds its own 2 cm margins inside the printer's, so the
// text column was 14 cm and wide tables had their words broken), the text column is the
// page less 15 mm margins; text wraps only at word boundaries (and between CJK
// characters); a table wider than the column is set in a smaller type until it fits, and
// a table row that would straddle a page break starts the next page (its table continues
// there under a repeated header).
#include <QImage>
#include <QString>
#include <utility>
#include <vector>

class QTextDocument;

namespace refuge::ReportPdf {

struct Layout {
    int pages = 0;
    int splitRows = 0;      // table rows straddling a page break (0 once laid out)
    int overflowTables = 0; // tables wider than the text column (0 unless a word is wider than it)
    double minTablePt = 0;  // the smallest type size a table was set in (0: none shrunk)
};

// Lays `doc` out for A4 pages at `dpi` (margins 15 mm, page number under the text).
Layout paginate(QTextDocument &doc, double dpi);

// Writes `html` (images by name) as an A4 PDF at `path`; throws IoError naming the file.
Layout write(const QString &html, const std::vector<std::pair<QString, QImage>> &images, const QString &fontFamily,
             const QString &title, const QString &path);

} // namespace refuge::ReportPdf
