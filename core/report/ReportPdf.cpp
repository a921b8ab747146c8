#include "report/ReportPdf.h"

#include "render/FontResolver.h"
#include "render/PdfText.h"
#include "util/Error.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QScreen>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QUrl>
#include <cmath>

namespace refuge::ReportPdf {
namespace {

constexpr double kPageWidthMm = 210, kPageHeightMm = 297, kMarginMm = 15, kBottomMm = 20;
constexpr double kSmallestPt = 6;

std::vector<QTextTable *> tables(QTextDocument &doc)
{
    std::vector<QTextTable *> list;
    for (QTextFrame *frame : doc.rootFrame()->childFrames())
        if (auto *table = qobject_cast<QTextTable *>(frame))
            list.push_back(table);
    return list;
}

// Top and bottom of a table row in document coordinates.
std::pair<double, double> rowExtent(QTextDocument &doc, QTextTable *table, int row)
{
    double top = 1e300, bottom = -1e300;
    for (int c = 0; c < table->columns(); ++c) {
        const QTextTableCell cell = table->cellAt(row, c);
        if (cell.row() != row)
            continue;
        const QRectF first = doc.documentLayout()->blockBoundingRect(cell.firstCursorPosition().block());
        const QRectF last = doc.documentLayout()->blockBoundingRect(cell.lastCursorPosition().block());
        top = std::min(top, first.top());
        bottom = std::max(bottom, last.bottom());
    }
    return {top, bottom};
}

// Sets every character of the table in `pt` points.
void setTableSize(QTextTable *table, double pt)
{
    QTextCursor cursor = table->firstCursorPosition();
    cursor.setPosition(table->lastCursorPosition().position(), QTextCursor::KeepAnchor);
    QTextCharFormat format;
    format.setFontPointSize(pt);
    cursor.mergeCharFormat(format);
}

// The table's own size: that of its first cell's text, else the document's.
double tableSize(const QTextDocument &doc, QTextTable *table)
{
    const double pt = table->cellAt(0, 0).firstCursorPosition().charFormat().fontPointSize();
    return pt > 0 ? pt : doc.defaultFont().pointSizeF();
}

// (table index, row) of every table row that straddles a page break.
std::vector<std::pair<int, int>> splitRows(QTextDocument &doc)
{
    std::vector<std::pair<int, int>> split;
    const double pageHeight = doc.pageSize().height();
    const std::vector<QTextTable *> list = tables(doc);
    for (size_t t = 0; t < list.size(); ++t) {
        for (int r = 0; r < list[t]->rows(); ++r) {
            const auto [top, bottom] = rowExtent(doc, list[t], r);
            if (top < bottom && std::floor(top / pageHeight) != std::floor((bottom - 1) / pageHeight))
                split.emplace_back(int(t), r);
        }
    }
    return split;
}

// The HTML with table number `tableIndex` (counting every <table>) closed before its
// row `row` (counting header rows) and reopened on a new page under the same header.
QString splitTable(const QString &html, int tableIndex, int row)
{
    static const QRegularExpression tableStart(QStringLiteral("<table\\b[^>]*>"));
    QRegularExpressionMatch open;
    qsizetype at = 0;
    for (int i = 0; i <= tableIndex; ++i) {
        open = tableStart.match(html, at);
        if (!open.hasMatch())
            return html;
        at = open.capturedEnd();
    }
    const qsizetype end = html.indexOf(QLatin1String("</table>"), at);
    const qsizetype headEnd = html.indexOf(QLatin1String("</thead>"), at);
    qsizetype rowAt = at;
    for (int r = 0; r <= row; ++r) {
        rowAt = html.indexOf(QLatin1String("<tr"), r == 0 ? at : rowAt + 3);
        if (rowAt < 0 || rowAt > end)
            return html;
    }
    QString header;
    if (headEnd > at && headEnd < end && headEnd < rowAt)
        header = html.mid(at, headEnd + 8 - at) + QStringLiteral("<tbody>");
    QString reopened = open.captured(0);
    reopened.insert(6, QStringLiteral(" style=\"page-break-before: always\""));
    return html.left(rowAt) + QStringLiteral("</tbody></table>\n") + reopened + header + html.mid(rowAt);
}

} // namespace

Layout paginate(QTextDocument &doc, double dpi)
{
    const double mm = dpi / 25.4;
    // Qt scales frame margins from the screen's logical DPI to the device's.
    const QScreen *screen = QGuiApplication::primaryScreen();
    const double marginMm = (screen ? screen->logicalDotsPerInchY() : 96.0) / 25.4;
    QTextOption option = doc.defaultTextOption();
    option.setWrapMode(QTextOption::WordWrap);
    doc.setDefaultTextOption(option);
    QTextFrameFormat root = doc.rootFrame()->frameFormat();
    root.setLeftMargin(kMarginMm * marginMm);
    root.setRightMargin(kMarginMm * marginMm);
    root.setTopMargin(kMarginMm * marginMm);
    root.setBottomMargin(kBottomMm * marginMm);
    doc.rootFrame()->setFrameFormat(root);
    doc.setPageSize(QSizeF(kPageWidthMm * mm, kPageHeightMm * mm));

    Layout layout;
    const double column = (kPageWidthMm - 2 * kMarginMm) * mm;
    for (QTextTable *table : tables(doc)) {
        double pt = tableSize(doc, table);
        while (doc.documentLayout()->frameBoundingRect(table).width() > column + 1 && pt > kSmallestPt) {
            pt = std::max(kSmallestPt, pt - 0.5);
            setTableSize(table, pt);
            doc.documentLayout()->documentSize(); // lays the table out again
            layout.minTablePt = layout.minTablePt > 0 ? std::min(layout.minTablePt, pt) : pt;
        }
        if (doc.documentLayout()->frameBoundingRect(table).width() > column + 1)
            ++layout.overflowTables;
    }
    layout.splitRows = int(splitRows(doc).size());
    layout.pages = doc.pageCount();
    return layout;
}

Layout write(const QString &html, const std::vector<std::pair<QString, QImage>> &images, const QString &fontFamily,
             const QString &title, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    Layout layout;
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Refuge %1").arg(QStringLiteral(REFUGE_VERSION)));

        QTextDocument doc;
        QString text = html;
        // A row straddling a page break starts a new page; each pass moves one row.
        for (int pass = 0; pass < 50; ++pass) {
            doc.clear();
            doc.documentLayout()->setPaintDevice(&writer);
            doc.setDefaultFont(FontResolver::fontFor(text, fontFamily, 9));
            for (const auto &[name, image] : images)
                doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
            doc.setHtml(text);
            layout = paginate(doc, writer.resolution());
            const std::vector<std::pair<int, int>> rows = splitRows(doc);
            if (rows.empty())
                break;
            const QString split = splitTable(text, rows.front().first, rows.front().second);
            if (split == text)
                break;
            text = split;
        }

        QPainter painter;
        if (!painter.begin(&writer))
            throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
        const QSizeF page = doc.pageSize();
        const double mm = writer.resolution() / 25.4;
        QFont numberFont = FontResolver::fontFor(QString(), fontFamily, 8);
        for (int i = 0; i < layout.pages; ++i) {
            if (i > 0)
                writer.newPage();
            painter.save();
            painter.translate(0, -i * page.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, i * page.height(), page.width(), page.height());
            painter.setClipRect(context.clip);
            doc.documentLayout()->draw(&painter, context);
            painter.restore();
            painter.setFont(numberFont);
            painter.setPen(QColor(85, 85, 85));
            painter.drawText(QRectF(0, page.height() - (kBottomMm - 5) * mm, page.width() - kMarginMm * mm, 6 * mm),
                             Qt::AlignRight | Qt::AlignTop, QString::number(i + 1));
        }
        painter.end();
    }
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
    PdfText::repairToUnicode(path);
    return layout;
}

} // namespace refuge::ReportPdf
