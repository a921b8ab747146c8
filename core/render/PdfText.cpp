#include "render/PdfText.h"

#include "util/Error.h"

#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <vector>

namespace refuge::PdfText {
namespace {

struct Object {
    int number = 0;
    qsizetype start = 0;
    qsizetype end = 0;
};

// The classic cross-reference table Qt writes: "xref\n0 N\n" and N 20-byte entries.
struct XrefTable {
    qsizetype start = -1;      // offset of "xref"
    qsizetype entriesEnd = -1; // offset just past the last entry
    std::vector<qsizetype> offsets; // per object number; -1 for free entries
};

XrefTable readXref(const QByteArray &pdf)
{
    XrefTable table;
    const qsizetype sx = pdf.lastIndexOf("startxref");
    if (sx < 0)
        return table;
    bool ok = false;
    const qsizetype xrefAt = pdf.mid(sx + 9, 24).trimmed().split('\n').value(0).trimmed().toLongLong(&ok);
    if (!ok || xrefAt <= 0 || xrefAt >= sx || !pdf.mid(xrefAt).startsWith("xref"))
        return table;
    const qsizetype headerEnd = pdf.indexOf('\n', pdf.indexOf('\n', xrefAt) + 1);
    if (headerEnd < xrefAt)
        return table;
    const QList<QByteArray> header = pdf.mid(xrefAt + 4, headerEnd - xrefAt - 4).trimmed().split(' ');
    const int count = header.size() == 2 && header[0] == "0" ? header[1].toInt() : 0;
    if (count <= 0 || headerEnd + 1 + qsizetype(count) * 20 > sx)
        return table;
    table.offsets.assign(size_t(count), -1);
    for (int i = 0; i < count; ++i) {
        const QByteArray entry = pdf.mid(headerEnd + 1 + qsizetype(i) * 20, 20);
        if (entry.size() == 20 && entry[17] == 'n')
            table.offsets[size_t(i)] = entry.left(10).toLongLong();
    }
    table.start = xrefAt;
    table.entriesEnd = headerEnd + 1 + qsizetype(count) * 20;
    return table;
}

// UTF-16BE hex digits as text.
QString hexText(const QByteArray &hex)
{
    QString s;
    for (qsizetype i = 0; i + 4 <= hex.size(); i += 4)
        s.append(QChar(char16_t(hex.mid(i, 4).toUInt(nullptr, 16))));
    return s;
}

QByteArray textHex(const QString &text)
{
    QByteArray hex;
    for (const QChar ch : text)
        hex += QByteArray::number(ch.unicode(), 16).toUpper().rightJustified(4, '0');
    return hex;
}

// CJK Radicals Supplement -> the equivalent unified ideograph (Unicode 15
// EquivalentUnifiedIdeograph.txt); these have no compatibility decomposition.
constexpr std::pair<char16_t, char32_t> kRadicalSupplement[] = {
    {0x2E81, 0x5382}, {0x2E82, 0x4E5B}, {0x2E83, 0x4E5A}, {0x2E84, 0x4E59}, {0x2E85, 0x4EBB}, {0x2E86, 0x5182},
    {0x2E87, 0x20628}, {0x2E88, 0x5200}, {0x2E89, 0x5202}, {0x2E8A, 0x535C}, {0x2E8B, 0x353E},
    {0x2E8C, 0x5C0F}, {0x2E8D, 0x5C0F}, {0x2E8E, 0x5140}, {0x2E8F, 0x5C23}, {0x2E90, 0x5C22},
    {0x2E91, 0x21BC2}, {0x2E92, 0x5DF3}, {0x2E93, 0x5E7A}, {0x2E94, 0x5F51}, {0x2E95, 0x2B739},
    {0x2E96, 0x5FC4}, {0x2E97, 0x5FC3}, {0x2E98, 0x624C}, {0x2E99, 0x6535}, {0x2E9B, 0x65E1}, {0x2E9C, 0x65E5},
    {0x2E9D, 0x6708}, {0x2E9E, 0x6B7A}, {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EA1, 0x6C35}, {0x2EA2, 0x6C3A},
    {0x2EA3, 0x706C}, {0x2EA4, 0x722B}, {0x2EA5, 0x722B}, {0x2EA6, 0x4E2C}, {0x2EA7, 0x725B}, {0x2EA8, 0x72AD},
    {0x2EA9, 0x738B}, {0x2EAA, 0x24D14}, {0x2EAB, 0x76EE}, {0x2EAC, 0x793A}, {0x2EAD, 0x793B},
    {0x2EAE, 0x25AD7}, {0x2EAF, 0x7CF9}, {0x2EB0, 0x7E9F}, {0x2EB1, 0x7F53}, {0x2EB2, 0x7F52},
    {0x2EB3, 0x34C1}, {0x2EB4, 0x5197}, {0x2EB5, 0x2626B}, {0x2EB6, 0x7F8A}, {0x2EB7, 0x2634C},
    {0x2EB8, 0x2634B}, {0x2EB9, 0x8002}, {0x2EBA, 0x8080}, {0x2EBB, 0x807F}, {0x2EBC, 0x8089},
    {0x2EBD, 0x26951}, {0x2EBE, 0x8279}, {0x2EBF, 0x8279}, {0x2EC0, 0x8279}, {0x2EC1, 0x864E},
    {0x2EC2, 0x8864}, {0x2EC3, 0x8980}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2},
    {0x2EC7, 0x278B2}, {0x2EC8, 0x8BA0}, {0x2EC9, 0x8D1D}, {0x2ECA, 0x27FB7}, {0x2ECB, 0x8F66},
    {0x2ECC, 0x8FB6}, {0x2ECD, 0x8FB6}, {0x2ECE, 0x8FB6}, {0x2ECF, 0x9091}, {0x2ED0, 0x9485}, {0x2ED1, 0x9577},
    {0x2ED2, 0x9578}, {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED5, 0x28E0F}, {0x2ED6, 0x961D},
    {0x2ED7, 0x96E8}, {0x2ED8, 0x9752}, {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE},
    {0x2EDD, 0x98DF}, {0x2EDE, 0x2967F}, {0x2EDF, 0x98E0}, {0x2EE0, 0x9963}, {0x2EE1, 0x29810},
    {0x2EE2, 0x9A6C}, {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364},
    {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE}, {0x2EEB, 0x6589}, {0x2EEC, 0x9F50}, {0x2EED, 0x6B6F},
    {0x2EEE, 0x9F7F}, {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99}, {0x2EF1, 0x9F9C}, {0x2EF2, 0x4E80}, {0x2EF3, 0x9F9F}
};

// The ordinary characters for a radical or a ligature (its compatibility decomposition:
// ⼈ -> 人, ﬁ -> fi), space for tab and line breaks; other characters unchanged.
QString ordinary(const QString &text)
{
    QString out;
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        const auto *sup = std::lower_bound(std::begin(kRadicalSupplement), std::end(kRadicalSupplement), u,
                                           [](const auto &entry, char16_t c) { return entry.first < c; });
        if (sup != std::end(kRadicalSupplement) && sup->first == u) {
            out += QString::fromUcs4(&sup->second, 1);
        } else if ((u >= 0x2F00 && u <= 0x2FDF) || (u >= 0xFB00 && u <= 0xFB06)) {
            const QString n = QString(ch).normalized(QString::NormalizationForm_KC);
            out += n.isEmpty() ? QString(ch) : n;
        } else if (u >= 0x09 && u <= 0x0D) {
            out += QLatin1Char(' ');
        } else {
            out += ch;
        }
    }
    return out;
}

// Hex strings and brackets of a CMap section, in order.
QList<QByteArray> tokens(const QByteArray &body)
{
    QList<QByteArray> list;
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body[i] == '<') {
            const qsizetype close = body.indexOf('>', i);
            if (close < 0)
                break;
            list.append(body.mid(i + 1, close - i - 1).trimmed());
            i = close;
        } else if (body[i] == '[' || body[i] == ']') {
            list.append(QByteArray(1, body[i]));
        }
    }
    return list;
}

// Glyph -> text of every bfrange/bfchar section in the CMap.
std::map<uint, QString> readMap(const QByteArray &cmap)
{
    std::map<uint, QString> map;
    for (const char *kind : {"bfrange", "bfchar"}) {
        const QByteArray begin = QByteArray("begin") + kind, end = QByteArray("end") + kind;
        const bool range = QByteArray(kind) == "bfrange";
        for (qsizetype at = cmap.indexOf(begin); at >= 0; at = cmap.indexOf(begin, at + 1)) {
            const qsizetype stop = cmap.indexOf(end, at);
            if (stop < 0)
                break;
            const QList<QByteArray> t = tokens(cmap.mid(at + begin.size(), stop - at - begin.size()));
            for (qsizetype i = 0; i < t.size();) {
                if (!range) {
                    if (i + 1 < t.size())
                        map[t[i].toUInt(nullptr, 16)] = hexText(t[i + 1]);
                    i += 2;
                    continue;
                }
                if (i + 2 >= t.size())
                    break;
                const uint lo = t[i].toUInt(nullptr, 16), hi = t[i + 1].toUInt(nullptr, 16);
                if (t[i + 2] == "[") {
                    qsizetype j = i + 3;
                    for (uint g = lo; j < t.size() && t[j] != "]"; ++j, ++g)
                        map[g] = hexText(t[j]);
                    i = j + 1;
                } else {
                    QString text = hexText(t[i + 2]);
                    for (uint g = lo; g <= hi && !text.isEmpty(); ++g) {
                        map[g] = text;
                        text.back() = QChar(char16_t(text.back().unicode() + 1));
                    }
                    i += 3;
                }
            }
            at = stop;
        }
    }
    return map;
}

// The CMap with ordinary characters, or empty if it needs no change.
QByteArray repairedCMap(const QByteArray &cmap)
{
    const qsizetype head = cmap.indexOf("endcodespacerange");
    const qsizetype tail = cmap.indexOf("endcmap");
    if (head < 0 || tail < head)
        return {};
    std::map<uint, QString> map = readMap(cmap);
    bool changed = false;
    for (auto &[glyph, text] : map) {
        const QString fixed = ordinary(text);
        changed = changed || fixed != text;
        text = fixed;
    }
    if (!changed)
        return {};
    QByteArray out = cmap.left(head + qsizetype(strlen("endcodespacerange"))) + '\n';
    std::vector<std::pair<uint, QString>> entries(map.begin(), map.end());
    for (size_t i = 0; i < entries.size(); i += 100) {
        const size_t n = std::min<size_t>(100, entries.size() - i);
        out += QByteArray::number(qulonglong(n)) + " beginbfchar\n";
        for (size_t k = i; k < i + n; ++k)
            out += '<' + QByteArray::number(entries[k].first, 16).toUpper().rightJustified(4, '0') + "> <" +
                   textHex(entries[k].second) + ">\n";
        out += "endbfchar\n";
    }
    return out + cmap.mid(tail);
}

// The object rewritten if it is an uncompressed ToUnicode CMap stream needing repair.
QByteArray repairedObject(const QByteArray &object, int number)
{
    if (!object.contains("begincmap") || !object.contains("/Ordering (UCS)"))
        return {};
    const qsizetype dictEnd = object.indexOf("stream");
    if (dictEnd < 0 || object.left(dictEnd).contains("/Filter"))
        return {};
    qsizetype dataStart = dictEnd + 6;
    if (object.mid(dataStart, 2) == "\r\n")
        dataStart += 2;
    else if (object.mid(dataStart, 1) == "\n")
        dataStart += 1;
    const qsizetype dataEnd = object.lastIndexOf("endstream");
    if (dataEnd < dataStart)
        return {};
    const QByteArray cmap = repairedCMap(object.mid(dataStart, dataEnd - dataStart));
    if (cmap.isEmpty())
        return {};
    return QByteArray::number(number) + " 0 obj\n<< /Length " + QByteArray::number(cmap.size()) + " >>\nstream\n" + cmap +
           "endstream\nendobj\n";
}

} // namespace

QByteArray repaired(const QByteArray &pdf)
{
    const XrefTable xref = readXref(pdf);
    if (xref.start < 0)
        return pdf;
    std::vector<Object> objects;
    for (size_t n = 0; n < xref.offsets.size(); ++n)
        if (xref.offsets[n] > 0 && xref.offsets[n] < xref.start)
            objects.push_back({int(n), xref.offsets[n], 0});
    if (objects.empty())
        return pdf;
    std::sort(objects.begin(), objects.end(), [](const Object &a, const Object &b) { return a.start < b.start; });
    for (size_t i = 0; i < objects.size(); ++i)
        objects[i].end = i + 1 < objects.size() ? objects[i + 1].start : xref.start;

    QByteArray out = pdf.left(objects.front().start);
    std::vector<qsizetype> offsets = xref.offsets;
    bool changed = false;
    for (const Object &o : objects) {
        const QByteArray original = pdf.mid(o.start, o.end - o.start);
        const QByteArray fixed = repairedObject(original, o.number);
        changed = changed || !fixed.isEmpty();
        offsets[size_t(o.number)] = out.size();
        out += fixed.isEmpty() ? original : fixed;
    }
    if (!changed)
        return pdf;
    const qsizetype newXref = out.size();
    out += "xref\n0 " + QByteArray::number(qulonglong(offsets.size())) + '\n';
    for (size_t n = 0; n < offsets.size(); ++n) {
        if (offsets[n] < 0 || n == 0)
            out += pdf.mid(xref.entriesEnd - qsizetype(offsets.size() - n) * 20, 20);
        else
            out += QByteArray::number(qlonglong(offsets[n])).rightJustified(10, '0') + " 00000 n \n";
    }
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    out += pdf.mid(xref.entriesEnd, startxref - xref.entriesEnd);
    out += "startxref\n" + QByteArray::number(qlonglong(newXref)) + "\n%%EOF\n";
    return out;
}

void repairToUnicode(const QString &path)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        throw IoError(fileMessage(path, QStringLiteral("cannot be read")));
    const QByteArray pdf = in.readAll();
    in.close();
    const QByteArray fixed = repaired(pdf);
    if (fixed == pdf)
        return;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(fixed) != fixed.size() || !out.commit())
        throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
}

} // namespace refuge::PdfText
